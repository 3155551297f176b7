/**
 * Second-order forward-mode numbers for the test problems: a `Jet` carries a value, its
 * gradient and its Hessian with respect to n seed variables, so one evaluation of a residual
 * written with Jets gives rᵢ, ∇rᵢ and ∇²rᵢ exactly. It is deliberately independent of
 * `@slope/autodiff`: the test problems are an outside oracle for the optimisers, and their
 * derivatives are checked against finite differences in `test-mgh.test.ts`.
 *
 * `order` 0 skips the derivatives (plain values), 1 keeps gradients, 2 keeps Hessians too.
 */
export type JetOrder = 0 | 1 | 2;

export class Jet {
  constructor(
    readonly value: number,
    /** ∂/∂xⱼ, length n (absent for order 0). */
    readonly gradient: Float64Array | undefined,
    /** ∂²/∂xⱼ∂xₖ, n×n row-major (absent for order < 2). */
    readonly hessian: Float64Array | undefined,
  ) {}

  /** The seed variables x₀…xₙ₋₁ at `x`, carrying derivatives up to `order`. */
  static variables(x: ArrayLike<number>, order: JetOrder): Jet[] {
    const n = x.length;
    return Array.from({ length: n }, (_, j) => {
      const gradient = order >= 1 ? new Float64Array(n) : undefined;
      if (gradient !== undefined) gradient[j] = 1;
      return new Jet(x[j]!, gradient, order === 2 ? new Float64Array(n * n) : undefined);
    });
  }

  add(o: Jet | number): Jet {
    // Jets never change after construction, so a constant shift can share the derivative arrays.
    if (typeof o === 'number') return new Jet(this.value + o, this.gradient, this.hessian);
    const b = o;
    return new Jet(this.value + b.value, combine(this.gradient, b.gradient, 1, 1), combine(this.hessian, b.hessian, 1, 1));
  }

  sub(o: Jet | number): Jet {
    if (typeof o === 'number') return new Jet(this.value - o, this.gradient, this.hessian);
    const b = o;
    return new Jet(this.value - b.value, combine(this.gradient, b.gradient, 1, -1), combine(this.hessian, b.hessian, 1, -1));
  }

  mul(o: Jet | number): Jet {
    if (typeof o === 'number') return new Jet(this.value * o, scaled(this.gradient, o), scaled(this.hessian, o));
    const gradient = combine(this.gradient, o.gradient, o.value, this.value);
    let hessian = combine(this.hessian, o.hessian, o.value, this.value);
    if (hessian !== undefined) hessian = addOuter(addOuter(hessian, this.gradient!, o.gradient!, 1), o.gradient!, this.gradient!, 1);
    return new Jet(this.value * o.value, gradient, hessian);
  }

  div(o: Jet | number): Jet {
    return typeof o === 'number' ? this.mul(1 / o) : this.mul(o.reciprocal());
  }

  neg(): Jet {
    return this.mul(-1);
  }

  square(): Jet {
    return this.mul(this);
  }

  /** φ(this) for a scalar function with φ(u) = d0, φ′(u) = d1, φ″(u) = d2 (chain rule to second order). */
  private apply(d0: number, d1: number, d2: number): Jet {
    const g = this.gradient;
    const gradient = scaled(g, d1);
    let hessian = scaled(this.hessian, d1);
    if (hessian !== undefined) hessian = addOuter(hessian, g!, g!, d2);
    return new Jet(d0, gradient, hessian);
  }

  reciprocal(): Jet {
    const u = this.value;
    return this.apply(1 / u, -1 / (u * u), 2 / (u * u * u));
  }

  exp(): Jet {
    const e = Math.exp(this.value);
    return this.apply(e, e, e);
  }

  log(): Jet {
    const u = this.value;
    return this.apply(Math.log(u), 1 / u, -1 / (u * u));
  }

  sin(): Jet {
    const u = this.value;
    return this.apply(Math.sin(u), Math.cos(u), -Math.sin(u));
  }

  cos(): Jet {
    const u = this.value;
    return this.apply(Math.cos(u), -Math.sin(u), -Math.cos(u));
  }

  sqrt(): Jet {
    const s = Math.sqrt(this.value);
    return this.apply(s, 0.5 / s, -0.25 / (s * this.value));
  }

  atan(): Jet {
    const u = this.value;
    const d = 1 + u * u;
    return this.apply(Math.atan(u), 1 / d, (-2 * u) / (d * d));
  }

  /** |u|, with the derivative of the side u is on (the problems only use it away from 0). */
  abs(): Jet {
    return this.value < 0 ? this.neg() : this;
  }

  /** uᵏ for a constant exponent k. */
  pow(k: number): Jet {
    const u = this.value;
    return this.apply(u ** k, k * u ** (k - 1), k * (k - 1) * u ** (k - 2));
  }

  /** uᵛ = exp(v·log u) for u > 0 and a Jet exponent. */
  powJet(v: Jet): Jet {
    return this.log().mul(v).exp();
  }
}

function combine(a: Float64Array | undefined, b: Float64Array | undefined, ca: number, cb: number): Float64Array | undefined {
  if (a === undefined || b === undefined) return undefined;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = ca * a[i]! + cb * b[i]!;
  return out;
}

function scaled(a: Float64Array | undefined, c: number): Float64Array | undefined {
  if (a === undefined) return undefined;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = c * a[i]!;
  return out;
}

/** h += c·(u vᵀ), in place (h is always a fresh array here). */
function addOuter(h: Float64Array, u: Float64Array, v: Float64Array, c: number): Float64Array {
  const n = u.length;
  for (let i = 0; i < n; i++) {
    const ui = c * u[i]!;
    if (ui === 0) continue;
    for (let j = 0; j < n; j++) h[i * n + j]! += ui * v[j]!;
  }
  return h;
}
