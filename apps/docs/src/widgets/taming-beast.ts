import { compile, derivative, explain, parse, toTex } from '@slope/symbolic';
import { courseColors, lineChart } from '@slope/plot';
import { chartView, markersOnly } from '../chart.js';
import { formatNumber, h, select } from '../dom.js';
import { sample } from '../sampling.js';
import { texBreaking } from '../tex.js';
import type { MountWidget } from '../widget.js';

/** The lecture's beast and the derivative worked by hand in the lecture (COURSE.md §4, week 1). */
export const BEAST = 'sin(2x^5 + 3x) / e^(7x)';
/** The same function rewritten as the lecture does before differentiating: sin(2x⁵ + 3x)·e^(−7x). */
export const BEAST_AS_PRODUCT = 'sin(2x^5 + 3x) * e^(-7x)';
const byHand = (x: number): number => Math.exp(-7 * x) * ((10 * x ** 4 + 3) * Math.cos(2 * x ** 5 + 3 * x) - 7 * Math.sin(2 * x ** 5 + 3 * x));

/**
 * The largest gaps, over [a, b], between the symbolic derivative of the beast and (1) the
 * lecture's hand-derived form, (2) a central difference with h = 1e-5.
 *
 * @example
 * ```ts
 * beastCheck(0, 1.5).vsHand < 1e-12; // true
 * ```
 */
export function beastCheck(a: number, b: number, n = 301): { vsHand: number; vsNumeric: number } {
  const f = compile(BEAST, ['x']);
  const df = compile(derivative(parse(BEAST), 'x'), ['x']);
  const hStep = 1e-5;
  let vsHand = 0;
  let vsNumeric = 0;
  for (let i = 0; i < n; i++) {
    const x = a + ((b - a) * i) / (n - 1);
    const d = df([x]);
    vsHand = Math.max(vsHand, Math.abs(d - byHand(x)));
    vsNumeric = Math.max(vsNumeric, Math.abs(d - (f([x + hStep]) - f([x - hStep])) / (2 * hStep)));
  }
  return { vsHand, vsNumeric };
}

/** The two ways of writing the beast, and the rule each one starts with. */
export const BEAST_FORMS = [
  { key: 'product', source: BEAST_AS_PRODUCT, rule: 'product', label: 'rewritten as a product: product rule' },
  { key: 'quotient', source: BEAST, rule: 'quotient', label: 'as written, a quotient: quotient rule' },
] as const;

/** Week 1: "taming a beast" — rewritten as a product (the lecture's route) or as written (quotient rule), checked two ways. */
export const mount: MountWidget = (root) => {
  const view = chartView('The beast and its derivative');
  const formulas = h('div', {});
  const intro = h('p', { class: 'slope-readout', 'data-role': 'route' });
  const steps = h('ol', { class: 'slope-steps', 'data-role': 'steps' });
  const draw = (key: string): void => {
    const form = BEAST_FORMS.find((b) => b.key === key) ?? BEAST_FORMS[0];
    const f = parse(form.source);
    const df = derivative(f, 'x');
    const working = explain(f, 'x');
    root.dataset['form'] = form.key;
    // The prose names the rule the working actually starts with.
    root.dataset['firstRule'] = working[0]?.rule ?? '';
    intro.textContent = `Working on f written ${form.key === 'product' ? 'as sin(2x⁵ + 3x) · e^(−7x)' : 'as the quotient sin(2x⁵ + 3x) / e^(7x)'}: the outermost operation is a ${form.key}, so the first rule is the ${working[0]?.rule ?? form.rule} rule, with the chain rule inside each factor.`;
    // f′ is long: it breaks at its top-level operators on a narrow column instead of overflowing.
    formulas.replaceChildren(texBreaking(`f(x) = ${toTex(f)}`), texBreaking(`f'(x) = ${toTex(df)}`));
    steps.replaceChildren(...working.map((s) => h('li', {}, h('span', { class: 'slope-rule' }, `${s.rule} rule`), texBreaking(s.tex))));
  };
  const f = parse(BEAST);
  const fc = compile(f, ['x']);
  const dfc = compile(derivative(f, 'x'), ['x']);
  const fcurve = sample((x) => fc([x]), 0, 1.5, 301);
  const dcurve = sample((x) => dfc([x]), 0, 1.5, 301);
  const marks = sample(byHand, 0, 1.5, 31);
  view.render(
    markersOnly(lineChart(
      [
        { ...fcurve, label: 'f(x)', color: courseColors.blue, width: 2.5 },
        { ...dcurve, label: "f′(x), from @slope/symbolic", color: courseColors.orange, width: 2 },
        { ...marks, label: 'f′(x), by hand (lecture)', color: courseColors.magenta, width: 1, pointRadius: 3 },
      ],
      { xLabel: 'x', xRange: [0, 1.5], aspectRatio: 1.8 },
    ), 2),
  );
  const check = beastCheck(0, 1.5);
  const route = select('Route', BEAST_FORMS.map((b) => [b.key, b.label] as const), 'product', draw);
  root.append(
    h('div', { class: 'slope-controls' }, route.el),
    intro,
    formulas,
    view.el,
    h('p', { class: 'slope-readout' },
      `Largest gap on [0, 1.5]: symbolic vs the lecture's hand result ${formatNumber(check.vsHand, 2)}; `,
      `symbolic vs a central difference (h = 10⁻⁵) ${formatNumber(check.vsNumeric, 2)}.`),
    h('details', { open: true }, h('summary', {}, 'The working, rule by rule'), steps),
  );
  draw('product');
  return { destroy: () => view.destroy() };
};
