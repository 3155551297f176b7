// An example that prints from a timer (`setTimeout(() => console.log('later'), 100)`) has not
// finished when its module has: the host waits until no timer is pending, as Node does before
// it exits. An interval that is never cleared keeps the run going until the time limit stops it.

type Callback = (...args: unknown[]) => void;
type Handle = ReturnType<typeof setTimeout>;

/** Timer functions that remember what is pending, and a promise for when nothing is. */
export interface ExampleTimers {
  setTimeout(callback: Callback, ms?: number, ...args: unknown[]): Handle;
  clearTimeout(handle: Handle | undefined): void;
  setInterval(callback: Callback, ms?: number, ...args: unknown[]): Handle;
  clearInterval(handle: Handle | undefined): void;
  /** Resolves once no timeout or interval is pending (at once if none is). */
  idle(): Promise<void>;
}

/** The global timer functions an example may use, to install and restore around a run. */
export const TIMER_NAMES = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] as const;

function callable(where: string, callback: unknown): Callback {
  if (typeof callback !== 'function') throw new TypeError(`${where}: the callback must be a function, got ${typeof callback}`);
  return callback as Callback;
}

/**
 * Wraps the host's timers for one run. A callback that throws is reported to `onError`
 * (with the run going on, as an uncaught error in a timer does not stop Node either).
 *
 * @example
 * ```ts
 * const timers = trackTimers((e) => items.push(describeError(e, url)));
 * timers.setTimeout(() => console.log('later'), 10);
 * await timers.idle(); // after 'later' is printed
 * ```
 */
export function trackTimers(onError: (error: unknown) => void): ExampleTimers {
  const pending = new Set<Handle>();
  let waiting: (() => void)[] = [];
  const settle = (): void => {
    if (pending.size > 0) return;
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };
  const guarded = (callback: Callback, args: unknown[]) => (): void => {
    try {
      callback(...args);
    } catch (e) {
      onError(e);
    }
  };
  // Bound: a browser's timer functions throw "Illegal invocation" when called on another object.
  const host = {
    setTimeout: globalThis.setTimeout.bind(globalThis),
    clearTimeout: globalThis.clearTimeout.bind(globalThis),
    setInterval: globalThis.setInterval.bind(globalThis),
    clearInterval: globalThis.clearInterval.bind(globalThis),
  };
  return {
    setTimeout(callback, ms, ...args) {
      const run = guarded(callable('setTimeout', callback), args);
      const handle: Handle = host.setTimeout(() => {
        pending.delete(handle);
        run();
        settle();
      }, ms);
      pending.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      if (handle === undefined) return;
      host.clearTimeout(handle);
      pending.delete(handle);
      settle();
    },
    setInterval(callback, ms, ...args) {
      const handle = host.setInterval(guarded(callable('setInterval', callback), args), ms);
      pending.add(handle);
      return handle;
    },
    clearInterval(handle) {
      if (handle === undefined) return;
      host.clearInterval(handle);
      pending.delete(handle);
      settle();
    },
    idle() {
      return new Promise((resolve) => {
        waiting.push(resolve);
        settle();
      });
    },
  };
}
