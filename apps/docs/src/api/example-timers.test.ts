import { describe, expect, it } from 'vitest';
import { trackTimers } from './example-timers.js';

describe('trackTimers(onError)', () => {
  it('idle() waits for every pending timeout, including ones set by a timeout', async () => {
    const timers = trackTimers(() => {});
    const seen: string[] = [];
    timers.setTimeout(() => {
      seen.push('first');
      timers.setTimeout(() => seen.push('second'), 5);
    }, 5);
    await timers.idle();
    expect(seen).toEqual(['first', 'second']);
  });

  it('idle() resolves at once with nothing pending, and once a cleared timer or interval is gone', async () => {
    const timers = trackTimers(() => {});
    await timers.idle();
    const t = timers.setTimeout(() => { throw new Error('never runs'); }, 1000);
    timers.clearTimeout(t);
    await timers.idle();
    let ticks = 0;
    const i = timers.setInterval(() => {
      ticks++;
      if (ticks === 3) timers.clearInterval(i);
    }, 1);
    await timers.idle();
    expect(ticks).toBe(3);
  });

  it('reports a callback that throws and carries on, and rejects a callback that is not a function', async () => {
    const errors: unknown[] = [];
    const timers = trackTimers((e) => errors.push(e));
    timers.setTimeout(() => { throw new RangeError('late'); }, 1);
    await timers.idle();
    expect(errors).toEqual([new RangeError('late')]);
    expect(() => timers.setTimeout('alert(1)' as unknown as () => void, 1)).toThrow('setTimeout: the callback must be a function, got string');
  });
});
