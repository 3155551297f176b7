/**
 * Wraps `fn` so that any number of calls within one animation frame run it once, at the
 * frame: a slider that fires several input events per frame then costs one redraw. When
 * frames are not being produced (a hidden tab, a starved headless browser) a 100 ms timer
 * runs it instead, so an update is never lost.
 *
 * @example
 * ```ts
 * const redraw = oncePerFrame(draw);
 * input.addEventListener('input', redraw);
 * ```
 */
export function oncePerFrame(fn: () => void): () => void {
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = undefined;
    timer = undefined;
    fn();
  };
  return () => {
    if (frame !== undefined || timer !== undefined) return;
    frame = requestAnimationFrame(run);
    timer = setTimeout(run, 100);
  };
}

/**
 * Wraps a redraw made of several steps so that each step runs in its own task (one
 * `setTimeout(0)` after the other) instead of all in one: a redraw that updates four charts
 * then never holds the main thread for the sum of their costs, and the browser can paint and
 * handle input between the steps. Calls while a run is under way are coalesced: the steps run
 * once more, from the first, after the current run ends, so the last state is always drawn.
 * Each step reads the widget's current state when it runs.
 *
 * @example
 * ```ts
 * const redraw = inSeparateTasks([updateMap, updateApproximations, updateReadout]);
 * input.addEventListener('input', redraw);
 * ```
 */
export function inSeparateTasks(steps: readonly (() => void)[]): () => void {
  let next = -1;
  let again = false;
  const run = (): void => {
    const step = steps[next];
    next += 1;
    try {
      step?.();
    } finally {
      if (next < steps.length) setTimeout(run, 0);
      else {
        next = -1;
        if (again) {
          again = false;
          start();
        }
      }
    }
  };
  const start = (): void => {
    next = 0;
    setTimeout(run, 0);
  };
  return () => {
    if (next >= 0) again = true;
    else start();
  };
}
