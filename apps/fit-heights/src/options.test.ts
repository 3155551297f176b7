import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { DEFAULTS, UsageError, helpText, parseOptions } from './index.js';

describe('parseOptions(argv)', () => {
  it('parseOptions([]) gives the course notebook defaults', () => {
    expect(parseOptions([])).toEqual({ kind: 'run', options: DEFAULTS });
    expect(DEFAULTS).toMatchObject({ dataset: 'course', unit: undefined, start: [155, 6], aggression: 2000, steps: 50, method: 'steepest' });
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

  test.each([['--help'], ['-h']])('parseOptions([%s]) asks for help, wherever it is', (flag) => {
    expect(parseOptions([flag])).toEqual({ kind: 'help' });
    expect(parseOptions(['--steps', '-1', flag, '--bogus'])).toEqual({ kind: 'help' });
  });

  test.each([
    [['--steps', '0'], /--steps must be an integer from 1 to 100000, got "0"/],
    [['--steps', '2.5'], /--steps must be an integer/],
    [['--steps', 'ten'], /--steps must be an integer from 1 to 100000, got "ten"/],
    [['--steps', '1e300'], /--steps must be an integer from 1 to 100000, got "1e300"/],
    [['--steps', '0x10'], /got "0x10"/],
    [['--aggression=-1'], /--aggression must be a number above 0, got "-1"/],
    [['--aggression', '-1'], /--aggression must be a number above 0, got "-1"/],
    [['--aggression', ''], /--aggression must be a number above 0, got ""/],
    [['--start', '155'], /--start must be two numbers MU,SIGMA such as 155,6 \(sigma above 0\), got "155"/],
    [['--start', '155,0'], /--start must be a number above 0, got "0"/],
    [['--start', '155,x'], /--start must be a number above 0, got "x"/],
    [['--dataset', 'galton'], /--dataset must be one of course, galton-sons, galton-daughters, got "galton"/],
    [['--method', 'newton'], /--method must be one of/],
    [['--data', 'a.csv', '--unit', 'ft'], /--unit must be one of cm, in, mm, m, got "ft"/],
    [['--unit', 'in'], /--unit "in" applies to --data files only/],
    [['--data', 'a.csv', '--dataset', 'course'], /choose one/],
    [['--steps', '5', '--steps', '6'], /--steps is given 2 times \("5", "6"\); give it once/],
    [['--bogus'], /unknown option --bogus/],
    [['stray'], /unexpected argument "stray"/],
  ])('parseOptions(%j) throws a UsageError naming the problem', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(UsageError);
    expect(() => parseOptions(argv)).toThrow(message);
  });

  it('parseOptions takes a negative μ as its own argument', () => {
    expect(parseOptions(['--start', '-5,6'])).toMatchObject({ kind: 'run', options: { start: [-5, 6] } });
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
  it('helpText() has the layout of every Slope runner: usage, options, the output rule, exit codes', () => {
    const text = helpText();
    expect(text).toMatch(/\n\nusage: fit-heights \[--dataset NAME\].* \[-h\]\n\noptions:\n/);
    expect(text).toMatch(/Previous results in --out are kept/);
    expect(text).toMatch(/exit codes:\n {2}0 {4}done\n/);
  });

  test.each(['--dataset', '--data', '--unit', '--method', '--start', '--aggression', '--steps', '--out', '--help'])(
    'helpText() lists %s',
    (flag) => {
      expect(helpText()).toContain(flag);
    },
  );

  it('helpText() states every default', () => {
    const text = helpText();
    for (const fragment of ['(default course)', '(default the unit the header names, else cm)', '(default steepest)', '(default 155,6)', '(default 2000)', '(default 50)', '(default out/fit-heights)']) {
      expect(text).toContain(fragment);
    }
  });
});
