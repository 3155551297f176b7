/**
 * The Moré–Garbow–Hillstrom residuals (test-mgh.ts) as Tensor functions, the way a user who
 * leaves the derivatives to @slope/autodiff writes them: one scalar op per term. The problems
 * are written once, against Jet's methods; this adapter gives them autodiff's ops instead, so
 * the Tensor version and the hand-derived Jet one cannot drift apart.
 */
import { abs, add, at, atan, cos, div, exp, log, mul, neg, pow, sin, sqrt, square, sub, type Tensor, tensor } from '@slope/autodiff';
import type { Jet } from './test-jet.js';
import type { MghProblem } from './test-mgh.js';

type Operand = TensorJet | number;
const raw = (o: Operand): Tensor | number => (typeof o === 'number' ? o : o.t);

/** Jet's interface over a scalar Tensor. Reading `value` needs a concrete number, so jit cannot trace a problem that branches on it (Helical valley). */
class TensorJet {
  constructor(readonly t: Tensor) {}
  get value(): number {
    return this.t.item();
  }
  add(o: Operand): TensorJet {
    return new TensorJet(add(this.t, raw(o)));
  }
  sub(o: Operand): TensorJet {
    return new TensorJet(sub(this.t, raw(o)));
  }
  mul(o: Operand): TensorJet {
    return new TensorJet(mul(this.t, raw(o)));
  }
  div(o: Operand): TensorJet {
    return new TensorJet(div(this.t, raw(o)));
  }
  neg(): TensorJet {
    return new TensorJet(neg(this.t));
  }
  square(): TensorJet {
    return new TensorJet(square(this.t));
  }
  reciprocal(): TensorJet {
    return new TensorJet(div(1, this.t));
  }
  exp(): TensorJet {
    return new TensorJet(exp(this.t));
  }
  log(): TensorJet {
    return new TensorJet(log(this.t));
  }
  sin(): TensorJet {
    return new TensorJet(sin(this.t));
  }
  cos(): TensorJet {
    return new TensorJet(cos(this.t));
  }
  sqrt(): TensorJet {
    return new TensorJet(sqrt(this.t));
  }
  atan(): TensorJet {
    return new TensorJet(atan(this.t));
  }
  abs(): TensorJet {
    return new TensorJet(abs(this.t));
  }
  pow(k: number): TensorJet {
    return new TensorJet(pow(this.t, k));
  }
  powJet(v: TensorJet): TensorJet {
    return new TensorJet(exp(mul(log(this.t), v.t)));
  }
}

/** r(x) of problem `p` as a function of a Tensor of shape [n], returning shape [m]. */
export function tensorResiduals(p: MghProblem): (x: Tensor) => Tensor {
  // The m scalar residuals are placed into one vector through one-hot columns (autodiff has no stack op).
  const unit = Array.from({ length: p.m }, (_, i) => tensor(Float64Array.from({ length: p.m }, (_, k) => (k === i ? 1 : 0))));
  return (x: Tensor) => {
    const variables = Array.from({ length: p.n }, (_, j) => new TensorJet(at(x, j)));
    const rs = p.residuals(variables as unknown as Jet[]) as unknown as TensorJet[];
    let out = mul(rs[0]!.t, unit[0]!);
    for (let i = 1; i < rs.length; i++) out = add(out, mul(rs[i]!.t, unit[i]!));
    return out;
  };
}

/** f(x) = Σ rᵢ(x)² of problem `p` as a Tensor objective. */
export function tensorSumOfSquares(p: MghProblem): (x: Tensor) => Tensor {
  const r = tensorResiduals(p);
  return (x: Tensor) => square(r(x)).sum();
}
