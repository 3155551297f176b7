import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { darkVariant, linearTickLabel, powerOfTenLabel, themedConfig, themedOptions } from './chart-theme.js';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string): number => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1! + 0.05) / (l2! + 0.05);
};
const DARK_BG = '#1b1b1f';

describe('powerOfTenLabel', () => {
  it.each([
    [1e-18, '10⁻¹⁸'], [1e-3, '10⁻³'], [1, '1'], [10, '10'], [100, '100'], [1000, '10³'], [1e12, '10¹²'],
  ])('powerOfTenLabel(%d) is %s', (v, label) => {
    expect(powerOfTenLabel(v)).toBe(label);
  });

  it('powerOfTenLabel(v) is undefined for anything that is not a power of ten', () => {
    for (const v of [0, -10, 2, 0.5, 3e-7, Number.NaN, Infinity]) expect(powerOfTenLabel(v)).toBeUndefined();
  });

  it('no log-axis label is longer than six characters, for every decade chart.js can draw', () => {
    for (let e = -300; e <= 300; e++) expect(powerOfTenLabel(10 ** e)!.length).toBeLessThanOrEqual(6);
  });
});

describe('linearTickLabel', () => {
  it.each([
    [0.1 + 0.2, '0.3'], [0, '0'], [1e-17, '0'], [-2.5, '-2.5'], [178.52, '178.5'], [25000000, '2.5e7'], [0.000125, '1.25e-4'], [-0.0005, '-5e-4'],
  ])('linearTickLabel(%d) is %s', (v, label) => {
    expect(linearTickLabel(v)).toBe(label);
  });

  it('linearTickLabel(v) is at most 9 characters after its sign and reads back to v within 0.1 %', () => {
    fc.assert(fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (v) => {
      const label = linearTickLabel(v);
      expect(label.replace(/^-/, '').length).toBeLessThanOrEqual(9);
      if (Math.abs(v) >= 1e-12) expect(Math.abs(Number(label) - v)).toBeLessThanOrEqual(Math.abs(v) * 1e-3);
    }));
  });
});

describe('darkVariant', () => {
  it('turns the course ink light and white into the page background', () => {
    expect(contrast(darkVariant('#222222'), DARK_BG)).toBeGreaterThan(7);
    expect(contrast(darkVariant('#ffffff'), DARK_BG)).toBeLessThan(1.05);
    expect(darkVariant('rgba(0, 0, 0, 0.5)')).toMatch(/^rgba\(\d+, \d+, \d+, 0\.5\)$/);
  });

  it('keeps every course colour readable on the dark background (≥ 3:1, as for graphics) and its hue', () => {
    for (const c of ['#008000', '#ff00ff', '#ffa500', '#1f77b4', '#222222', '#d00000', '#000000', '#888888']) {
      expect(contrast(darkVariant(c), DARK_BG), c).toBeGreaterThanOrEqual(3);
    }
    expect(darkVariant('#ffa500')).toBe('#ffa500');
  });

  it('leaves what is not a colour it knows unchanged', () => {
    expect(darkVariant('transparent')).toBe('transparent');
    expect(darkVariant('hsl(10, 50%, 50%)')).toBe('hsl(10, 50%, 50%)');
  });
});

describe('themedOptions / themedConfig', () => {
  const config = {
    type: 'scatter' as const,
    data: { datasets: [{ data: [{ x: 1, y: 1 }], borderColor: '#222222', backgroundColor: ['#000000', '#ffa500'] }] },
    options: { scales: { x: { type: 'logarithmic' as const, title: { display: true, text: 'h', color: '#222222' } }, y: { type: 'linear' as const, min: 0, max: 0.0877 } } },
  };

  it('labels a log axis in powers of ten and a linear one without its odd bounds', () => {
    const o = themedOptions(config.options, { dark: false, narrow: false }) as unknown as { scales: Record<string, { ticks: { callback(v: number): string; includeBounds?: boolean } }> };
    expect(o.scales['x']!.ticks.callback(1e-18)).toBe('10⁻¹⁸');
    expect(o.scales['x']!.ticks.callback(2e-18)).toBe('');
    expect(o.scales['y']!.ticks.callback(0.30000000000000004)).toBe('0.3');
    expect(o.scales['y']!.ticks.includeBounds).toBe(false);
  });

  it('in dark mode maps every colour, in datasets and options, and leaves the input untouched', () => {
    const dark = themedConfig(config, { dark: true, narrow: false });
    expect(dark.data.datasets[0]!.borderColor).toBe(darkVariant('#222222'));
    expect(dark.data.datasets[0]!.backgroundColor).toEqual([darkVariant('#000000'), '#ffa500']);
    expect((dark.options!.scales!['x'] as { title: { color: string } }).title.color).not.toBe('#222222');
    expect(config.data.datasets[0]!.borderColor).toBe('#222222');
    const light = themedConfig(config, { dark: false, narrow: false });
    expect(light.data.datasets[0]!.borderColor).toBe('#222222');
  });

  it('on a narrow chart uses smaller type and at most six ticks', () => {
    const o = themedOptions(config.options, { dark: false, narrow: true }) as unknown as { scales: Record<string, { ticks: { maxTicksLimit?: number; font: { size: number } } }> };
    expect(o.scales['y']!.ticks.maxTicksLimit).toBe(6);
    expect(o.scales['y']!.ticks.font.size).toBe(10);
  });
});
