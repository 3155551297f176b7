import { chartFileName } from './chart-output.js';
import { CURATED_EXAMPLES } from './curated.js';
import { exampleModule, type ApiIndex } from './example-module.js';
import type { OutputItem } from './example-runtime.js';
import { API_PACKAGES, type ApiExport, type ApiPackage } from './extract.js';
import type { ExampleRun } from './run-examples.js';

/** Where a page's charts are stored, relative to the page. */
export const CHART_DIR = 'examples';

const KIND_TITLES: Readonly<Record<ApiExport['kind'], string>> = {
  function: 'Functions', class: 'Classes', const: 'Constants', interface: 'Interfaces', type: 'Types',
};

const PURPOSE: Readonly<Record<ApiPackage, string>> = {
  symbolic: 'Expressions: parse, differentiate with the working shown, simplify, Taylor series, compile to fast functions.',
  autodiff: 'Tensors with reverse- and forward-mode automatic differentiation, Jacobians, Hessians and gradient checks.',
  optim: 'Descent methods, Newton–Raphson, Newton, BFGS, least squares and Lagrange multipliers; every method is also a generator of iterations.',
  models: 'Regression, curve fitting, the Gaussian fit, a small MLP, the course data sets and a seeded random number generator.',
  plot: 'Pure builders of chart.js configurations shared by the command-line apps and this site.',
};

/** TSDoc prose as markdown: `{@link X}` becomes `X` in code, and stray `<` cannot open an HTML tag. */
function prose(text: string): string {
  return text
    .replace(/\{@link\s+([^}|\s]+)\s*(?:\|\s*([^}]+))?\}/g, (_, target: string, label?: string) => `\`${(label ?? target).trim()}\``)
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : part.replace(/</g, '&lt;')))
    .join('');
}

/**
 * The example each export's page shows: the curated snippet when there is one (for exports
 * whose TSDoc example is a fragment), otherwise the TSDoc `@example`, as a complete module.
 *
 * @example
 * ```ts
 * chosenExamples('symbolic', index).parse; // "import { parse } from '@slope/symbolic';\n\n…"
 * ```
 */
export function chosenExamples(pkg: ApiPackage, index: ApiIndex): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of index[pkg]) {
    const code = CURATED_EXAMPLES[pkg][e.name] ?? e.example;
    if (code !== undefined) out[e.name] = exampleModule(pkg, code, index);
  }
  return out;
}

/**
 * The exports of a package with no example at all (neither curated nor TSDoc).
 *
 * @example
 * ```ts
 * missingExamples('optim', index); // []
 * ```
 */
export function missingExamples(pkg: ApiPackage, index: ApiIndex): string[] {
  return index[pkg].filter((e) => CURATED_EXAMPLES[pkg][e.name] === undefined && e.example === undefined).map((e) => e.name);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The output of one example as the page stores it: consecutive text in one `<pre>`, an
 * error with its line, a chart as the PNG drawn at generation time, with its summary as
 * the image's alternative text and caption.
 *
 * @example
 * ```ts
 * outputHtml('symbolic', 'parse', [{ kind: 'text', text: "'x'" }]);
 * // ['<pre class="slope-example-text" tabindex="0"><code>\'x\'</code></pre>']
 * ```
 */
export function outputHtml(pkg: ApiPackage, name: string, output: readonly OutputItem[]): string[] {
  const blocks: string[] = [];
  let text: string[] = [];
  const flush = (): void => {
    if (text.length > 0) blocks.push(`<pre class="slope-example-text" tabindex="0"><code>${escapeHtml(text.join('\n'))}</code></pre>`);
    text = [];
  };
  output.forEach((item, i) => {
    if (item.kind === 'text') {
      text.push(item.text);
      return;
    }
    flush();
    if (item.kind === 'error') {
      blocks.push(`<pre class="slope-example-error" tabindex="0"><code>${escapeHtml(`${item.message}${item.line === undefined ? '' : ` (line ${item.line})`}`)}</code></pre>`);
    } else {
      const src = `./${CHART_DIR}/${chartFileName(pkg, name, i, item.digest)}`;
      blocks.push(`<figure class="slope-example-chart" data-digest="${item.digest}"><img src="${src}" alt="${escapeHtml(item.summary)}" width="${item.width}" height="${item.height}" loading="lazy"><figcaption>${escapeHtml(item.summary)}</figcaption></figure>`);
    }
  });
  flush();
  return blocks;
}

/**
 * The markdown reference page of one package: every export, grouped by kind in index
 * order, with its declaration, TSDoc, and an example with the output it gave when the
 * page was generated (`runs`, from {@link runExamples}). The page's `ApiExamples`
 * component makes each example editable and runnable in the browser.
 *
 * @example
 * ```ts
 * const index = extractApi(API_PACKAGES);
 * const runs = await runExamples('optim', chosenExamples('optim', index));
 * writeFileSync('pages/api/optim.md', apiPage('optim', index, runs));
 * ```
 */
export function apiPage(pkg: ApiPackage, index: ApiIndex, runs: Readonly<Record<string, ExampleRun>>): string {
  const exports = index[pkg];
  const examples = chosenExamples(pkg, index);
  const out: string[] = [
    '<!-- Generated by `pnpm --filter @slope/docs api` from the package sources; do not edit by hand. -->',
    '',
    '<script setup>',
    "import ApiExamples from '../../src/api/ApiExamples.vue';",
    '</script>',
    '',
    `# @slope/${pkg}`,
    '',
    PURPOSE[pkg],
    '',
    '```sh',
    `pnpm add @slope/${pkg}`,
    '```',
    '',
    `${exports.length} exports. Every example below is a complete module; the output under it is what it printed (or drew) when this page was generated, and a test fails when running it gives anything else.`,
    '',
    '<ApiExamples />',
    '',
    '::: v-pre',
    '',
  ];
  for (const kind of ['function', 'class', 'const', 'interface', 'type'] as const) {
    const group = exports.filter((e) => e.kind === kind);
    if (group.length === 0) continue;
    out.push(`## ${KIND_TITLES[kind]}`, '');
    for (const e of group) {
      out.push(`### ${e.name}`, '', '```ts', e.signature, '```', '');
      if (e.doc !== '') out.push(prose(e.doc), '');
      for (const t of e.tags) out.push(`- ${prose(t)}`);
      if (e.tags.length > 0) out.push('');
      const ex = examples[e.name];
      if (ex === undefined) continue;
      const run = runs[e.name];
      if (run === undefined) throw new Error(`apiPage: no run of the ${pkg}.${e.name} example`);
      out.push(`<div class="slope-example" data-example="${e.name}">`, '', '```ts', ex.trimEnd(), '```', '');
      out.push(`<div class="slope-example-output" data-role="output">`, '', ...outputHtml(pkg, e.name, run.output).flatMap((b) => [b, '']), '</div>', '', '</div>', '');
    }
  }
  out.push(':::', '');
  return out.join('\n');
}

/**
 * The API overview page: one line per package with its export count.
 *
 * @example
 * ```ts
 * apiIndexPage(index).startsWith('<!--'); // true
 * ```
 */
export function apiIndexPage(index: ApiIndex): string {
  return [
    '<!-- Generated by `pnpm --filter @slope/docs api` from the package sources; do not edit by hand. -->',
    '',
    '# API reference',
    '',
    'One page per package, listing every export of its `src/index.ts` with its declaration, its TSDoc and an example with its output. The pages are generated with the TypeScript compiler API, and a test fails when a page is out of date, an example no longer runs, or its output has changed. On each page you can edit any example and run it in your browser.',
    '',
    '| package | exports | what it is for |',
    '| --- | --- | --- |',
    ...API_PACKAGES.map((p) => `| [@slope/${p}](./${p}) | ${index[p].length} | ${PURPOSE[p]} |`),
    '',
  ].join('\n');
}
