import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, lineReporter, progressReporter } from './index.js';

describe('progress display', () => {
  it('lineReporter prints one line per tenth of the total, with the detail, the rate and the ETA', () => {
    const lines: string[] = [];
    const reporter = lineReporter({ write: (t: string) => lines.push(t) }, { total: 1000, unit: 'updates' });
    for (let done = 50; done <= 1000; done += 50) reporter.update({ done, elapsedMs: done, detail: `cost ${done}` });
    reporter.stop();
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('   10%  100/1,000 updates  cost 100  1,000/s  ETA 900 ms\n');
    expect(lines.at(-1)).toBe('  100%  1,000/1,000 updates  cost 1000  1,000/s  ETA 0 ms\n');
  });

  it('progressReporter draws plain lines when the sink is not a terminal', () => {
    const lines: string[] = [];
    const reporter = progressReporter({ write: (t: string) => lines.push(t), isTTY: false }, { total: 10, unit: 'steps' });
    reporter.update({ done: 10, elapsedMs: 0 });
    expect(lines).toEqual(['  100%  10/10 steps  0/s  ETA –\n']);
  });

  it('formatCount and formatDuration', () => {
    expect(formatCount(50001)).toBe('50,001');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(12)).toBe('12 ms');
  });
});
