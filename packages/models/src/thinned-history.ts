/**
 * A history of a long run kept to a fixed size: of the items offered in sequence (0, 1, 2, …)
 * it keeps every `stride`-th, and when more than `limit` are kept it drops every other one and
 * doubles the stride. What is kept is always evenly spaced from item 0, and the memory is
 * bounded whatever the length of the run, even when the run's end is not known in advance
 * (an interrupted run keeps a picture of all of it).
 *
 * @example
 * ```ts
 * const history: ThinnedHistory<number> = thinnedHistory<number>(2000);
 * for (let k = 0; k < 1e6; k++) if (history.wants(k)) history.add(k, Math.exp(-k / 1e5));
 * [history.items.length, history.stride]; // [1954, 512]: evenly spaced over the million
 * ```
 */
export interface ThinnedHistory<T> {
  /** Whether item `sequence` would be kept now; ask before computing an expensive item. */
  wants(sequence: number): boolean;
  /** Keeps `item` as number `sequence` when {@link ThinnedHistory.wants} says so. Sequences must increase. */
  add(sequence: number, item: T): void;
  /** The kept items, oldest first. */
  readonly items: readonly T[];
  /** The sequence numbers of the kept items. */
  readonly sequences: readonly number[];
  /** The spacing of the kept items: 1 until the first thinning, then 2, 4, 8, … */
  readonly stride: number;
  /** The most items ever kept. */
  readonly limit: number;
}

/**
 * A {@link ThinnedHistory} keeping at most `limit` items (an integer ≥ 2).
 *
 * @throws RangeError when `limit` is not an integer ≥ 2.
 * @example
 * ```ts
 * const snapshots = thinnedHistory<Float64Array>(1000);
 * ```
 */
export function thinnedHistory<T>(limit: number): ThinnedHistory<T> {
  if (!(Number.isInteger(limit) && limit >= 2)) {
    throw new RangeError(`thinnedHistory(limit): limit must be an integer ≥ 2, got ${String(limit)}`);
  }
  let items: T[] = [];
  let sequences: number[] = [];
  let stride = 1;
  let last = -1;
  return {
    wants: (sequence) => sequence % stride === 0,
    add(sequence, item) {
      if (!(Number.isSafeInteger(sequence) && sequence > last)) {
        throw new RangeError(`thinnedHistory.add: sequence ${sequence} does not follow ${last}; expected increasing integers`);
      }
      last = sequence;
      if (sequence % stride !== 0) return;
      items.push(item);
      sequences.push(sequence);
      while (items.length > limit) {
        stride *= 2;
        const keep = sequences.map((s) => s % stride === 0);
        items = items.filter((_, i) => keep[i]);
        sequences = sequences.filter((_, i) => keep[i]);
      }
    },
    get items() {
      return items;
    },
    get sequences() {
      return sequences;
    },
    get stride() {
      return stride;
    },
    limit,
  };
}
