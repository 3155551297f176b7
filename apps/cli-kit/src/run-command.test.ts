import { describe, expect, it, test } from 'vitest';
import { cliIo, EXIT, InputError, OutputError, runCommand, UsageError, type CommandSpec, type ExitCode } from './index.js';

const spec: CommandSpec = { name: 'demo', summary: ['demo.'], options: { seed: { value: 'N', description: 'seed' } } };

function capture() {
  let text = '';
  return { sink: { write: (chunk: string) => (text += chunk) }, text: () => text };
}

async function runWith(argv: string[], body: () => Promise<ExitCode>) {
  const stdout = capture();
  const stderr = capture();
  const code = await runCommand(spec, argv, cliIo({ stdout: stdout.sink, stderr: stderr.sink }), body);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('runCommand(spec, argv, io, body)', () => {
  it('prints the help for -h without running the body', async () => {
    let ran = false;
    const result = await runWith(['--seed', 'x', '-h'], async () => ((ran = true), EXIT.ok));
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('usage: demo [--seed N] [-h]');
    expect(ran).toBe(false);
  });

  it('returns what the body returns', async () => {
    expect((await runWith(['--seed', '1'], async () => EXIT.failed)).code).toBe(EXIT.failed);
  });

  test.each([
    ['a bad command line', ['--nope'], async () => EXIT.ok, EXIT.usage, /^demo: unknown option --nope.*\nusage: demo/],
    ['a UsageError from the body', [], async () => Promise.reject(new UsageError('--seed must be an integer')), EXIT.usage, /^demo: --seed must be an integer\nusage: demo \[--seed N\] \[-h\]\n$/],
    ['an InputError', [], async () => Promise.reject(new InputError('data.csv:3: "x" is not a number')), EXIT.usage, /^demo: data.csv:3: "x" is not a number\n$/],
    ['an OutputError', [], async () => Promise.reject(new OutputError('--out "/proc/x": cannot create folders')), EXIT.usage, /^demo: --out "\/proc\/x": cannot create folders\n$/],
    ['anything else (a bug)', [], async () => Promise.reject(new TypeError('x is undefined')), EXIT.internal, /^demo: internal error \(a bug: please report this message\)\nTypeError: x is undefined\n {4}at /],
  ])('%s → exit %i with the message on stderr', async (_label, argv, body, code, message) => {
    const result = await runWith(argv, body);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
