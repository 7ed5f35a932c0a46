/** Placeholder until the Drivers screen lands (issue 12, item 3). */
export function DriversView() {
  return <div className="view view--drivers" data-testid="drivers-view" />;
}
