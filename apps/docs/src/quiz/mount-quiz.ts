import type { WidgetHandle } from '../widget.js';

/**
 * Mounts a week's practice questions into `root` as soon as the page is up (they are light:
 * text and inputs, no charts), loading the quiz code as its own chunk. Sets `data-state` to
 * `"ready"` once drawn, or `"error"` with the message shown, like the widget host.
 *
 * @example
 * ```ts
 * const handle = mountQuiz(el, '1');
 * handle.destroy();
 * ```
 */
export function mountQuiz(root: HTMLElement, week: string): WidgetHandle {
  root.dataset['state'] = 'loading';
  let handle: WidgetHandle | undefined;
  let destroyed = false;
  void import('./quiz-widget.js')
    .then((mod) => {
      if (destroyed) return;
      root.replaceChildren();
      return Promise.resolve(mod.mount(root, { week })).then((h) => {
        if (destroyed) {
          h.destroy();
          return;
        }
        handle = h;
        root.dataset['state'] = 'ready';
      });
    })
    .catch((error: unknown) => {
      root.dataset['state'] = 'error';
      root.textContent = `The practice questions failed to load: ${error instanceof Error ? error.message : String(error)}`;
      console.error(error);
    });
  return {
    destroy() {
      destroyed = true;
      handle?.destroy();
    },
  };
}
