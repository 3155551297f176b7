import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { DEFAULTS, UsageError, helpText, parseOptions } from './index.js';

describe('parseOptions(argv)', () => {
  it('parseOptions([]) gives the course notebook defaults', () => {
    expect(parseOptions([])).toEqual({ kind: 'run', options: DEFAULTS });
    expect(DEFAULTS).toMatchObject({ dataset: 'course', start: [155, 6], aggression: 2000, steps: 50, method: 'steepest' });
  });

  it('parseOptions(argv) reads every option', () => {
    const parsed = parseOptions([
      '--data', 'h.csv', '--unit', 'in', '--method', 'gauss-newton', '--start', '170,8',
      '--aggression', '1e3', '--steps', '12', '--out', 'somewhere',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      options: { dataset: 'course', data: 'h.csv', unit: 'in', method: 'gauss-newton', start: [170, 8], aggression: 1000, steps: 12, out: 'somewhere' },
    });
  });

  it('parseOptions(argv) tolerates the leading -- pnpm passes through', () => {
    expect(parseOptions(['--', '--steps', '3'])).toMatchObject({ kind: 'run', options: { steps: 3 } });
  });

  test.each([['--help'], ['-h']])('parseOptions([%s]) asks for help', (flag) => {
    expect(parseOptions([flag])).toEqual({ kind: 'help' });
  });

  test.each([
    [['--steps', '0'], /--steps "0"/],
    [['--steps', '2.5'], /whole number/],
    [['--steps', 'ten'], /--steps "ten" is not a finite number/],
    [['--aggression=-1'], /--aggression "-1" must be positive/],
    [['--aggression', '-1'], /--aggression/],
    [['--aggression', ''], /not a finite number/],
    [['--start', '155'], /--start "155" must be two numbers/],
    [['--start', '155,0'], /sigma must be positive/],
    [['--start', '155,x'], /--start "x" is not a finite number/],
    [['--dataset', 'galton'], /--dataset "galton" is not one of course, galton-sons, galton-daughters/],
    [['--method', 'newton'], /--method "newton" is not one of/],
    [['--data', 'a.csv', '--unit', 'mm'], /--unit "mm" is not one of cm, in/],
    [['--unit', 'in'], /--unit "in" applies to --data files only/],
    [['--data', 'a.csv', '--dataset', 'course'], /choose one/],
    [['--bogus'], /bogus/],
    [['stray'], /stray/],
  ])('parseOptions(%j) throws a UsageError naming the problem', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(UsageError);
    expect(() => parseOptions(argv)).toThrow(message);
  });

  it('parseOptions(["--start", "MU,SIGMA"]) round-trips any finite start with positive sigma', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        (mu, sigma) => {
          const parsed = parseOptions([`--start=${mu},${sigma}`]);
          // Text cannot carry the sign of zero, so -0 comes back as 0.
          expect(parsed).toMatchObject({ kind: 'run', options: { start: [mu + 0, sigma] } });
        },
      ),
    );
  });
});

describe('helpText()', () => {
  test.each(['--dataset', '--data', '--unit', '--method', '--start', '--aggression', '--steps', '--out', '--help'])(
    'helpText() lists %s',
    (flag) => {
      expect(helpText()).toContain(flag);
    },
  );

  it('helpText() states every default', () => {
    const text = helpText();
    for (const fragment of ['(default: course)', '(default: cm)', '(default: steepest)', '(default: 155,6)', '(default: 2000)', '(default: 50)', '(default: out/fit-heights)']) {
      expect(text).toContain(fragment);
    }
  });
});
