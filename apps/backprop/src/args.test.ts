import { describe, expect, it, test } from 'vitest';
import { DEFAULT_SETTINGS, helpText, parseCommandLine, UsageError } from './index.js';

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

  test.each([['--help'], ['-h']])('%s asks for help', (flag) => {
    expect(parseCommandLine(['--seed', '1', flag])).toEqual({ help: true });
  });

  test.each([
    [['--epochs', '5'], /epochs/],
    [['--iterations', 'abc'], /--iterations must be a number, got "abc"/],
    [['--iterations', '0'], /--iterations must be a positive integer, got "0"/],
    [['--iterations=-5'], /--iterations must be a positive integer, got "-5"/],
    [['--iterations', '-5'], /iterations/],
    [['--iterations', '2.5'], /positive integer/],
    [['--iterations', ''], /must be a number/],
    [['--aggression', '0'], /--aggression must be a positive number/],
    [['--aggression', 'Infinity'], /--aggression must be a number/],
    [['--noise=-1'], /--noise must be a number >= 0/],
    [['--seed', '1.5'], /--seed must be an integer/],
    [['--hidden', '6'], /--hidden must be two positive integers/],
    [['--hidden', '6,0'], /--hidden/],
    [['--hidden', '6,-7'], /--hidden/],
    [['--hidden', '6,7.5'], /--hidden/],
    [['--hidden', 'a,b'], /--hidden/],
    [['--hidden', '6,7,8'], /--hidden/],
    [['--snapshot-every', '0'], /--snapshot-every must be a positive integer/],
    [['--engine', 'tfjs'], /--engine must be "hand" or "autodiff", got "tfjs"/],
    [['--out', ''], /--out/],
    [['stray'], /stray/],
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
});
