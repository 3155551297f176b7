/** Something that can be cancelled or torn down. */
export interface Disposable {
  dispose(): void;
}

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/**
 * Runs `render` once `el` scrolls near the viewport, in an idle moment, like the d3 docs'
 * `deferRender`: a page with a dozen live charts only pays for the ones a reader looks at.
 *
 * @example
 * ```ts
 * const pending = deferRender(root, () => drawChart(root));
 * // on unmount
 * pending.dispose();
 * ```
 */
export function deferRender(el: Element, render: () => void, rootMargin = '200px'): Disposable {
  const win = window as IdleWindow;
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (): void => {
    // requestIdleCallback is missing in some browsers; a zero timeout keeps the order.
    if (win.requestIdleCallback) idle = win.requestIdleCallback(render, { timeout: 500 });
    else timer = setTimeout(render, 0);
  };
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        schedule();
      }
    },
    { rootMargin },
  );
  observer.observe(el);
  return {
    dispose() {
      observer.disconnect();
      if (idle !== undefined) win.cancelIdleCallback?.(idle);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
