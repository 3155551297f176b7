import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OutputItem } from './example-runtime.js';

const docsDir = fileURLToPath(new URL('../../', import.meta.url));
const child = fileURLToPath(new URL('./run-examples-child.ts', import.meta.url));
const MARK = '@@API-EXAMPLES@@';

/** What running one example did: whether it finished without throwing, and its output. */
export interface ExampleRun {
  readonly ok: boolean;
  readonly output: readonly OutputItem[];
}

/** The input of one child process: a group of examples and where their files go. */
export interface ExampleJob {
  readonly group: string;
  readonly dir: string;
  readonly examples: Readonly<Record<string, string>>;
  /** Where to write each chart an example draws, as a PNG; no PNGs when absent. */
  readonly chartDir?: string;
}

/**
 * Runs each example (TypeScript, as the reference page shows it) in one Node process per
 * call, as its own ES module, through the same preparation and runtime the page's worker
 * uses (`prepare-example.ts`, `example-runtime.ts`), and returns each one's output. With
 * `chartDir`, every chart an example leaves as its value is also rendered there as a PNG.
 *
 * @example
 * ```ts
 * const out = await runExamples('symbolic', { parse: "import { parse } from '@slope/symbolic';\nparse('x').toString();\n" });
 * out.parse; // { ok: true, output: [{ kind: 'text', text: "'x'" }] }
 * ```
 */
export async function runExamples(group: string, modules: Readonly<Record<string, string>>, options: { chartDir?: string } = {}): Promise<Record<string, ExampleRun>> {
  const dir = `${docsDir}.test-results/api-examples/${group}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const job: ExampleJob = { group, dir, examples: modules, ...(options.chartDir === undefined ? {} : { chartDir: options.chartDir }) };
  writeFileSync(`${dir}/job.json`, JSON.stringify(job));
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--conditions=@slope/source', '--import', 'tsx', child, `${dir}/job.json`], { cwd: docsDir, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
      if (error != null && !out.includes(MARK)) reject(new Error(`running the ${group} examples failed: ${error.message}\n${err}`));
      else resolve(out);
    });
  });
  const line = stdout.split('\n').find((l) => l.startsWith(MARK));
  if (line === undefined) throw new Error(`running the ${group} examples printed no report`);
  return JSON.parse(line.slice(MARK.length)) as Record<string, ExampleRun>;
}
