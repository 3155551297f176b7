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
