import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thinnedHistory } from './index.js';

describe('thinnedHistory', () => {
  it('thinnedHistory(limit) keeps everything until the limit', () => {
    const history = thinnedHistory<string>(4);
    for (let k = 0; k < 4; k++) history.add(k, `item ${k}`);
    expect(history.items).toEqual(['item 0', 'item 1', 'item 2', 'item 3']);
    expect(history.stride).toBe(1);
  });

  it('thinnedHistory(limit) then drops every other item and doubles the stride', () => {
    const history = thinnedHistory<number>(4);
    for (let k = 0; k < 5; k++) history.add(k, k);
    expect(history.sequences).toEqual([0, 2, 4]);
    expect(history.stride).toBe(2);
    expect(history.wants(5)).toBe(false);
    expect(history.wants(6)).toBe(true);
  });

  it('thinnedHistory(limit) keeps between limit/2 and limit evenly spaced items from item 0, however long the run (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 50 }), fc.integer({ min: 1, max: 5000 }), (limit, count) => {
        const history = thinnedHistory<number>(limit);
        let computed = 0;
        for (let k = 0; k < count; k++) {
          if (history.wants(k)) {
            computed++;
            history.add(k, k * 10);
          }
        }
        const { sequences, items, stride } = history;
        expect(items.length).toBeLessThanOrEqual(limit);
        expect(items.length).toBeGreaterThanOrEqual(Math.min(count, Math.floor(limit / 2)));
        expect(sequences[0]).toBe(0);
        sequences.forEach((s, i) => {
          expect(s).toBe(i * stride);
          expect(items[i]).toBe(s * 10);
        });
        // The last kept item is within one stride of the end: the whole run is covered.
        expect(count - 1 - sequences.at(-1)!).toBeLessThan(stride);
        // Asking first means each thinning round computes about limit/2 items, not all of them.
        expect(computed).toBeLessThanOrEqual(limit + (limit / 2 + 1) * Math.ceil(Math.log2(Math.max(1, count / limit)) + 1));
      }),
      { numRuns: 200 },
    );
  });

  it('thinnedHistory.add ignores items between the kept ones and refuses a sequence that goes back', () => {
    const history = thinnedHistory<number>(2);
    history.add(0, 0);
    history.add(1, 1);
    history.add(2, 2);
    history.add(3, 3);
    expect(history.sequences).toEqual([0, 2]);
    expect(() => history.add(3, 3)).toThrow(/sequence 3 does not follow 3/);
  });

  it.each([[1], [2.5], [Number.NaN]])('thinnedHistory(%s) throws a RangeError', (limit) => {
    expect(() => thinnedHistory(limit)).toThrow(/limit must be an integer ≥ 2/);
  });
});
