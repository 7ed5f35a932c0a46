import type { Selection } from '../../../../shared/selection';

/** A story on the projector (being built: issue 13). */
export function PresentationShell({ selection }: { selection: Selection; lost: boolean }) {
  return <div data-testid="presentation">{selection.present?.story}</div>;
}
