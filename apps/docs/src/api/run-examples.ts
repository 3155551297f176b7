import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const docsDir = fileURLToPath(new URL('../../', import.meta.url));
const MARK = '@@API-EXAMPLES@@';

/** What running one example did: 'ok', or the error it threw. */
export type ExampleOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/**
 * Runs each module as its own ES module in one Node process per call
 * (`node --conditions=@slope/source --import tsx`, no eval): the files are written under
 * `.test-results/api-examples/<group>/` and imported one after another, so a failure names
 * its example.
 *
 * @example
 * ```ts
 * const out = await runExamples('symbolic', { parse: "import { parse } from '@slope/symbolic';\nparse('x');\n" });
 * out.parse; // { ok: true }
 * ```
 */
export async function runExamples(group: string, modules: Readonly<Record<string, string>>): Promise<Record<string, ExampleOutcome>> {
  const dir = `${docsDir}.test-results/api-examples/${group}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {};
  Object.entries(modules).forEach(([name, source], i) => {
    const file = `${String(i).padStart(3, '0')}-${name}.ts`;
    writeFileSync(`${dir}/${file}`, source);
    files[name] = file;
  });
  writeFileSync(`${dir}/run.ts`, [
    `const files: Record<string, string> = ${JSON.stringify(files)};`,
    'const results: Record<string, { ok: boolean; error?: string }> = {};',
    '// Examples may print; keep the report on stdout parseable.',
    'console.log = () => {};',
    'console.info = () => {};',
    'for (const [name, file] of Object.entries(files)) {',
    '  try {',
    '    await import(`./${file}`);',
    '    results[name] = { ok: true };',
    '  } catch (e) {',
    '    results[name] = { ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };',
    '  }',
    '}',
    `process.stdout.write('${MARK}' + JSON.stringify(results) + '\\n');`,
    '',
  ].join('\n'));
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--conditions=@slope/source', '--import', 'tsx', `${dir}/run.ts`], { cwd: docsDir, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => {
      if (error != null && !out.includes(MARK)) reject(new Error(`running the ${group} examples failed: ${error.message}\n${err}`));
      else resolve(out);
    });
  });
  const line = stdout.split('\n').find((l) => l.startsWith(MARK));
  if (line === undefined) throw new Error(`running the ${group} examples printed no report`);
  return JSON.parse(line.slice(MARK.length)) as Record<string, ExampleOutcome>;
}
