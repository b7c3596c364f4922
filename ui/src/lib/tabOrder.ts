// The Tab order of a long data-entry form: the officer's path first (the fields of a
// typical entry, in the order they are typed, then Save), then the controls used now and
// then ("extras"), so a typical entry never tabs through controls it does not need.
// Every control stays reachable from the keyboard.

/** Path stops in document order, then extras in document order. */
export function tabSequence<T>(stops: T[], isExtra: (t: T) => boolean): T[] {
  return [...stops.filter((s) => !isExtra(s)), ...stops.filter(isExtra)];
}

/**
 * The stop Tab (or Shift+Tab) moves to from `current`; null when `current` is not a stop
 * or the move leaves the form (the browser then moves on as usual).
 */
export function nextStop<T>(sequence: T[], current: T, backwards: boolean): T | null {
  const i = sequence.indexOf(current);
  if (i < 0) return null;
  const j = backwards ? i - 1 : i + 1;
  return j >= 0 && j < sequence.length ? sequence[j] : null;
}
