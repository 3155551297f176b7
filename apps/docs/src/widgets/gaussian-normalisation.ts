import { evaluate, integrate, IntegrationError, quad, quad2d, toTex, type QuadResult } from '@slope/symbolic';
import { courseColors, lineChart } from '@slope/plot';
import { chartView, markersOnly } from '../chart.js';
import { updateChart } from '../chart-update.js';
import { formatNumber, h, slider } from '../dom.js';
import { sample } from '../sampling.js';
import { texElement } from '../tex.js';
import type { MountWidget } from '../widget.js';
import { aspectFor, integrationWidget, shaded } from './integration-shared.js';

/** The heights assignment's starting guess (COURSE.md §2): μ = 155 cm, σ = 6 cm. */
export const HEIGHTS_START = { mu: 155, sigma: 6 } as const;

/** The unnormalised Gaussian of the heights model. */
export const GAUSSIAN = 'exp(-(x - mu)^2/(2*sigma^2))';

/** ∫ exp(−(x − μ)²/(2σ²)) dx over ℝ, by quad, with the points where quad evaluated it. */
export function gaussianByQuad(mu: number, sigma: number): QuadResult & { nodes: number[] } {
  const nodes: number[] = [];
  const r = quad((x) => {
    nodes.push(x);
    return Math.exp(-((x - mu) ** 2) / (2 * sigma * sigma));
  }, -Infinity, Infinity);
  return { ...r, nodes };
}

/** The symbolic side: the definite integral over ℝ (the Gaussian-integral rule) and what integrate says about the antiderivative. */
export interface GaussianSymbolic {
  /** integrate(GAUSSIAN, 'x', −∞, ∞) as an expression in σ. */
  readonly overR: string;
  readonly overRTex: string;
  /** Why the antiderivative of exp(−x²/2) is refused (it needs erf, which is not elementary). */
  readonly antiderivative: string;
  /** ∫₀^∞ r·exp(−r²) dr, the radial integral of the polar argument, exactly. */
  readonly radial: string;
}

/**
 * What @slope/symbolic can say exactly: the value over ℝ, the refusal of an antiderivative,
 * and the radial integral of the polar-coordinates proof.
 *
 * @example
 * ```ts
 * gaussianSymbolic().overR; // 'sqrt(2)*sqrt(pi)*abs(sigma)'
 * ```
 */
export function gaussianSymbolic(): GaussianSymbolic {
  const overR = integrate(GAUSSIAN, 'x', -Infinity, Infinity);
  let antiderivative: string;
  try {
    antiderivative = `integrate found ${integrate('exp(-x^2/2)', 'x').toString()}`;
  } catch (e) {
    if (!(e instanceof IntegrationError)) throw e;
    antiderivative = e.message.replace(/^integrate: /, '');
  }
  return { overR: overR.toString(), overRTex: toTex(overR), antiderivative, radial: integrate('r*exp(-r^2)', 'r', 0, Infinity).toString() };
}

/** The polar argument checked numerically: the Gaussian over the plane in Cartesian and in polar coordinates. */
export function polarCheck(): { cartesian: QuadResult; polar: QuadResult } {
  return {
    cartesian: quad2d('exp(-(x^2 + y^2))', [-Infinity, Infinity], [-Infinity, Infinity], { tol: 1e-9 }),
    polar: quad2d('r*exp(-r^2)', [0, Infinity], [0, 2 * Math.PI], { variables: ['r', 't'] }),
  };
}

/** The heights model's Gaussian: why its normalisation is sqrt(2π)·σ, by quad and by integrate, and the polar argument behind it. */
export const mount: MountWidget = (root) => {
  integrationWidget(root);
  let mu: number = HEIGHTS_START.mu;
  let sigma: number = HEIGHTS_START.sigma;
  const symbolic = gaussianSymbolic();
  const view = chartView('The Gaussian of the heights model with its area shaded and the points quad evaluated');
  const readout = h('div', { class: 'slope-readout slope-int-readout', 'data-role': 'gaussian-readout', 'aria-live': 'polite' });

  const draw = (): void => {
    const q = gaussianByQuad(mu, sigma);
    const exact = Math.sqrt(2 * Math.PI) * sigma;
    const symbolicValue = evaluate(symbolic.overR, { sigma });
    const lo = mu - 5 * sigma;
    const hi = mu + 5 * sigma;
    const curve = sample((x) => Math.exp(-((x - mu) ** 2) / (2 * sigma * sigma)), lo, hi, 241);
    const shown = q.nodes.filter((x) => x >= lo && x <= hi);
    const config = shaded(markersOnly(lineChart(
      [
        { ...curve, label: 'exp(−(x − μ)²/(2σ²))', color: courseColors.blue, width: 2.5 },
        { x: shown, y: shown.map(() => 0), label: `quad's ${q.evaluations} evaluations (those in view)`, color: courseColors.orange, width: 1, pointRadius: 2.5 },
      ],
      { xRange: [lo, hi], yRange: [-0.06, 1.08], xLabel: 'height x (cm)', aspectRatio: aspectFor(root, 1.9) },
    ), 1), 0, courseColors.blue, 0.2);
    updateChart(view, config);
    readout.dataset['quad'] = String(q.value);
    readout.dataset['exact'] = String(exact);
    readout.dataset['symbolic'] = String(symbolicValue);
    readout.replaceChildren(
      texElement(`\\int_{-\\infty}^{\\infty} e^{-\\frac{(x-\\mu)^2}{2\\sigma^2}}\\,dx = ${symbolic.overRTex} = \\sqrt{2\\pi}\\,\\sigma`, true),
      h('table', { class: 'slope-int-table' },
        h('tr', {}, h('th', {}, 'how'), h('th', {}, `value for σ = ${formatNumber(sigma, 4)}`), h('th', {}, 'detail')),
        h('tr', {}, h('td', {}, 'integrate, symbolic'), h('td', { 'data-role': 'symbolic-value' }, formatNumber(symbolicValue, 12)), h('td', {}, symbolic.overR)),
        h('tr', {}, h('td', {}, 'quad, numerical'), h('td', { 'data-role': 'quad-value' }, formatNumber(q.value, 12)), h('td', {}, `± ${formatNumber(q.error, 2)}, ${q.evaluations} evaluations, ${q.converged ? 'converged' : q.reason}`)),
        h('tr', {}, h('td', {}, '√(2π)·σ'), h('td', {}, formatNumber(exact, 12)), h('td', {}, `quad − √(2π)σ = ${formatNumber(q.value - exact, 2)}`)),
      ),
    );
  };

  const polar = polarCheck();
  const argument = h('div', { class: 'slope-int-readout', 'data-role': 'polar' },
    h('p', { class: 'slope-int-note', 'data-role': 'refusal' }, `Why not F(∞) − F(−∞)? Asked for the antiderivative of exp(−x²/2), integrate refuses: “${symbolic.antiderivative}”. Its antiderivative is the error function, which is not elementary. The value over ℝ comes from the Gaussian integral, proved by the polar argument:`),
    texElement(`\\begin{aligned} I &= \\int_{-\\infty}^{\\infty} e^{-x^2}dx, \\\\ I^2 &= \\iint_{\\mathbb{R}^2} e^{-(x^2+y^2)}\\,dx\\,dy \\\\ &= \\int_0^{2\\pi}\\!\\!\\int_0^\\infty e^{-r^2}\\,r\\,dr\\,d\\theta \\\\ &= 2\\pi\\cdot ${toTex(symbolic.radial)} = \\pi \\end{aligned}`, true),
    h('table', { class: 'slope-int-table' },
      h('tr', {}, h('th', {}, 'checked numerically with quad2d'), h('th', {}, 'value'), h('th', {}, 'π − value'), h('th', {}, 'evaluations')),
      h('tr', {}, h('td', {}, '∬ exp(−(x² + y²)) over the plane'), h('td', { 'data-role': 'cartesian' }, formatNumber(polar.cartesian.value, 12)), h('td', {}, formatNumber(Math.PI - polar.cartesian.value, 2)), h('td', {}, String(polar.cartesian.evaluations))),
      h('tr', {}, h('td', {}, '∫∫ r·exp(−r²) dr dθ, polar'), h('td', { 'data-role': 'polar-value' }, formatNumber(polar.polar.value, 12)), h('td', {}, formatNumber(Math.PI - polar.polar.value, 2)), h('td', {}, String(polar.polar.evaluations))),
    ),
    texElement(`\\begin{aligned} &\\text{so } I = \\sqrt{\\pi}, \\text{ and with } x = \\tfrac{t - \\mu}{\\sqrt{2}\\,\\sigma}: \\\\ &\\int_{-\\infty}^{\\infty} e^{-\\frac{(t-\\mu)^2}{2\\sigma^2}}dt = \\sqrt{2}\\,\\sigma\\,\\sqrt{\\pi} \\end{aligned}`, true),
  );

  const muSlider = slider({ label: 'μ (cm)', min: 140, max: 200, step: 0.5, value: mu, format: (v) => formatNumber(v, 4), name: 'mu', onInput: (v) => { mu = v; draw(); } });
  const sigmaSlider = slider({ label: 'σ (cm)', min: 1, max: 20, step: 0.1, value: sigma, format: (v) => formatNumber(v, 3), name: 'sigma', onInput: (v) => { sigma = v; draw(); } });
  root.append(h('div', { class: 'slope-controls' }, muSlider.el, sigmaSlider.el), readout, view.el, argument);
  draw();
  return { destroy: () => view.destroy() };
};
