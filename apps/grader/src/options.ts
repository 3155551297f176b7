/**
 * Unknown option names are a silent class of bug: `grad(f, { argnum: 1 })` or
 * `sgd({ batch_size: 2 })` used to run with the defaults and return a plausible wrong answer.
 * Every public function that takes an options object checks its keys here first.
 *
 * This file is vendored, byte for byte, into each @slope library (they share no runtime
 * package); `scripts/check-vendored.mjs` fails `pnpm lint` when the copies drift.
 */

/**
 * Throws a `TypeError` naming the first key of `options` that is not in `known`, with the
 * closest known name as a suggestion. `undefined` options are allowed (all defaults).
 */
export function rejectUnknownOptions(where: string, options: unknown, known: readonly string[]): void {
  if (options === undefined) return;
  if (options == null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${where}: options must be an object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = closestName(key, known);
    const hint = near === undefined ? '' : `; did you mean "${near}"?`;
    const list = known.length > 0 ? ` (known options: ${known.map((k) => `"${k}"`).join(', ')})` : ' (it takes no options)';
    throw new TypeError(`${where}: unknown option "${key}"${hint}${list}`);
  }
}

/** The known name nearest to `name`, or undefined when none is plausibly meant. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const folded = fold(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    // `batch_size` for `batchSize`, `MaxIterations` for `maxIterations`: same word, other spelling.
    if (fold(candidate) === folded) return candidate;
    const d = editDistance(folded, fold(candidate));
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  // Beyond a third of the word the "suggestion" is noise, not a likely typo.
  const limit = Math.max(2, Math.floor(folded.length / 3));
  return bestDistance <= limit ? best : undefined;
}

function fold(name: string): string {
  return name.toLowerCase().replace(/[_\-\s]/g, '');
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

function describeValue(value: unknown): string {
  if (value == null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
