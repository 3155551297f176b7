import { describe, expect, it, test } from 'vitest';
import { DEFAULT_SETTINGS, helpText, MAX_DRAWN_SNAPSHOTS, parseCommandLine, UsageError } from './index.js';

describe('parseCommandLine(argv)', () => {
  it('returns the course defaults for an empty command line', () => {
    expect(parseCommandLine([])).toEqual({ help: false, settings: DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS).toMatchObject({ iterations: 50_000, aggression: 7, noise: 1, hidden: [6, 7], snapshotEvery: 100, engine: 'hand', out: 'out/backprop' });
  });

  it('reads every option', () => {
    const parsed = parseCommandLine(['--iterations', '300', '--aggression', '3.5', '--noise=0', '--seed', '4', '--hidden', '3,5', '--snapshot-every', '50', '--engine', 'autodiff', '--out', 'x/y']);
    expect(parsed).toEqual({
      help: false,
      settings: { iterations: 300, aggression: 3.5, noise: 0, seed: 4, hidden: [3, 5], snapshotEvery: 50, engine: 'autodiff', out: 'x/y' },
    });
  });

  it('ignores a leading -- (pnpm passes it through)', () => {
    expect(parseCommandLine(['--', '--seed', '2'])).toMatchObject({ settings: { seed: 2 } });
  });

  test.each([[['--seed', '-3']], [['--seed=-3']]])('takes a negative seed as its own argument or after =: %j', (argv) => {
    expect(parseCommandLine(argv)).toMatchObject({ settings: { seed: -3 } });
  });

  it('takes the documented largest budgets: --iterations 1e12, --hidden 1000,1000 and 2000,2000', () => {
    expect(parseCommandLine(['--iterations', '1e12'])).toMatchObject({ settings: { iterations: 1e12 } });
    expect(parseCommandLine(['--hidden', '1000,1000'])).toMatchObject({ settings: { hidden: [1000, 1000] } });
    expect(parseCommandLine(['--hidden', '2000,2000'])).toMatchObject({ settings: { hidden: [2000, 2000] } });
  });

  test.each([['--help'], ['-h']])('%s asks for help, even beside bad options', (flag) => {
    expect(parseCommandLine(['--seed', '1', flag])).toEqual({ help: true });
    expect(parseCommandLine([flag, '--iterations', '-1', '--bogus'])).toEqual({ help: true });
  });

  test.each([
    [['--epochs', '5'], /unknown option --epochs; the options are --iterations, /],
    [['--iterations', 'abc'], /--iterations must be an integer from 1 to 1e12, got "abc"/],
    [['--iterations', '0'], /--iterations must be an integer from 1 to 1e12, got "0"/],
    [['--iterations=-5'], /--iterations must be an integer from 1 to 1e12, got "-5"/],
    [['--iterations', '-5'], /--iterations must be an integer from 1 to 1e12, got "-5"/],
    [['--iterations', '2.5'], /integer/],
    [['--iterations', ''], /--iterations must be an integer/],
    [['--iterations', '1e13'], /from 1 to 1e12, got "1e13"/],
    [['--iterations', '0x10'], /--iterations must be an integer from 1 to 1e12, got "0x10"/],
    [['--aggression', '0'], /--aggression must be a number above 0, got "0"/],
    [['--aggression', 'Infinity'], /--aggression must be a number above 0/],
    [['--aggression', '0x10'], /--aggression must be a number above 0, got "0x10"/],
    [['--noise=-1'], /--noise must be a number of at least 0, got "-1"/],
    [['--seed', '1.5'], /--seed must be an integer, got "1.5"/],
    [['--seed', '1', '--seed', '2'], /--seed is given 2 times \("1", "2"\); give it once/],
    [['--hidden', '6'], /--hidden must be two integers N1,N2 from 1 to 10000, got "6"/],
    [['--hidden', '6,0'], /--hidden must be an integer from 1 to 10000, got "0"/],
    [['--hidden', '6,-7'], /--hidden/],
    [['--hidden', '6,7.5'], /--hidden/],
    [['--hidden', 'a,b'], /--hidden/],
    [['--hidden', '6,7,8'], /--hidden must be two integers/],
    [['--hidden', '10000,10000'], /--hidden 10000,10000 makes W2 10000×10000 = 100,000,000 weights; expected N1·N2 ≤ 4,000,000/],
    [['--snapshot-every', '0'], /--snapshot-every must be an integer from 1 to 1e12/],
    [['--engine', 'tfjs'], /--engine must be one of hand, autodiff, got "tfjs"/],
    [['--out', ''], /--out/],
    [['stray'], /unexpected argument "stray"/],
  ])('%j is a UsageError matching %s', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});

describe('helpText()', () => {
  test.each([
    ['--iterations', '50000'],
    ['--aggression', '7'],
    ['--noise', '1'],
    ['--seed', String(DEFAULT_SETTINGS.seed)],
    ['--hidden', '6,7'],
    ['--snapshot-every', '100'],
    ['--engine', 'hand'],
    ['--out', 'out/backprop'],
  ])('lists %s with its default %s', (flag, value) => {
    const line = helpText()
      .split('\n')
      .find((l) => l.trimStart().startsWith(flag));
    expect(line).toContain(`(default ${value})`);
  });

  it('says what happens to earlier results, what Ctrl-C does, the snapshot cap and the exit codes', () => {
    const text = helpText();
    expect(text).toMatch(/Previous results in --out are kept: renamed to --out plus a timestamp/);
    expect(text).toMatch(/Ctrl-C \(or SIGTERM\) stops training and still writes the files/);
    expect(text).toContain(`at most ${MAX_DRAWN_SNAPSHOTS} are drawn, thinned evenly`);
    expect(text).toMatch(/exit codes:\n {2}0 {4}done\n {2}1 /);
  });
});
