/** What scrolls sideways inside the page instead of the page itself. */
export const SCROLL_BOX_SELECTOR = '.katex-display, .slope-scroll, .slope-wrap, .slope-matrix, .vp-doc table';

/**
 * Makes each box that scrolls sideways (a display formula, a wide table) focusable while its
 * content overflows, and only then: a keyboard user can then tab to it and scroll it with the
 * arrow keys, and a box that fits adds no tab stop. Returns whether the box overflows.
 *
 * @example
 * ```ts
 * for (const el of document.querySelectorAll<HTMLElement>(SCROLL_BOX_SELECTOR)) syncScrollBox(el);
 * ```
 */
export function syncScrollBox(el: HTMLElement): boolean {
  const overflows = el.scrollWidth > el.clientWidth + 1;
  const ours = el.dataset['scrollBox'] === 'true';
  if (overflows && !el.hasAttribute('tabindex')) {
    el.tabIndex = 0;
    el.dataset['scrollBox'] = 'true';
    // A named group: focus then announces what the box is (the formula itself follows).
    if (!el.hasAttribute('role') && el.matches('.katex-display, .slope-wrap')) {
      el.setAttribute('role', 'group');
      el.setAttribute('aria-label', 'formula, scrolls sideways');
    }
  } else if (!overflows && ours) {
    el.removeAttribute('tabindex');
    if (el.getAttribute('role') === 'group') {
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
    delete el.dataset['scrollBox'];
  }
  return overflows;
}

/**
 * Keeps {@link syncScrollBox} true for every scroll box under `root` as the page changes
 * (navigation, widgets retypesetting their readouts) and as the window is resized; checks
 * are batched to one per animation frame.
 *
 * @example
 * ```ts
 * const watcher = watchScrollBoxes(document.body);
 * watcher.dispose();
 * ```
 */
export function watchScrollBoxes(root: HTMLElement): { dispose(): void } {
  let frame: number | undefined;
  const check = (): void => {
    frame = undefined;
    for (const el of root.querySelectorAll<HTMLElement>(SCROLL_BOX_SELECTOR)) syncScrollBox(el);
  };
  const soon = (): void => {
    frame ??= requestAnimationFrame(check);
  };
  const observer = new MutationObserver(soon);
  observer.observe(root, { childList: true, subtree: true });
  window.addEventListener('resize', soon);
  soon();
  return {
    dispose() {
      observer.disconnect();
      window.removeEventListener('resize', soon);
      if (frame !== undefined) cancelAnimationFrame(frame);
    },
  };
}
