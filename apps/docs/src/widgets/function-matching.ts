import { compile, derivative, parse } from '@slope/symbolic';
import { courseColors, lineChart } from '@slope/plot';
import { chartView, type ChartView } from '../chart.js';
import { button, h } from '../dom.js';
import { sample } from '../sampling.js';
import type { MountWidget } from '../widget.js';

/** A graph shown with a letter, and the curve it draws. */
export interface LetteredGraph {
  readonly letter: string;
  readonly x: readonly [number, number];
  readonly f: (x: number) => number;
}

/** A matching exercise: prompts, lettered graphs, and the letter each prompt matches. */
export interface MatchingExercise {
  readonly title: string;
  readonly prompts: readonly { readonly id: string; readonly text: string; readonly answer: string }[];
  readonly graphs: readonly LetteredGraph[];
}

const G = 9.81;
/** The ball falls from 3 m, reaches the sand at t = √(2·3/g), sinks 0.2 m and stops. */
const SAND_AT = Math.sqrt((2 * 3) / G);
const ballHeight = (t: number): number => {
  if (t <= SAND_AT) return 3 - 0.5 * G * t * t;
  const sink = Math.min(1, (t - SAND_AT) / 0.1);
  return -0.2 * sink * (2 - sink);
};

/**
 * The course's "Matching functions visually" quiz (COURSE.md §4, week 1): four stories, four
 * graphs. Pool filling at a steady rate is linear; tea cooling towards room temperature is
 * an exponential decay; a ball dropped into sand falls along a parabola, then stops dead
 * (piecewise); the weights of many flour bags pile up in a bell curve around the nominal 1 kg.
 */
export const STORIES: MatchingExercise = {
  title: 'Which graph tells which story?',
  prompts: [
    { id: 'pool', text: 'The volume of water in a swimming pool being filled from a hose.', answer: 'C' },
    { id: 'tea', text: 'The temperature of a cup of tea left on a desk.', answer: 'A' },
    { id: 'ball', text: 'The height of a ball dropped onto (and into) a sandpit.', answer: 'D' },
    { id: 'flour', text: 'How many bags of flour, out of a day\'s production, have each weight.', answer: 'B' },
  ],
  graphs: [
    { letter: 'A', x: [0, 10], f: (t) => 20 + 70 * Math.exp(-t / 2.5) },
    { letter: 'B', x: [960, 1040], f: (w) => 100 * Math.exp(-((w - 1000) ** 2) / (2 * 9 ** 2)) },
    { letter: 'C', x: [0, 10], f: (t) => 4 * t },
    { letter: 'D', x: [0, 1.4], f: ballHeight },
  ],
};

/** The functions of the second exercise, with their derivatives drawn (shuffled) by @slope/symbolic. */
export const DERIVATIVE_PAIRS: readonly { readonly id: string; readonly expr: string; readonly label: string; readonly answer: string }[] = [
  { id: 'f1', expr: 'x^2 - 1', label: 'f₁(x) = x² − 1', answer: 'S' },
  { id: 'f2', expr: 'sin(x)', label: 'f₂(x) = sin x', answer: 'P' },
  { id: 'f3', expr: 'x^3 - 3*x', label: 'f₃(x) = x³ − 3x', answer: 'R' },
  { id: 'f4', expr: '1/(1 + x^2)', label: 'f₄(x) = 1/(1 + x²)', answer: 'Q' },
];

/**
 * The "match the graph of a function to the graph of its derivative" quiz: the derivative
 * graphs P–S, each f′ from @slope/symbolic, in an order that does not give the answer away.
 *
 * @example
 * ```ts
 * derivativeExercise().graphs.find((g) => g.letter === 'S')!.f(1); // 2 (d/dx (x² − 1) at 1)
 * ```
 */
export function derivativeExercise(): MatchingExercise {
  const letters = ['P', 'Q', 'R', 'S'];
  const graphs = letters.map((letter) => {
    const pair = DERIVATIVE_PAIRS.find((p) => p.answer === letter)!;
    const df = compile(derivative(parse(pair.expr), 'x'), ['x']);
    return { letter, x: [-3, 3] as const, f: (x: number) => df([x]) };
  });
  return {
    title: 'Which graph is the derivative of which function?',
    prompts: DERIVATIVE_PAIRS.map((p) => ({ id: p.id, text: p.label, answer: p.answer })),
    graphs,
  };
}

/**
 * Marks a set of answers: for each prompt, whether the letter chosen is its answer.
 *
 * @example
 * ```ts
 * markAnswers(STORIES, { pool: 'C', tea: 'B' }); // { right: 1, results: { pool: true, tea: false, ball: false, flour: false } }
 * ```
 */
export function markAnswers(exercise: MatchingExercise, chosen: Readonly<Record<string, string>>): { right: number; results: Record<string, boolean> } {
  const results: Record<string, boolean> = {};
  let right = 0;
  for (const p of exercise.prompts) {
    results[p.id] = chosen[p.id] === p.answer;
    if (results[p.id]) right += 1;
  }
  return { right, results };
}

function exerciseBlock(exercise: MatchingExercise, plot: (g: LetteredGraph) => ChartView, key: string): { el: HTMLElement; views: ChartView[] } {
  const views = exercise.graphs.map(plot);
  const feedback = h('p', { class: 'slope-message', 'aria-live': 'polite', 'data-role': `${key}-feedback` });
  const selects = new Map<string, HTMLSelectElement>();
  const marks = new Map<string, HTMLElement>();
  const rows = exercise.prompts.map((p) => {
    const input = h('select', { name: `${key}-${p.id}`, 'aria-label': `Graph for: ${p.text}`, 'data-prompt': p.id },
      h('option', { value: '' }, 'choose…'), ...exercise.graphs.map((g) => h('option', { value: g.letter }, `graph ${g.letter}`)));
    const mark = h('span', { class: 'slope-mark', 'data-role': 'mark' });
    selects.set(p.id, input);
    marks.set(p.id, mark);
    return h('li', {}, h('label', { class: 'slope-slider' }, h('span', {}, p.text), input), ' ', mark);
  });
  const check = button('Check my answers', () => {
    const chosen = Object.fromEntries([...selects].map(([id, s]) => [id, s.value]));
    const { right, results } = markAnswers(exercise, chosen);
    for (const [id, ok] of Object.entries(results)) {
      const mark = marks.get(id);
      if (mark === undefined) continue;
      mark.textContent = chosen[id] === '' ? '' : ok ? '✓ right' : '✗ not this one';
      mark.dataset['kind'] = ok ? 'won' : 'lost';
    }
    const all = right === exercise.prompts.length;
    feedback.dataset['kind'] = all ? 'won' : 'stuck';
    feedback.textContent = all ? `All ${right} right.` : `${right} of ${exercise.prompts.length} right: look again at the ones marked ✗.`;
  }, { 'data-role': `${key}-check` });
  const reveal = button('Show the answers', () => {
    for (const p of exercise.prompts) {
      const s = selects.get(p.id);
      if (s !== undefined) s.value = p.answer;
    }
    check.click();
  });
  const el = h('section', { 'data-exercise': key },
    h('h3', {}, exercise.title),
    h('div', { class: 'slope-charts slope-charts-small' }, ...views.map((v) => v.el)),
    h('ol', { class: 'slope-steps' }, ...rows),
    h('div', { class: 'slope-controls' }, check, reveal),
    feedback,
  );
  return { el, views };
}

/** Week 1: the "matching functions visually" quizzes — stories to graphs, functions to their derivatives. */
export const mount: MountWidget = (root) => {
  const plot = (g: LetteredGraph): ChartView => {
    const view = chartView(`Graph ${g.letter}`);
    const c = sample(g.f, g.x[0], g.x[1], 241);
    view.render(lineChart([{ ...c, color: courseColors.blue, width: 2.5 }], { title: `Graph ${g.letter}`, aspectRatio: 1.3 }));
    return view;
  };
  const stories = exerciseBlock(STORIES, plot, 'stories');
  const derivatives = exerciseBlock(derivativeExercise(), plot, 'derivatives');
  // The functions themselves, above their shuffled derivatives.
  const functionViews = DERIVATIVE_PAIRS.map((p) => {
    const view = chartView(`The graph of ${p.label}`);
    const f = compile(p.expr, ['x']);
    view.render(lineChart([{ ...sample((x) => f([x]), -3, 3, 241), color: courseColors.green, width: 2.5 }], { title: p.label, aspectRatio: 1.3 }));
    return view;
  });
  derivatives.el.insertBefore(
    h('div', { class: 'slope-charts slope-charts-small', 'data-role': 'functions' }, ...functionViews.map((v) => v.el)),
    derivatives.el.children[1] ?? null,
  );
  root.append(stories.el, derivatives.el);
  return { destroy() { for (const v of [...stories.views, ...derivatives.views, ...functionViews]) v.destroy(); } };
};
