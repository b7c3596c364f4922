// The idle lock of the window: after `minutes` without a key or the mouse, `onIdle` runs
// once (the app signs out and shows the sign-in screen). Pure: the timer functions and
// the clock are given, so a test drives it with fake timers.

export interface IdleLock {
  /** A key press, a click or a mouse move: the idle time starts again. */
  activity(): void;
  /** Stop watching (signed out, or the lock turned off). */
  stop(): void;
  /** Whether the lock is watching (false after it fired or was stopped). */
  readonly running: boolean;
}

export interface IdleClock {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Watch for `minutes` without use (0 or less: never lock; the returned lock does nothing).
 * Activity only records the time (a mouse move fires often); the one timer, when due,
 * either fires or waits for the rest of the time since the last activity.
 */
export function idleLock(minutes: number, onIdle: () => void, clock: IdleClock = realClock): IdleLock {
  const limit = Math.round(minutes * 60_000);
  let running = limit > 0;
  let last = clock.now();
  let timer: unknown = null;

  function arm(ms: number) {
    timer = clock.setTimeout(check, ms);
  }

  function check() {
    timer = null;
    if (!running) return;
    const idle = clock.now() - last;
    if (idle >= limit) {
      running = false;
      onIdle();
    } else {
      arm(limit - idle);
    }
  }

  if (running) arm(limit);

  return {
    activity() {
      if (running) last = clock.now();
    },
    stop() {
      running = false;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
    get running() {
      return running;
    },
  };
}
