import { describe, expect, it, test } from 'vitest';
import { helpText, parseCommandLine, usageLine, UsageError, type CommandSpec } from './index.js';

const spec: CommandSpec = {
  name: 'demo',
  summary: ['demo: a runner for tests.'],
  options: {
    seed: { value: 'N', description: 'seed, an integer', default: '0' },
    out: { value: 'DIR', description: 'output folder', default: 'out/demo' },
    quiet: { description: 'say less' },
  },
  notes: ['a note on the output folder.'],
};

describe('parseCommandLine(spec, argv)', () => {
  it('reads values by option name and flags as true', () => {
    expect(parseCommandLine(spec, ['--seed', '4', '--out=x/y', '--quiet'])).toEqual({ help: false, values: { seed: '4', out: 'x/y', quiet: true } });
    expect(parseCommandLine(spec, [])).toEqual({ help: false, values: {} });
  });

  test.each([[['--seed', '-3']], [['--seed=-3']], [['--seed', '-.5']], [['--seed', '-1e3']]])('takes a negative number as a value: %j', (argv) => {
    const parsed = parseCommandLine(spec, argv);
    expect(parsed.help).toBe(false);
    expect((parsed as { values: Record<string, unknown> }).values['seed']).toBe(argv.length === 1 ? '-3' : argv[1]);
  });

  test.each([[['-h']], [['--seed', '1', '--help']], [['--seed', 'abc', '-h', '--bogus']], [['--', '-h']]])('%j asks for the help, wherever -h is', (argv) => {
    expect(parseCommandLine(spec, argv)).toEqual({ help: true });
  });

  it('ignores a leading -- (pnpm passes it through)', () => {
    expect(parseCommandLine(spec, ['--', '--seed', '2'])).toEqual({ help: false, values: { seed: '2' } });
  });

  test.each([
    [['--seed', '1', '--seed', '2'], /--seed is given 2 times \("1", "2"\); give it once/],
    [['--quiet', '--quiet'], /--quiet is given 2 times/],
    [['--epochs', '5'], /unknown option --epochs; the options are --seed, --out, --quiet and --help/],
    [['stray'], /unexpected argument "stray"/],
    [['--seed'], /--seed needs a value \(--seed N\)/],
    [['--seed', '--out', 'x'], /--seed needs a value/],
    [['--quiet=yes'], /--quiet takes no value/],
  ])('%j is a UsageError: %s', (argv, message) => {
    expect(() => parseCommandLine(spec, argv)).toThrow(UsageError);
    expect(() => parseCommandLine(spec, argv)).toThrow(message);
  });
});

describe('usageLine(spec) and helpText(spec)', () => {
  it('usageLine lists every option and -h', () => {
    expect(usageLine(spec)).toBe('usage: demo [--seed N] [--out DIR] [--quiet] [-h]');
  });

  it('helpText has the summary, the usage line, each option with its default, the notes and the exit codes', () => {
    const text = helpText(spec);
    expect(text.startsWith('demo: a runner for tests.\n\nusage: demo')).toBe(true);
    expect(text).toContain('  --seed N    seed, an integer (default 0)');
    expect(text).toContain('  --quiet     say less\n');
    expect(text).toContain('  -h, --help  print this help and exit');
    expect(text).toContain('a note on the output folder.');
    expect(text).toMatch(/exit codes:\n {2}0 {4}done\n {2}1 .*\n {2}2 .*\n {2}3 .*\n {2}130 {2}interrupted/);
  });
});
