import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as autodiff from '@slope/autodiff';
import * as models from '@slope/models';
import * as optim from '@slope/optim';
import * as plot from '@slope/plot';
import { renderPng } from '@slope/plot/node';
import * as symbolic from '@slope/symbolic';
import { chartFileName, type ChartLike } from './chart-output.js';
import { createExampleRuntime, describeError, type OutputItem } from './example-runtime.js';
import { prepareExample } from './prepare-example.js';
import type { ExampleJob, ExampleRun } from './run-examples.js';

// Runs the examples of one job (see run-examples.ts) in this process, one ES module each,
// with the runtime the in-page worker uses, and reports their output as one JSON line.

const MARK = '@@API-EXAMPLES@@';
const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ExampleJob;
const modules = { '@slope/symbolic': symbolic, '@slope/autodiff': autodiff, '@slope/optim': optim, '@slope/models': models, '@slope/plot': plot };
const scope = globalThis as unknown as { __slope?: unknown };
const results: Record<string, ExampleRun> = {};
if (job.chartDir !== undefined) mkdirSync(job.chartDir, { recursive: true });

for (const [i, [name, code]] of Object.entries(job.examples).entries()) {
  const output: OutputItem[] = [];
  const charts: Promise<void>[] = [];
  const file = `${job.dir}/${String(i).padStart(3, '0')}-${name}.mjs`;
  const url = pathToFileURL(file).href;
  let ok = true;
  const fail = (e: unknown): void => {
    ok = false;
    output.push(describeError(e, url));
  };
  const runtime = createExampleRuntime(modules, (item, chart?: ChartLike) => {
    output.push(item);
    if (item.kind === 'chart' && chart !== undefined && job.chartDir !== undefined) {
      const png = `${job.chartDir}/${chartFileName(job.group, name, output.length - 1, item.digest)}`;
      charts.push(renderPng(chart as unknown as Parameters<typeof renderPng>[0], { width: item.width, height: item.height }).then((data) => writeFileSync(png, data)));
    }
  }, fail);
  try {
    writeFileSync(file, prepareExample(code));
    scope.__slope = runtime.global;
    await import(url);
    await runtime.timers.idle();
  } catch (e) {
    fail(e);
  } finally {
    delete scope.__slope;
  }
  await Promise.all(charts);
  results[name] = { ok, output };
}
process.stdout.write(`${MARK}${JSON.stringify(results)}\n`);
