/*
 * How deep the trainee is in the app's own history, so the bar's back button can go back (the
 * list keeps its place) when there is somewhere in the app to go back to, and go up to the
 * parent screen when the page was opened by its address. The depth rides on history.state.
 */
interface DepthState {
  egovDepth?: number;
}

let depth = 0;

const stateDepth = () => (history.state as DepthState | null)?.egovDepth;

function mark(value: number): void {
  depth = value;
  history.replaceState({ ...(history.state as object | null), egovDepth: value }, '');
}

/** At start: the page opened by its address (or a reload keeps its depth). */
export function startNavigation(): void {
  mark(stateDepth() ?? 0);
}

/** After each route change: a new entry is one deeper; Back and Forward bring their own depth. */
export function noteRouteChange(): void {
  const known = stateDepth();
  if (known === undefined) mark(depth + 1);
  else depth = known;
}

export const hasInAppHistory = () => depth > 0;
