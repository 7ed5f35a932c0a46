export type SampleScale = 'small' | 'default' | 'large';

export interface ScaleConfig {
  regions: number;
  /** Retail areas (stores and branches), spread over the regions. */
  retailAreas: number;
  contactCentreAreas: number;
  retailTeams: number;
  queueTeams: number;
  /** Headcount the team sizes are scaled to in the first quarter. */
  employees: number;
  /** Largest team; small teams are the point of the minimum-group-size rules. */
  maxTeamSize: number;
  customerResponses: number;
  interactions: number;
  /** Teams moved to another area at the reorganisation (besides the whole areas that move). */
  teamsMovedAtReorg: number;
}

export const SCALES: Record<SampleScale, ScaleConfig> = {
  small: {
    regions: 2,
    retailAreas: 5,
    contactCentreAreas: 1,
    retailTeams: 35,
    queueTeams: 5,
    employees: 700,
    maxTeamSize: 60,
    customerResponses: 25_000,
    interactions: 5_000,
    teamsMovedAtReorg: 2,
  },
  default: {
    regions: 4,
    retailAreas: 37,
    contactCentreAreas: 3,
    retailTeams: 262,
    queueTeams: 38,
    employees: 6_000,
    maxTeamSize: 60,
    customerResponses: 400_000,
    interactions: 150_000,
    teamsMovedAtReorg: 5,
  },
  large: {
    regions: 8,
    retailAreas: 250,
    contactCentreAreas: 16,
    retailTeams: 1_740,
    queueTeams: 260,
    employees: 100_000,
    maxTeamSize: 240,
    customerResponses: 5_000_000,
    interactions: 1_000_000,
    teamsMovedAtReorg: 30,
  },
};
