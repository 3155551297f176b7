import { compile, derivative, parse, taylor, type Expr } from '@slope/symbolic';
import { courseColors, lineChart, type Series } from '@slope/plot';
import { chartView } from '../chart.js';
import { updateChart } from '../chart-update.js';
import { formatNumber, h, select, slider } from '../dom.js';
import { finiteSegments, sample } from '../sampling.js';
import { texBreaking, texFormulas } from '../tex.js';
import { draggablePoints } from '../drag-points.js';
import { inSeparateTasks } from '../schedule.js';
import type { MountWidget } from '../widget.js';

/** The highest order the widget offers. */
export const MAX_ORDER = 12;

/** A function the Taylor widget can expand, with where its series is valid. */
export interface TaylorPreset {
  readonly expr: string;
  readonly label: string;
  /** Expansion points offered by the slider. */
  readonly points: readonly [min: number, max: number, initial: number];
  /** The plotted x window for an expansion about `a` (it widens to keep a and its interval of validity in view). */
  readonly window: (a: number) => readonly [number, number];
  /** The plotted y window. */
  readonly yWindow: readonly [number, number];
  /**
   * Radius of convergence of the series about `a`: the distance to the nearest singularity
   * in the complex plane (Infinity for entire functions). Known in closed form for each preset.
   */
  readonly radius: (a: number) => number;
}

/** The week 4 functions: entire ones, the course's 1/x about 1 and 2/(x² − x) about 0.5. */
export const TAYLOR_PRESETS: readonly TaylorPreset[] = [
  { expr: 'exp(x)', label: 'eˣ', points: [-2, 2, 0], window: () => [-4, 4], yWindow: [-2, 20], radius: () => Infinity },
  { expr: 'cos(x)', label: 'cos x', points: [-3, 3, 0], window: () => [-8, 8], yWindow: [-3, 3], radius: () => Infinity },
  { expr: 'sin(x)', label: 'sin x', points: [-3, 3, 0], window: () => [-8, 8], yWindow: [-3, 3], radius: () => Infinity },
  // The quizzes expand 1/x about 4 and ln x about 10: the window grows to (0, 2a] with the point.
  { expr: '1/x', label: '1/x', points: [0.25, 10, 1], window: (a) => [-0.5, Math.max(4, 2 * a + 0.5)], yWindow: [-3, 6], radius: (a) => Math.abs(a) },
  { expr: '2/(x^2 - x)', label: '2/(x² − x)', points: [0.5, 0.5, 0.5], window: () => [-0.5, 1.5], yWindow: [-40, 20], radius: (a) => Math.min(Math.abs(a), Math.abs(a - 1)) },
  { expr: 'log(x)', label: 'ln x', points: [0.5, 10, 1], window: (a) => [0.01, Math.max(12, 2 * a + 0.5)], yWindow: [-4, 4], radius: (a) => Math.abs(a) },
  { expr: '1/(1 + x^2)', label: '1/(1 + x²)', points: [-2, 2, 0], window: () => [-3, 3], yWindow: [-3, 3], radius: (a) => Math.hypot(a, 1) },
  { expr: 'exp(x^2)', label: 'e^{x²}', points: [-1, 1, 0], window: () => [-2, 2], yWindow: [-2, 20], radius: () => Infinity },
  { expr: 'x*sin(x)', label: 'x sin x', points: [-3, 3, 0], window: () => [-8, 8], yWindow: [-3, 3], radius: () => Infinity },
];

/** A Taylor series prepared once to the highest order, so that changing the order is only arithmetic. */
export interface PreparedSeries {
  readonly about: number;
  /** c_k for k = 0 … MAX_ORDER (f⁽ᵏ⁾(a)/k!). */
  readonly coefficients: readonly number[];
  /** The polynomial of each order as text, for display. */
  readonly tex: (order: number) => string;
}

/**
 * The coefficients f⁽ᵏ⁾(a)/k!, k = 0…maxOrder, of `expr` about `a` from @slope/symbolic's `taylor`.
 *
 * @example
 * ```ts
 * prepareSeries('1/x', 1).coefficients.slice(0, 4); // [1, -1, 1, -1]
 * ```
 */
export function prepareSeries(expr: string, about: number, maxOrder = MAX_ORDER): PreparedSeries {
  const t = taylor(expr, { about, order: maxOrder, variable: 'x' });
  return preparedFrom(about, t.terms.map((term) => term.value));
}

function preparedFrom(about: number, coefficients: readonly number[]): PreparedSeries {
  const shift = about === 0 ? 'x' : `(x ${about < 0 ? '+' : '-'} ${formatNumber(Math.abs(about))})`;
  return {
    about,
    coefficients,
    tex: (order) => {
      const parts: string[] = [];
      coefficients.slice(0, order + 1).forEach((c, k) => {
        if (Math.abs(c) < 1e-15) return;
        const power = k === 0 ? '' : k === 1 ? shift : `${shift}^{${k}}`;
        const mag = Math.abs(c);
        const coef = k > 0 && Math.abs(mag - 1) < 1e-12 ? '' : formatNumber(mag);
        parts.push(`${c < 0 ? '-' : parts.length > 0 ? '+' : ''} ${coef}${power}`);
      });
      return parts.length === 0 ? '0' : parts.join(' ');
    },
  };
}

/**
 * The series of `expr` about any point, with the derivatives f⁽ᵏ⁾, k = 0…maxOrder,
 * differentiated by @slope/symbolic and compiled once: moving the expansion point (a slider
 * drag) is then one compiled evaluation instead of a symbolic expansion. The coefficients
 * agree with {@link prepareSeries} to rounding.
 *
 * @example
 * ```ts
 * const at = seriesFamily('1/x');
 * at(1).coefficients.slice(0, 4); // [1, -1, 1, -1]
 * ```
 */
export function seriesFamily(expr: string, maxOrder = MAX_ORDER): (about: number) => PreparedSeries {
  const derivatives: Expr[] = [parse(expr)];
  for (let k = 1; k <= maxOrder; k++) derivatives.push(derivative(derivatives[k - 1]!, 'x'));
  const values = compile(derivatives, ['x']);
  const factorials = derivatives.map((_, k) => { let p = 1; for (let j = 2; j <= k; j++) p *= j; return p; });
  return (about) => {
    const v = values([about]);
    return preparedFrom(about, factorials.map((f, k) => v[k]! / f));
  };
}

/**
 * The truncated series of the given order at x: Σ_{k ≤ order} c_k (x − a)^k (Horner).
 *
 * @example
 * ```ts
 * evaluateSeries(prepareSeries('exp(x)', 0), 3, 1); // 1 + 1 + 1/2 + 1/6
 * ```
 */
export function evaluateSeries(series: PreparedSeries, order: number, x: number): number {
  const d = x - series.about;
  let s = 0;
  for (let k = Math.min(order, series.coefficients.length - 1); k >= 0; k--) s = s * d + (series.coefficients[k] ?? 0);
  return s;
}

/**
 * The interval where the series converges to f: (a − R, a + R), intersected with the plotted window.
 *
 * @example
 * ```ts
 * validInterval(TAYLOR_PRESETS[3]!, 1); // [0, 2] for 1/x about 1
 * ```
 */
export function validInterval(preset: TaylorPreset, about: number): [number, number] {
  const r = preset.radius(about);
  const [lo, hi] = preset.window(about);
  return [Math.max(lo, about - r), Math.min(hi, about + r)];
}

/** Week 4: a function, a point and an order slider 0…12; the approximation, its error and where it is valid. */
export const mount: MountWidget = (root, params) => {
  let preset = TAYLOR_PRESETS.find((p) => p.expr === params['expr']) ?? TAYLOR_PRESETS[3]!;
  let order = Number.isInteger(Number(params['order'])) && Number(params['order']) >= 0 && Number(params['order']) <= MAX_ORDER ? Number(params['order']) : 3;
  const aboutParam = Number(params['about']);
  let about = params['about'] !== undefined && aboutParam >= preset.points[0] && aboutParam <= preset.points[1] ? aboutParam : preset.points[2];
  let family = seriesFamily(preset.expr);
  let series = family(about);
  let f = compile(preset.expr, ['x']);
  const fitView = chartView('The function and its Taylor approximation');
  const errorView = chartView('Error of the approximation, log scale');
  const formula = h('div', { class: 'slope-readout', 'data-role': 'polynomial' });
  const compare = h('div', { class: 'slope-readout', 'data-role': 'compare' });
  let probe = Number.isFinite(Number(params['x'])) && params['x'] !== undefined ? Number(params['x']) : 2;
  const validity = h('p', { class: 'slope-readout', 'data-role': 'validity' });

  // Three steps, each its own task while dragging: the fit, the error, the readouts.
  const drawFit = (): void => {
    if (series.about !== about) series = family(about);
    const [lo, hi] = preset.window(about);
    const curve = sample((x) => f([x]), lo, hi, 401);
    const approx = sample((x) => evaluateSeries(series, order, x), lo, hi, 401);
    const yWindow = preset.yWindow;
    const [vlo, vhi] = validInterval(preset, about);
    const band: Series[] = Number.isFinite(preset.radius(about))
      ? [{ x: [vlo, vhi], y: [yWindow[0], yWindow[0]], label: 'series valid here', color: courseColors.green, width: 8 }]
      : [];
    updateChart(fitView, lineChart(
      [
        ...finiteSegments(curve, yWindow, { label: `f(x) = ${preset.label}`, color: courseColors.blue, width: 2.5 }),
        ...finiteSegments(approx, yWindow, { label: `order ${order} about ${formatNumber(about)}`, color: courseColors.magenta, width: 2 }),
        { x: [about], y: [f([about])], label: 'expansion point (drag it)', color: courseColors.orange, pointRadius: 7, width: 1 },
        { x: [probe, probe], y: [yWindow[0], yWindow[1]], label: `x = ${formatNumber(probe)}`, color: '#888888', width: 1 },
        ...band,
      ],
      { xLabel: 'x', yLabel: 'f(x)', xRange: [lo, hi], yRange: yWindow, aspectRatio: 1.8 },
    ));
    drag.sync();
  };
  const drawError = (): void => {
    const [lo, hi] = preset.window(about);
    const err = sample((x) => Math.max(1e-16, Math.abs(f([x]) - evaluateSeries(series, order, x))), lo, hi, 401);
    updateChart(errorView, lineChart(
      finiteSegments(err, [1e-16, 1e6], { label: `|f − order ${order}|`, color: courseColors.orange, width: 2 }),
      { xLabel: 'x', yLabel: '|error|', xRange: [lo, hi], yScale: 'log', yRange: [1e-16, 1e6], aspectRatio: 2.6 },
    ));
  };
  const drawReadout = (): void => {
    // Order 12 is long: it breaks between terms on a narrow column.
    formula.replaceChildren(texBreaking(`f(x) \\approx ${series.tex(order)}`));
    root.dataset['order'] = String(order);
    root.dataset['about'] = String(about);
    // The quiz's comparison: the order-n and order-(n − 1) polynomials at one x.
    const tn = evaluateSeries(series, order, probe);
    const tm = evaluateSeries(series, Math.max(0, order - 1), probe);
    compare.dataset['difference'] = String(tn - tm);
    compare.replaceChildren(texFormulas([
      `f(${formatNumber(probe)}) = ${formatNumber(f([probe]), 6)}`,
      `T_{${order}}(${formatNumber(probe)}) = ${formatNumber(tn, 6)}`,
      ...(order > 0 ? [`T_{${order - 1}}(${formatNumber(probe)}) = ${formatNumber(tm, 6)}`, `T_{${order}} - T_{${order - 1}} = ${formatNumber(tn - tm, 6)}`] : []),
    ]));
    validity.textContent = Number.isFinite(preset.radius(about))
      ? `The series about ${formatNumber(about)} converges only for ${formatNumber(about - preset.radius(about))} < x < ${formatNumber(about + preset.radius(about))} (radius ${formatNumber(preset.radius(about))}: the distance to the nearest singularity). Outside, adding terms makes it worse.`
      : `${preset.label} is entire: its series converges for every x, but far from ${formatNumber(about)} it needs many terms.`;
  };

  const steps = [drawFit, drawError, drawReadout];
  const draw = (): void => {
    for (const step of steps) step();
  };
  const reprepare = (): void => {
    family = seriesFamily(preset.expr);
    series = family(about);
    f = compile(preset.expr, ['x']);
  };
  const drawSoon = inSeparateTasks(steps);
  const pointSlider = slider({ label: 'about a =', min: preset.points[0], max: preset.points[1], step: 0.05, value: about, onInput: (v) => { about = v; drawSoon(); } });
  pointSlider.input.dataset['role'] = 'about';
  const moveAbout = (a: number): void => {
    const [min, max] = preset.points;
    about = Math.min(max, Math.max(min, Math.round(a / 0.05) * 0.05));
    pointSlider.set(about);
    drawSoon();
  };
  const drag = draggablePoints(fitView, {
    name: 'the expansion point a',
    points: () => [{ x: about, y: Math.min(preset.yWindow[1], Math.max(preset.yWindow[0], f([about]))) }],
    move: (_, x) => moveAbout(x),
    step: { x: 0.05, y: 0 },
    describe: () => `a = ${formatNumber(about)}`,
  });
  const probeInput = h('input', { type: 'number', class: 'slope-text', step: 'any', value: probe, 'aria-label': 'compare the orders at x =', 'data-role': 'probe', style: 'width: 6rem' });
  probeInput.addEventListener('input', () => {
    const v = Number(probeInput.value);
    if (probeInput.value.trim() === '' || !Number.isFinite(v)) return;
    probe = v;
    drawSoon();
  });
  const choose = select('f(x)', TAYLOR_PRESETS.map((p) => [p.expr, p.label] as const), preset.expr, (v) => {
    preset = TAYLOR_PRESETS.find((p) => p.expr === v) ?? preset;
    about = preset.points[2];
    pointSlider.input.disabled = preset.points[0] === preset.points[1];
    pointSlider.input.min = String(preset.points[0]);
    pointSlider.input.max = String(preset.points[1]);
    pointSlider.set(about);
    reprepare();
    fitView.destroy();
    errorView.destroy();
    draw();
  });
  const orderSlider = slider({ label: 'order', min: 0, max: MAX_ORDER, step: 1, value: order, format: (v) => String(v), onInput: (v) => { order = v; drawSoon(); } });
  orderSlider.input.dataset['role'] = 'order';
  root.append(
    h('div', { class: 'slope-controls' }, choose.el, pointSlider.el, orderSlider.el),
    fitView.el, drag.hint, formula, validity,
    h('div', { class: 'slope-controls' }, h('label', { class: 'slope-slider' }, h('span', { class: 'slope-label' }, 'compare the orders at x ='), probeInput)),
    compare,
    errorView.el,
  );
  draw();
  return { destroy() { fitView.destroy(); errorView.destroy(); } };
};
