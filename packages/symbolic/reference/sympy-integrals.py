"""Reference values for @slope/symbolic's integrate(): SymPy antiderivatives, compared BY VALUE.

For each integrand (mathjs syntax; ^ is a power) SymPy's integrate() gives F, and for three
pairs (a, b) inside an interval where the integrand is continuous we store F(b) - F(a),
cross-checked against mpmath.quad of the integrand itself. The test compares the same
differences of our antiderivative (forms differ by constants; differences do not).

Run: python3 packages/symbolic/reference/sympy-integrals.py > packages/symbolic/src/test-integrals.ts
(SymPy 1.x, mpmath; the output is data, the tests never need Python.)
"""
import json
import random
import sympy as sp
import mpmath

x = sp.Symbol('x', real=True)
mpmath.mp.dps = 30

# (integrand, interval where it is continuous)
P = (-3, 3)      # everywhere
POS = (0.2, 4)   # needs x > 0
U = (-0.9, 0.9)  # inside (-1, 1)
CASES = [
    # polynomials and powers
    ('x^2', P), ('3*x^2 - 2*x + 5', P), ('x^5 - x^3/3 + 7', P), ('(x + 1)^3', P), ('(2*x - 3)^4', P),
    ('x*(x + 1)*(x - 2)', P), ('(x^2 + 1)^2', P), ('sqrt(x)', POS), ('x^(3/2)', POS), ('1/sqrt(x)', POS),
    ('x^(-3)', POS), ('1/x', POS), ('1/x^2', POS), ('x^(1/3)', POS), ('(x + 2)^(-2)', (0, 4)),
    ('sqrt(2*x + 1)', POS), ('1/sqrt(3*x + 2)', POS), ('x*sqrt(x + 1)', POS), ('x^2*sqrt(x)', POS), ('(x^2 + 2)/sqrt(x)', POS),
    ('(1 - x)^7', P), ('x*(x^2 - 1)^3', P), ('(3*x + 1)^(1/2)', POS), ('5', P), ('x/3 + 1/4', P),
    # exponentials and logarithms
    ('exp(x)', P), ('exp(3*x)', P), ('exp(-x/2)', P), ('2^x', P), ('3^(2*x)', P),
    ('x*exp(x)', P), ('x^2*exp(x)', P), ('x^3*exp(-x)', P), ('x*exp(-2*x)', P), ('(x + 1)*exp(x)', P),
    ('x*exp(x^2)', P), ('x^2*exp(x^3)', P), ('exp(x)/(1 + exp(x))', P), ('exp(x)*(1 + exp(x))^2', P), ('exp(2*x)/(1 + exp(2*x))', P),
    ('log(x)', POS), ('x*log(x)', POS), ('x^2*log(x)', POS), ('log(x)/x', POS), ('log(x)^2', POS),
    ('log(x)/x^2', POS), ('1/(x*log(x))', (2, 5)), ('log(2*x + 1)', POS), ('sqrt(x)*log(x)', POS), ('log(x)^2/x', POS),
    ('exp(sqrt(x))', POS), ('exp(x)*sin(x)', P), ('exp(x)*cos(x)', P), ('exp(2*x)*sin(3*x)', P), ('exp(-x)*cos(2*x)', P),
    ('x*2^x', P), ('log(x^2 + 1)', P), ('x*log(x^2 + 1)', P), ('log(x)^3', POS), ('exp(x)*x^4', P),
    # trigonometric
    ('sin(x)', P), ('cos(x)', P), ('sin(3*x)', P), ('cos(x/2)', P), ('sin(2*x + 1)', P),
    ('tan(x)', (-1.2, 1.2)), ('sec(x)^2', (-1.2, 1.2)), ('csc(x)^2', (0.3, 2.8)), ('sec(x)*tan(x)', (-1.2, 1.2)), ('cot(x)', (0.3, 2.8)),
    ('sin(x)^2', P), ('cos(x)^2', P), ('sin(x)^3', P), ('cos(x)^3', P), ('sin(x)^4', P),
    ('sin(x)*cos(x)', P), ('sin(x)^2*cos(x)', P), ('sin(x)*cos(x)^3', P), ('sin(x)^2*cos(x)^2', P), ('sin(x)^3*cos(x)^2', P),
    ('tan(x)^2', (-1.2, 1.2)), ('tan(x)^3', (-1.2, 1.2)), ('sec(x)', (-1.2, 1.2)), ('csc(x)', (0.3, 2.8)), ('sec(x)^3', (-1.2, 1.2)),
    ('sin(2*x)*cos(3*x)', P), ('sin(x)*sin(2*x)', P), ('cos(x)*cos(4*x)', P), ('x*sin(x)', P), ('x*cos(2*x)', P),
    ('x^2*sin(x)', P), ('x^2*cos(x)', P), ('x*sin(x^2)', P), ('cos(x)*exp(sin(x))', P), ('sin(x)/cos(x)^2', (-1.2, 1.2)),
    ('cos(x)/(1 + sin(x)^2)', P), ('sin(x)/(1 + cos(x))', (-2.5, 2.5)), ('sin(sqrt(x))/sqrt(x)', POS), ('x*sec(x)^2', (-1.2, 1.2)), ('cos(x)^4', P),
    ('sin(x)^5', P), ('tan(x)*sec(x)^2', (-1.2, 1.2)), ('cos(log(x))/x', POS), ('sin(x)*cos(x)*exp(sin(x))', P), ('1/(1 + cos(x))', (-2.5, 2.5)),
    # inverse trigonometric and radicals
    ('atan(x)', P), ('asin(x)', U), ('acos(x)', U), ('x*atan(x)', P), ('atan(x)/(1 + x^2)', P),
    ('1/(1 + x^2)', P), ('1/(4 + x^2)', P), ('1/(1 + 9*x^2)', P), ('1/sqrt(1 - x^2)', U), ('1/sqrt(4 - x^2)', (-1.8, 1.8)),
    ('sqrt(1 - x^2)', U), ('sqrt(4 - x^2)', (-1.8, 1.8)), ('1/sqrt(x^2 + 1)', P), ('sqrt(x^2 + 1)', P), ('1/sqrt(x^2 - 1)', (1.2, 4)),
    ('x/sqrt(1 - x^2)', U), ('x/sqrt(x^2 + 4)', P), ('x*sqrt(x^2 + 1)', P), ('1/(x^2 + 2*x + 2)', P), ('1/sqrt(2*x - x^2)', (0.2, 1.8)),
    ('asin(x)/sqrt(1 - x^2)', U), ('1/(x*sqrt(x^2 - 1))', (1.2, 4)), ('x^2/sqrt(1 - x^2)', U), ('x^3/sqrt(x^2 + 1)', P), ('atan(2*x)', P),
    # rational functions (partial fractions)
    ('1/(x^2 - 1)', (1.5, 4)), ('1/(x*(x + 1))', POS), ('x/(x^2 + 1)', P), ('(2*x + 3)/(x^2 + 3*x + 2)', POS), ('1/((x - 1)*(x - 2))', (2.5, 5)),
    ('x^2/(x + 1)', POS), ('(x^3 + 1)/(x - 2)', (2.5, 5)), ('1/(x - 1)^2', (1.5, 4)), ('x/(x - 1)^2', (1.5, 4)), ('1/(x^2*(x + 1))', POS),
    ('1/(x^3 - 1)', (1.5, 4)), ('1/(x^3 + 1)', POS), ('(x + 1)/(x^2 + 4)', P), ('1/(x^2 + x + 1)', P), ('x^3/(x^2 + 1)', P),
    ('1/((x^2 + 1)*(x - 1))', (1.5, 4)), ('1/(x^2 + 1)^2', P), ('x/(x^2 + 1)^2', P), ('(x^2 + 2)/(x*(x^2 + 1))', POS), ('1/(x^4 - 1)', (1.5, 4)),
    ('(3*x^2 + 2*x + 1)/(x^3 + x^2 + x)', POS), ('1/(x^2 - 2)', (1.6, 4)), ('1/(x^2 - 4*x + 3)', (3.5, 6)), ('(x^4 + 1)/(x^2 - 1)', (1.5, 4)), ('1/(x^4 + 4)', P),
    ('1/(x^3 + x)', POS), ('(5*x - 3)/((x + 1)*(x - 3))', (3.5, 6)), ('1/(x^2 + 1)^3', P), ('x^2/(x^2 + 1)^2', P), ('1/(2*x^2 + 3)', P),
    ('1/(x^4 + 1)', P), ('1/(x^3 - 2)', (1.5, 4)),
    # hyperbolic
    ('sinh(x)', P), ('cosh(2*x)', P), ('tanh(x)', P), ('x*cosh(x)', P), ('sinh(x)^2', P),
    ('cosh(x)^3', P), ('sech(x)^2', P), ('1/cosh(x)', P), ('sinh(x)*cosh(x)', P), ('exp(x)*sinh(x)', P),
    # non-elementary: SymPy answers with erf, Si, li, Ei, ...; an integrator without those must refuse
    ('exp(-x^2)', P), ('exp(x^2)', P), ('sin(x)/x', POS), ('exp(x)/x', POS), ('1/log(x)', (2, 5)),
    ('sin(x^2)', P), ('sqrt(1 + x^3)', POS), ('x*tan(x)', (-1.2, 1.2)), ('sqrt(tan(x))', (0.2, 1.2)), ('exp(-x^2)*x^2', P),
]


def to_sympy(src):
    return sp.sympify(src.replace('^', '**'), locals={'x': x, 'sec': sp.sec, 'csc': sp.csc, 'cot': sp.cot, 'sech': sp.sech, 'e': sp.E, 'pi': sp.pi})


def main():
    rng = random.Random(20260422)
    out = []
    for src, (lo, hi) in CASES:
        f = to_sympy(src)
        F = sp.integrate(f, x)
        # exp_polar (from some special-function answers) has no numeric meaning on the reals here.
        unevaluated = F.has(sp.Integral) or F.has(sp.exp_polar)
        Ff = None if unevaluated else sp.lambdify(x, F, modules='mpmath')
        ff = sp.lambdify(x, f, modules='mpmath')
        points = []
        for _ in range(3):
            a = round(rng.uniform(lo, hi), 4)
            b = round(rng.uniform(lo, hi), 4)
            if abs(a - b) < 0.05:
                b = round(min(hi, a + 0.5), 4)
            numeric = mpmath.quad(ff, [a, b])
            # SymPy leaves some integrals unevaluated: then the quadrature alone is the reference.
            diff = complex(numeric) if Ff is None else complex(Ff(mpmath.mpf(b)) - Ff(mpmath.mpf(a)))
            assert abs(diff.imag) < 1e-12 * max(1, abs(diff.real)), (src, diff)
            assert abs(diff.real - float(numeric)) < 1e-9 * max(1, abs(float(numeric))), (src, a, b, diff, numeric)
            points.append([a, b, float(numeric)])
        elementary = not F.has(sp.erf, sp.erfi, sp.Si, sp.Ci, sp.li, sp.Ei, sp.fresnels, sp.fresnelc, sp.Integral, sp.exp_polar, sp.hyper, sp.elliptic_f, sp.elliptic_e, sp.RootSum, sp.gamma, sp.uppergamma, sp.lowergamma)
        out.append({'integrand': src, 'sympy': sp.sstr(F).replace('**', '^'), 'elementary': elementary, 'points': points})
    print('// Generated by packages/symbolic/reference/sympy-integrals.py with SymPy %s: do not edit by hand.' % sp.__version__)
    print('// Each entry: an integrand, SymPy\'s antiderivative (for reading), whether it is elementary, and')
    print('// [a, b, F(b) - F(a)] at three random pairs inside an interval where the integrand is continuous')
    print('// (the value cross-checked against mpmath.quad of the integrand).')
    print()
    print('export interface ReferenceIntegral {')
    print('  readonly integrand: string;')
    print('  readonly sympy: string;')
    print('  readonly elementary: boolean;')
    print('  readonly points: readonly (readonly [a: number, b: number, value: number])[];')
    print('}')
    print()
    print('export const SYMPY_INTEGRALS: readonly ReferenceIntegral[] = [')
    for e in out:
        print('  %s,' % json.dumps(e, ensure_ascii=False).replace('"integrand"', 'integrand').replace('"sympy"', 'sympy').replace('"elementary"', 'elementary').replace('"points"', 'points').replace('true', 'true').replace('false', 'false'))
    print('];')


main()
