import type { TeamLatents } from './latent';
import type { Organisation } from './organisation';
import type { ScaleConfig } from './scale';
import type { Workforce } from './workforce';

/** The simulated company every export file is written from. */
export interface SampleCompany {
  dir: string;
  scale: ScaleConfig;
  organisation: Organisation;
  latents: TeamLatents;
  workforce: Workforce;
  progress: (message: string) => void;
}
