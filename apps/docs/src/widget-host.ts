import { deferRender } from './defer-render.js';
import type { WidgetHandle, WidgetModule } from './widget.js';

// Each widget is its own chunk, loaded only when its placeholder scrolls into view.
const widgets: Readonly<Record<string, () => Promise<WidgetModule>>> = {
  secant: () => import('./widgets/secant.js'),
  'derivative-explorer': () => import('./widgets/derivative-explorer.js'),
  'taming-beast': () => import('./widgets/taming-beast.js'),
  sandpit: () => import('./widgets/sandpit.js'),
  'partials-can': () => import('./widgets/partials-can.js'),
  'jacobian-arrows': () => import('./widgets/jacobian-arrows.js'),
  'jacobian-polar': () => import('./widgets/jacobian-polar.js'),
  'hessian-classify': () => import('./widgets/hessian-classify.js'),
  'reality-is-hard': () => import('./widgets/reality-is-hard.js'),
  'chain-rule': () => import('./widgets/chain-rule.js'),
  'tanh-neuron': () => import('./widgets/tanh-neuron.js'),
  backprop: () => import('./widgets/backprop.js'),
  'taylor-series': () => import('./widgets/taylor-series.js'),
  linearisation: () => import('./widgets/linearisation.js'),
  'taylor-2d': () => import('./widgets/taylor-2d.js'),
  'newton-raphson': () => import('./widgets/newton-raphson.js'),
  'descent-sandpit': () => import('./widgets/descent-sandpit.js'),
  lagrange: () => import('./widgets/lagrange.js'),
  'linear-regression': () => import('./widgets/linear-regression.js'),
  'nonlinear-fit': () => import('./widgets/nonlinear-fit.js'),
  heights: () => import('./widgets/heights.js'),
  'function-matching': () => import('./widgets/function-matching.js'),
  'jacobian-spherical': () => import('./widgets/jacobian-spherical.js'),
  'neural-layer': () => import('./widgets/neural-layer.js'),
  anscombe: () => import('./widgets/anscombe.js'),
  'riemann-sums': () => import('./widgets/riemann-sums.js'),
  'fundamental-theorem': () => import('./widgets/fundamental-theorem.js'),
  'integral-explorer': () => import('./widgets/integral-explorer.js'),
  'gaussian-normalisation': () => import('./widgets/gaussian-normalisation.js'),
  assignment: () => import('./assignments/assignment-widget.js'),
};

/** The names a page may use in `<Widget name="…" />`. */
export const widgetNames: readonly string[] = Object.keys(widgets);

/**
 * Mounts the named widget into `root` once it is scrolled into view. Sets
 * `data-state="ready"` when drawn (or `"error"` with the message shown) so that tests and
 * readers can tell a widget that is still waiting from one that failed.
 *
 * @example
 * ```ts
 * const handle = mountWidget(el, 'secant', {});
 * handle.destroy();
 * ```
 */
export function mountWidget(root: HTMLElement, name: string, params: Readonly<Record<string, string>>): WidgetHandle {
  const load = widgets[name];
  root.dataset['state'] = 'waiting';
  if (load === undefined) {
    const message = `Unknown widget "${name}"; expected one of ${widgetNames.join(', ')}`;
    root.textContent = message;
    root.dataset['state'] = 'error';
    console.error(message);
    return { destroy() {} };
  }
  root.replaceChildren(Object.assign(document.createElement('p'), { className: 'slope-placeholder', textContent: `Loading the ${name} widget…` }));
  let handle: WidgetHandle | undefined;
  let destroyed = false;
  const pending = deferRender(root, () => {
    root.dataset['state'] = 'loading';
    void load()
      .then((mod) => {
        root.replaceChildren();
        return mod.mount(root, params);
      })
      .then((h) => {
        if (destroyed) {
          h.destroy();
          return;
        }
        handle = h;
        root.dataset['state'] = 'ready';
      })
      .catch((error: unknown) => {
        root.dataset['state'] = 'error';
        root.textContent = `This widget failed to load: ${error instanceof Error ? error.message : String(error)}`;
        console.error(error);
      });
  });
  return {
    destroy() {
      destroyed = true;
      pending.dispose();
      handle?.destroy();
    },
  };
}
