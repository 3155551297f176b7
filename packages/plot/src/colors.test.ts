import { describe, expect, it } from 'vitest';
import { courseColors, withAlpha } from './index.js';

describe('courseColors', () => {
  it('courseColors are the course’s matplotlib named colours and cannot be changed', () => {
    expect(courseColors).toMatchObject({ green: '#008000', magenta: '#ff00ff', orange: '#ffa500' });
    expect(Object.isFrozen(courseColors)).toBe(true);
  });
});

describe('withAlpha', () => {
  it.each([
    ['#ff00ff', 0.1, 'rgba(255, 0, 255, 0.1)'],
    ['#008000', 1, 'rgba(0, 128, 0, 1)'],
    ['#fa0', 0.5, 'rgba(255, 170, 0, 0.5)'],
  ])('withAlpha(%s, %s) is %s', (hex, alpha, expected) => {
    expect(withAlpha(hex, alpha)).toBe(expected);
  });

  it('withAlpha rejects a non-hex colour and an alpha outside [0, 1]', () => {
    expect(() => withAlpha('magenta', 0.1)).toThrow(/colour must be a #rgb or #rrggbb hex string, got "magenta"/);
    expect(() => withAlpha('#ff00ff', 1.5)).toThrow(/alpha must be in \[0, 1\], got 1.5/);
  });
});
