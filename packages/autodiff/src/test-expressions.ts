import fc from 'fast-check';
import { Tensor, add, sub, mul, div, sin, cos, tanh, exp, log, sqrt, sigmoid, square, pow } from './index.js';

/**
 * Random smooth expressions in one variable for property tests: each node can be
 * evaluated with the tensor ops and printed as an expression string (mathjs syntax), so
 * the same function is differentiated by every method being compared. Every op is
 * composed so that it stays defined on all reals (log and sqrt see 1 + u², exp sees tanh).
 */
export type Expression =
  | { kind: 'x' }
  | { kind: 'const'; value: number }
  | { kind: 'unary'; op: UnaryName; arg: Expression }
  | { kind: 'binary'; op: BinaryName; left: Expression; right: Expression };

const unaryNames = ['sin', 'cos', 'tanh', 'expTanh', 'logOnePlusSquare', 'sqrtOnePlusSquare', 'sigmoid', 'square', 'cube', 'neg'] as const;
const binaryNames = ['add', 'sub', 'mul', 'safeDiv'] as const;
type UnaryName = (typeof unaryNames)[number];
type BinaryName = (typeof binaryNames)[number];

export const expressionArbitrary: fc.Arbitrary<Expression> = fc.letrec<{ expr: Expression }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<Expression>({ kind: 'x' }),
    fc.integer({ min: -6, max: 6 }).map<Expression>((n) => ({ kind: 'const', value: n / 2 })),
    fc.record({ kind: fc.constant('unary' as const), op: fc.constantFrom(...unaryNames), arg: tie('expr') }),
    fc.record({ kind: fc.constant('binary' as const), op: fc.constantFrom(...binaryNames), left: tie('expr'), right: tie('expr') }),
  ),
})).expr;

export function evaluateExpression(e: Expression, x: Tensor): Tensor {
  switch (e.kind) {
    case 'x': return x;
    case 'const': return add(mul(x, 0), e.value);
    case 'unary': {
      const u = evaluateExpression(e.arg, x);
      switch (e.op) {
        case 'sin': return sin(u);
        case 'cos': return cos(u);
        case 'tanh': return tanh(u);
        case 'expTanh': return exp(tanh(u));
        case 'logOnePlusSquare': return log(add(1, square(u)));
        case 'sqrtOnePlusSquare': return sqrt(add(1, square(u)));
        case 'sigmoid': return sigmoid(u);
        case 'square': return square(u);
        case 'cube': return pow(u, 3);
        case 'neg': return mul(u, -1);
      }
      break;
    }
    case 'binary': {
      const l = evaluateExpression(e.left, x);
      const r = evaluateExpression(e.right, x);
      switch (e.op) {
        case 'add': return add(l, r);
        case 'sub': return sub(l, r);
        case 'mul': return mul(l, r);
        case 'safeDiv': return div(l, add(1, square(r)));
      }
    }
  }
  throw new TypeError(`unknown expression node ${JSON.stringify(e)}`);
}

export function printExpression(e: Expression): string {
  switch (e.kind) {
    case 'x': return 'x';
    case 'const': return `(${e.value})`;
    case 'unary': {
      const u = printExpression(e.arg);
      switch (e.op) {
        case 'sin': return `sin(${u})`;
        case 'cos': return `cos(${u})`;
        case 'tanh': return `tanh(${u})`;
        case 'expTanh': return `exp(tanh(${u}))`;
        case 'logOnePlusSquare': return `log(1 + (${u})^2)`;
        case 'sqrtOnePlusSquare': return `sqrt(1 + (${u})^2)`;
        case 'sigmoid': return `1 / (1 + exp(-(${u})))`;
        case 'square': return `(${u})^2`;
        case 'cube': return `(${u})^3`;
        case 'neg': return `-(${u})`;
      }
      break;
    }
    case 'binary': {
      const l = printExpression(e.left);
      const r = printExpression(e.right);
      switch (e.op) {
        case 'add': return `(${l} + ${r})`;
        case 'sub': return `(${l} - ${r})`;
        case 'mul': return `(${l} * ${r})`;
        case 'safeDiv': return `(${l} / (1 + (${r})^2))`;
      }
    }
  }
  throw new TypeError(`unknown expression node ${JSON.stringify(e)}`);
}

/** |a − b| ≤ atol + rtol·max(|a|, |b|) */
export function close(a: number, b: number, rtol: number, atol: number): boolean {
  return Math.abs(a - b) <= atol + rtol * Math.max(Math.abs(a), Math.abs(b));
}
