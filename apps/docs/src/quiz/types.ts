/**
 * A practice question and its answer fields, as data. Text fields (`prompt`, `label`,
 * `solution`, option text, `why`) are plain text with `$…$` for inline TeX, `$$…$$` for a
 * display formula, `{{…}}` for something to type, and a blank line between paragraphs.
 */

/** How far a typed number may be from the exact value and still pass. */
export interface Tolerance {
  /** Passes when |yours − exact| ≤ absolute. */
  readonly absolute?: number;
  /** Passes when |yours − exact| ≤ relative · |exact|. */
  readonly relative?: number;
}

/** A wrong answer that a learner is likely to give, with what went wrong when they do. */
export interface KnownMistake {
  /** The wrong answer, as a learner would type it. */
  readonly answer: string;
  /** Shown when the learner's answer has the same value as this one. */
  readonly why?: string;
}

/** A variable an expression answer may use, and the interval its test points come from. */
export interface Variable {
  /** The name as it is typed (`x`, `rho`). */
  readonly name: string;
  /** Other spellings that mean the same variable (`ρ` for `rho`). */
  readonly aliases?: readonly string[];
  /** The interval [from, to] the random test points are drawn from; the expected answer must be defined on most of it. */
  readonly from: number;
  readonly to: number;
}

interface FieldBase {
  /** What to type here (rich text), e.g. `$\partial m/\partial r$ =`. */
  readonly label: string;
  /** The same in plain words, for screen readers: "∂m/∂r". */
  readonly name: string;
  /** Answers that must fail, each with its diagnosis where one helps. At least one. */
  readonly wrong: readonly KnownMistake[];
}

/** A number; `answer` is its exact value written as an expression (`1.5*sqrt(2) + 4*pi`). */
export interface NumberField extends FieldBase {
  readonly kind: 'number';
  readonly answer: string;
  readonly tolerance: Tolerance;
}

/** An expression in the listed variables, checked by value at random points. */
export interface ExpressionField extends FieldBase {
  readonly kind: 'expression';
  readonly answer: string;
  readonly variables: readonly Variable[];
  /**
   * Names the learner may use for a given sub-expression, such as `f` for the Gaussian: each
   * is an expression in the variables, evaluated at the same point.
   */
  readonly definitions?: Readonly<Record<string, string>>;
}

/** One option of a multiple-choice field. */
export interface Choice {
  readonly id: string;
  readonly text: string;
}

/** Pick one of several options. */
export interface ChoiceField extends Omit<FieldBase, 'wrong'> {
  readonly kind: 'choice';
  readonly options: readonly Choice[];
  /** The id of the right option. */
  readonly answer: string;
  /** Wrong options (by id), each with its diagnosis. */
  readonly wrong: readonly KnownMistake[];
}

export type Field = NumberField | ExpressionField | ChoiceField;

/** Working to show as the derivative explorer shows it: `explain(expr, variable)`'s steps. */
export interface Working {
  readonly title: string;
  readonly expr: string;
  readonly variable: string;
}

/** One practice question. */
export interface Question {
  /** Stable id, unique over all weeks: `w1-power-at-2`. */
  readonly id: string;
  /** Where in the course it comes from (COURSE.md section and item). */
  readonly source: string;
  readonly prompt: string;
  readonly fields: readonly Field[];
  /** The worked solution, shown after any attempt. */
  readonly solution: string;
  /** Derivatives whose rule-by-rule working is shown with the solution. */
  readonly working?: readonly Working[];
}
