import { explain, parse, type Step } from '@slope/symbolic';
import { h } from '../dom.js';
import { texBreaking } from '../tex.js';
import { caretLine } from '../widgets/derivative-explorer.js';
import type { MountWidget } from '../widget.js';
import { checkField, describeTolerance, type Verdict } from './check.js';
import { questionsForWeek } from './questions/index.js';
import { richInline, richText } from './rich-text.js';
import type { Field, Question, Working } from './types.js';

/** What a rendered field hands back: its element, and how to read and mark the learner's answer. */
interface FieldView {
  readonly el: HTMLElement;
  value(): string;
  show(verdict: Verdict, input: string): void;
}

const MARK: Readonly<Record<Verdict['status'], string>> = { right: '✓', wrong: '✗', invalid: '?' };

function help(field: Field): string {
  switch (field.kind) {
    case 'number':
      return `A number (${describeTolerance(field.tolerance)}); pi, e, sqrt(2) and fractions such as 3/2 are fine.`;
    case 'expression': {
      const names = field.variables.map((v) => [v.name, ...(v.aliases ?? [])].join(' or '));
      const defs = Object.keys(field.definitions ?? {});
      return `An expression in ${names.join(', ')}${defs.length > 0 ? `; ${defs.join(', ')} may be used` : ''}. Write products with * (2*x) and powers with ^ (x^2); any equivalent form passes.`;
    }
    case 'choice':
      return '';
  }
}

/** The verdict under a field: a mark and the message, the caret under a parse error, the diagnosis of a known mistake. */
function renderVerdict(message: HTMLElement, verdict: Verdict, input: string): void {
  message.dataset['status'] = verdict.status;
  const children: (Node | string)[] = [h('span', { class: 'slope-quiz-mark', 'aria-hidden': 'true' }, MARK[verdict.status]), ' '];
  if (verdict.status === 'invalid' && verdict.position !== undefined) {
    message.replaceChildren(h('pre', { class: 'slope-scroll', 'data-role': 'caret' }, caretLine(input, verdict.position)), h('p', {}, ...children, verdict.message));
    return;
  }
  const lines = [h('p', {}, ...children, verdict.message)];
  if (verdict.status === 'wrong' && verdict.hint !== undefined) lines.push(h('p', { class: 'slope-quiz-hint', 'data-role': 'hint' }, ...richInline(verdict.hint)));
  message.replaceChildren(...lines);
}

function typedField(field: Exclude<Field, { kind: 'choice' }>, id: string): FieldView {
  const input = h('input', {
    id, type: 'text', name: id, class: 'slope-expr-input slope-quiz-input', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false',
    'aria-label': field.name, 'aria-describedby': `${id}-help ${id}-message`, 'data-role': 'answer',
  });
  const message = h('div', { id: `${id}-message`, class: 'slope-quiz-field-message', 'aria-live': 'polite', 'data-role': 'field-message' });
  return {
    el: h('div', { class: 'slope-quiz-field', 'data-kind': field.kind },
      h('label', { for: id, class: 'slope-quiz-label' }, ...richInline(field.label)),
      input,
      h('p', { id: `${id}-help`, class: 'slope-quiz-help' }, help(field)),
      message),
    value: () => input.value,
    show(verdict, typed) {
      input.setAttribute('aria-invalid', String(verdict.status !== 'right'));
      renderVerdict(message, verdict, typed);
    },
  };
}

function choiceField(field: Extract<Field, { kind: 'choice' }>, id: string): FieldView {
  const radios = field.options.map((o) => h('input', { type: 'radio', name: id, value: o.id, id: `${id}-${o.id}`, 'data-role': 'option' }));
  const message = h('div', { id: `${id}-message`, class: 'slope-quiz-field-message', 'aria-live': 'polite', 'data-role': 'field-message' });
  const fieldset = h('fieldset', { class: 'slope-quiz-choices', 'aria-describedby': `${id}-message` },
    h('legend', { class: 'slope-quiz-label' }, ...richInline(field.label)),
    ...field.options.map((o, k) => h('label', { class: 'slope-quiz-option', for: `${id}-${o.id}` }, radios[k] as HTMLInputElement, h('span', {}, ...richInline(o.text)))));
  return {
    el: h('div', { class: 'slope-quiz-field', 'data-kind': 'choice' }, fieldset, message),
    value: () => radios.find((r) => r.checked)?.value ?? '',
    show(verdict, typed) {
      renderVerdict(message, verdict, typed);
    },
  };
}

/** The derivative explorer's rule-by-rule working for one derivative. */
function renderWorking(w: Working, open: boolean): HTMLElement {
  const steps: Step[] = explain(parse(w.expr), w.variable);
  return h('details', { open },
    h('summary', {}, 'The working for ', ...richInline(w.title), ', rule by rule'),
    h('ol', { class: 'slope-steps', 'data-role': 'steps' },
      ...steps.map((s) => h('li', {}, h('span', { class: 'slope-rule' }, `${s.rule} rule`), texBreaking(s.tex)))));
}

function renderQuestion(q: Question, index: number, count: number, onChecked: () => void): HTMLFormElement {
  const base = `quiz-${q.id.replace(/[^a-z0-9-]/gi, '_')}`;
  const views = q.fields.map((f, j) => (f.kind === 'choice' ? choiceField(f, `${base}-${j}`) : typedField(f, `${base}-${j}`)));
  const feedback = h('p', { class: 'slope-message slope-quiz-feedback', role: 'status', 'aria-live': 'polite', 'data-role': 'feedback' });
  const solution = h('div', { class: 'slope-quiz-solution', 'data-role': 'solution', hidden: true });
  const form = h('form', { class: 'slope-quiz-question', 'data-question': q.id, novalidate: true },
    h('p', { class: 'slope-quiz-number' }, `Question ${index + 1} of ${count}`),
    h('div', { class: 'slope-quiz-prompt' }, ...richText(q.prompt)),
    ...views.map((v) => v.el),
    h('div', { class: 'slope-controls' }, h('button', { type: 'submit', class: 'slope-button', 'data-role': 'check' }, 'Check')),
    feedback,
    solution);
  let attempts = 0;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    attempts++;
    const inputs = views.map((v) => v.value());
    // A new attempt draws new test points, so a lucky coincidence cannot repeat.
    const verdicts = q.fields.map((f, j) => checkField(f, inputs[j] ?? '', attempts));
    verdicts.forEach((v, j) => views[j]?.show(v, inputs[j] ?? ''));
    const right = verdicts.filter((v) => v.status === 'right').length;
    const readable = verdicts.every((v) => v.status !== 'invalid');
    const result = right === verdicts.length ? 'right' : readable ? 'wrong' : 'invalid';
    form.dataset['result'] = result;
    form.dataset['attempts'] = String(attempts);
    const of = verdicts.length > 1 ? ` (${right} of ${verdicts.length} answers)` : '';
    feedback.dataset['kind'] = result;
    feedback.textContent =
      result === 'right' ? `Right${of}. The worked solution is below.`
        : result === 'wrong' ? `Not right yet${of}. The worked solution is below; change your answer and check again.`
          : 'Some of this could not be read as an answer: see the message under it.';
    // Only a complete, readable attempt earns the solution; a typo does not give it away.
    if (readable && solution.hidden) {
      solution.replaceChildren(
        h('p', { class: 'slope-label' }, 'Worked solution'),
        ...richText(q.solution),
        ...(q.working ?? []).map((w, k) => renderWorking(w, k === 0)),
      );
      solution.hidden = false;
    }
    onChecked();
  });
  // Enter on a radio button checks the answer too, as it does in a text field.
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'radio') {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  return form;
}

/** The practice questions of a week (`week="1"` … `"6"`), each checked as it is answered, with its worked solution after an attempt. */
export const mount: MountWidget = (root, params) => {
  const questions = questionsForWeek(params['week'] ?? '');
  const score = h('p', { class: 'slope-quiz-score', 'data-role': 'score' });
  const forms: HTMLFormElement[] = [];
  const updateScore = (): void => {
    const right = forms.filter((f) => f.dataset['result'] === 'right').length;
    score.dataset['right'] = String(right);
    score.textContent = `${right} of ${questions.length} answered right so far.`;
  };
  forms.push(...questions.map((q, i) => renderQuestion(q, i, questions.length, updateScore)));
  updateScore();
  root.append(
    h('p', { class: 'slope-quiz-intro' }, ...richInline('Press Enter or the Check button to check an answer. Numbers may be typed as expressions ({{-1/e}}, {{1.5*sqrt(2) + 4*pi}}); expressions use {{*}}, {{^}}, {{exp}}, {{sin}}, {{sqrt}} … and are compared by value at random points, so {{2*x}} and {{x+x}} both pass.')),
    score,
    ...forms,
  );
  return { destroy() {} };
};
