import { type Builder, div, HALF, int, MINUS_ONE, neg, ONE, sub } from './build.js';
import type { AnyNode } from './expr.js';

/**
 * One differentiation rule per function: `partial(args, i, b)` is ∂f/∂(argument i),
 * the *outer* derivative only. The chain rule is applied once, by the caller, as
 * d f(u₁,…,uₙ) = Σᵢ ∂f/∂uᵢ · duᵢ.
 */
export interface Rule {
  /** The law, as shown by `explain`. */
  readonly law: string;
  partial(args: readonly AnyNode[], i: number, b: Builder): AnyNode;
}

const unary = (law: string, d: (u: AnyNode, b: Builder) => AnyNode): Rule => ({ law, partial: (args, _i, b) => d(args[0] as AnyNode, b) });

const sq = (u: AnyNode, b: Builder): AnyNode => b.pow(u, int(2));
const recip = (u: AnyNode, b: Builder): AnyNode => b.pow(u, MINUS_ONE);
const invSqrt = (u: AnyNode, b: Builder): AnyNode => b.pow(u, b.mul([MINUS_ONE, HALF]));

export const RULES: Readonly<Record<string, Rule>> = {
  // d/du sin(u) = cos(u)
  sin: unary("sin'(u) = cos(u)", (u, b) => b.fn('cos', [u])),
  // d/du cos(u) = −sin(u)
  cos: unary("cos'(u) = -sin(u)", (u, b) => neg(b, b.fn('sin', [u]))),
  // d/du tan(u) = sec²(u) = 1 + tan²(u)
  tan: unary("tan'(u) = sec(u)^2", (u, b) => sq(b.fn('sec', [u]), b)),
  // d/du sec(u) = sec(u)·tan(u)
  sec: unary("sec'(u) = sec(u)*tan(u)", (u, b) => b.mul([b.fn('sec', [u]), b.fn('tan', [u])])),
  // d/du csc(u) = −csc(u)·cot(u)
  csc: unary("csc'(u) = -csc(u)*cot(u)", (u, b) => neg(b, b.mul([b.fn('csc', [u]), b.fn('cot', [u])]))),
  // d/du cot(u) = −csc²(u)
  cot: unary("cot'(u) = -csc(u)^2", (u, b) => neg(b, sq(b.fn('csc', [u]), b))),
  // d/du asin(u) = 1/√(1 − u²)
  asin: unary("asin'(u) = 1/sqrt(1 - u^2)", (u, b) => invSqrt(sub(b, ONE, sq(u, b)), b)),
  // d/du acos(u) = −1/√(1 − u²)
  acos: unary("acos'(u) = -1/sqrt(1 - u^2)", (u, b) => neg(b, invSqrt(sub(b, ONE, sq(u, b)), b))),
  // d/du atan(u) = 1/(1 + u²)
  atan: unary("atan'(u) = 1/(1 + u^2)", (u, b) => recip(b.add([ONE, sq(u, b)]), b)),
  // d/du asec(u) = 1/(|u|·√(u² − 1))
  asec: unary("asec'(u) = 1/(abs(u)*sqrt(u^2 - 1))", (u, b) => recip(b.mul([b.fn('abs', [u]), b.pow(sub(b, sq(u, b), ONE), HALF)]), b)),
  // d/du acsc(u) = −1/(|u|·√(u² − 1))
  acsc: unary("acsc'(u) = -1/(abs(u)*sqrt(u^2 - 1))", (u, b) => neg(b, recip(b.mul([b.fn('abs', [u]), b.pow(sub(b, sq(u, b), ONE), HALF)]), b))),
  // d/du acot(u) = −1/(1 + u²)
  acot: unary("acot'(u) = -1/(1 + u^2)", (u, b) => neg(b, recip(b.add([ONE, sq(u, b)]), b))),
  // d/du sinh(u) = cosh(u)
  sinh: unary("sinh'(u) = cosh(u)", (u, b) => b.fn('cosh', [u])),
  // d/du cosh(u) = sinh(u)
  cosh: unary("cosh'(u) = sinh(u)", (u, b) => b.fn('sinh', [u])),
  // d/du tanh(u) = sech²(u) = 1 − tanh²(u)
  tanh: unary("tanh'(u) = sech(u)^2", (u, b) => sq(b.fn('sech', [u]), b)),
  // d/du sech(u) = −sech(u)·tanh(u)
  sech: unary("sech'(u) = -sech(u)*tanh(u)", (u, b) => neg(b, b.mul([b.fn('sech', [u]), b.fn('tanh', [u])]))),
  // d/du csch(u) = −csch(u)·coth(u)
  csch: unary("csch'(u) = -csch(u)*coth(u)", (u, b) => neg(b, b.mul([b.fn('csch', [u]), b.fn('coth', [u])]))),
  // d/du coth(u) = −csch²(u)
  coth: unary("coth'(u) = -csch(u)^2", (u, b) => neg(b, sq(b.fn('csch', [u]), b))),
  // d/du asinh(u) = 1/√(u² + 1)
  asinh: unary("asinh'(u) = 1/sqrt(u^2 + 1)", (u, b) => invSqrt(b.add([sq(u, b), ONE]), b)),
  // d/du acosh(u) = 1/√(u² − 1)   (u > 1)
  acosh: unary("acosh'(u) = 1/sqrt(u^2 - 1)", (u, b) => invSqrt(sub(b, sq(u, b), ONE), b)),
  // d/du atanh(u) = 1/(1 − u²)
  atanh: unary("atanh'(u) = 1/(1 - u^2)", (u, b) => recip(sub(b, ONE, sq(u, b)), b)),
  // d/du asech(u) = −1/(u·√(1 − u²))
  asech: unary("asech'(u) = -1/(u*sqrt(1 - u^2))", (u, b) => neg(b, recip(b.mul([u, b.pow(sub(b, ONE, sq(u, b)), HALF)]), b))),
  // d/du acsch(u) = −1/(|u|·√(u² + 1))
  acsch: unary("acsch'(u) = -1/(abs(u)*sqrt(u^2 + 1))", (u, b) => neg(b, recip(b.mul([b.fn('abs', [u]), b.pow(b.add([sq(u, b), ONE]), HALF)]), b))),
  // d/du acoth(u) = 1/(1 − u²)   (|u| > 1)
  acoth: unary("acoth'(u) = 1/(1 - u^2)", (u, b) => recip(sub(b, ONE, sq(u, b)), b)),
  // d/du exp(u) = exp(u)
  exp: unary("exp'(u) = exp(u)", (u, b) => b.fn('exp', [u])),
  // d/du expm1(u) = exp(u)
  expm1: unary("expm1'(u) = exp(u)", (u, b) => b.fn('exp', [u])),
  // ∂/∂u log(u) = 1/u;  ∂/∂u log(u, c) = 1/(u·log c);  ∂/∂c log(u, c) = −log(u)/(c·log² c)
  log: {
    law: "log'(u) = 1/u",
    partial: (args, i, b) => {
      const u = args[0] as AnyNode;
      const c = args[1];
      if (c === undefined) return recip(u, b);
      if (i === 0) return recip(b.mul([u, b.fn('log', [c])]), b);
      return neg(b, div(b, b.fn('log', [u]), b.mul([c, sq(b.fn('log', [c]), b)])));
    },
  },
  // d/du log10(u) = 1/(u·log 10)
  log10: unary("log10'(u) = 1/(u*log(10))", (u, b) => recip(b.mul([u, b.fn('log', [int(10)])]), b)),
  // d/du log2(u) = 1/(u·log 2)
  log2: unary("log2'(u) = 1/(u*log(2))", (u, b) => recip(b.mul([u, b.fn('log', [int(2)])]), b)),
  // d/du log1p(u) = 1/(1 + u)
  log1p: unary("log1p'(u) = 1/(1 + u)", (u, b) => recip(b.add([ONE, u]), b)),
  // d/du √u = 1/(2√u)
  sqrt: unary("sqrt'(u) = 1/(2*sqrt(u))", (u, b) => recip(b.mul([int(2), b.fn('sqrt', [u])]), b)),
  // d/du ∛u = 1/(3·∛u²)
  cbrt: unary("cbrt'(u) = 1/(3*cbrt(u)^2)", (u, b) => recip(b.mul([int(3), sq(b.fn('cbrt', [u]), b)]), b)),
  // ∂/∂u ⁿ√u = ⁿ√u/(n·u);  ∂/∂n ⁿ√u = −ⁿ√u·log(u)/n²
  nthRoot: {
    law: "nthRoot'(u, n) = nthRoot(u, n)/(n*u)",
    partial: (args, i, b) => {
      const u = args[0] as AnyNode;
      const n = args[1] ?? int(2);
      const root = b.fn('nthRoot', [u, n]);
      if (i === 0) return div(b, root, b.mul([n, u]));
      return neg(b, div(b, b.mul([root, b.fn('log', [u])]), sq(n, b)));
    },
  },
  // d/du |u| = u/|u|   (undefined at 0, where this is NaN rather than a made-up value)
  abs: unary("abs'(u) = u/abs(u)", (u, b) => div(b, u, b.fn('abs', [u]))),
  // ∂/∂y atan2(y, x) = x/(x² + y²);  ∂/∂x atan2(y, x) = −y/(x² + y²)
  atan2: {
    law: "atan2'(y, x) = (x*dy - y*dx)/(x^2 + y^2)",
    partial: (args, i, b) => {
      const [y, x] = args as [AnyNode, AnyNode];
      const r2 = b.add([sq(x, b), sq(y, b)]);
      return i === 0 ? div(b, x, r2) : neg(b, div(b, y, r2));
    },
  },
};
