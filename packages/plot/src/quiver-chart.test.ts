import { describe, expect, it } from 'vitest';
import { courseColors, PlotInputError, quiverChart, sampleGrid } from './index.js';
import { renderPng } from './node.js';
import { countNear, decodePng, hexToRgb } from './test-png.js';

const f = (x: number, y: number) => (x - 1) ** 2 + 2 * (y - 2) ** 2;
const minusGradient = (x: number, y: number): [number, number] => [-2 * (x - 1), -4 * (y - 2)];

function field() {
  const x: number[] = [];
  const y: number[] = [];
  const u: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 6; j++) {
      const [a, b] = minusGradient(0.25 + i * 0.5, 0.25 + j * 0.7);
      x.push(0.25 + i * 0.5);
      y.push(0.25 + j * 0.7);
      u.push(a);
      v.push(b);
    }
  }
  return { x, y, u, v };
}

type Arrow = { x0: number; y0: number; x1: number; y1: number };
const arrowsOf = (config: ReturnType<typeof quiverChart>) => (config.plugins?.[0] as { arrows?: Arrow[] } | undefined)?.arrows ?? [];

describe('quiverChart', () => {
  it('quiverChart({ arrows, grid }) renders ink arrows over green contours', async () => {
    const config = quiverChart({ arrows: field(), grid: sampleGrid(f, [0, 3], [0, 4], 31, 41), scale: 0.1, title: '−∇f' });
    const pixels = await decodePng(await renderPng(config, { width: 500, height: 500 }));
    expect([pixels.width, pixels.height]).toEqual([500, 500]);
    expect(countNear(pixels, hexToRgb(courseColors.ink), 50)).toBeGreaterThan(500);
    expect(countNear(pixels, hexToRgb(courseColors.green), 60)).toBeGreaterThan(500);
  });

  it('quiverChart scales arrows by `scale`, caps them at `maxLength` and centres them with pivot "middle"', () => {
    const arrows = { x: [0, 0], y: [0, 0], u: [3, 30], v: [4, 40] };
    const plain = arrowsOf(quiverChart({ arrows, scale: 0.2 }))[0];
    expect([plain?.x0, plain?.y0]).toEqual([0, 0]);
    expect(plain?.x1).toBeCloseTo(0.6, 12);
    expect(plain?.y1).toBeCloseTo(0.8, 12);
    const capped = arrowsOf(quiverChart({ arrows, scale: 0.2, maxLength: 1, pivot: 'middle' }))[1];
    expect(Math.hypot((capped?.x1 ?? 0) - (capped?.x0 ?? 0), (capped?.y1 ?? 0) - (capped?.y0 ?? 0))).toBeCloseTo(1, 12);
    expect(((capped?.x0 ?? 0) + (capped?.x1 ?? 0)) / 2).toBeCloseTo(0, 12);
    expect(((capped?.y0 ?? 0) + (capped?.y1 ?? 0)) / 2).toBeCloseTo(0, 12);
  });

  it('quiverChart fits the axes to the arrows when there is no grid', () => {
    const config = quiverChart({ arrows: { x: [1, 2], y: [1, 1], u: [1, 0], v: [0, 2] } });
    expect(config.options?.scales?.['x']).toMatchObject({ min: 1, max: 2 });
    expect(config.options?.scales?.['y']).toMatchObject({ min: 1, max: 3 });
  });

  it.each([
    ['empty arrows', { x: [], y: [], u: [], v: [] }, /arrows\.x is empty/],
    ['a NaN component', { x: [0, 1], y: [0, 1], u: [1, 1], v: [Number.NaN, 1] }, /arrows\.v\[0\] is NaN/],
    ['mismatched lengths', { x: [0, 1], y: [0, 1], u: [1], v: [1, 1] }, /arrows\.x has 2 values but arrows\.u has 1/],
  ])('quiverChart rejects %s with a PlotInputError', (_, arrows, message) => {
    expect(() => quiverChart({ arrows })).toThrow(PlotInputError);
    expect(() => quiverChart({ arrows })).toThrow(message);
  });

  it('quiverChart rejects a non-finite grid and bad options', () => {
    const arrows = { x: [0], y: [0], u: [1], v: [1] };
    expect(() => quiverChart({ arrows, grid: { x: [0, 1], y: [0, 1], values: [0, 1, Infinity, 0] } })).toThrow(/grid\.values\[2\] .* is Infinity/);
    expect(() => quiverChart({ arrows, scale: 0 })).toThrow(/option scale must be a finite number > 0, got 0/);
    expect(() => quiverChart({ arrows, pivot: 'tip' as 'tail' })).toThrow(/option pivot must be 'tail' or 'middle'/);
  });

  it('quiverChart rejects unknown input keys, naming the closest', () => {
    expect(() => quiverChart({ arrows: field(), scal: 0.2 } as never)).toThrow(/quiverChart: unknown option "scal"; did you mean "scale"\?/);
  });

  it('quiverChart fits the axes to 200,000 arrows (no spread of the coordinates)', () => {
    const n = 200_000;
    const x = Array.from({ length: n }, (_, i) => i / n);
    const config = quiverChart({ arrows: { x, y: x, u: x.map(() => 1), v: x.map(() => 0) } });
    expect(config.options?.scales?.['x']).toMatchObject({ min: 0, max: (n - 1) / n + 1 });
  });
});
