import { describe, expect, it } from 'vitest';
import { lineChart } from './index.js';
import { renderPng } from './node.js';
import { decodePng, pixelAt } from './test-png.js';

const config = () => lineChart([{ x: [0, 1, 2], y: [0, 1, 4], label: 'x²' }], { title: 'parabola' });

describe('renderPng', () => {
  it('renderPng(config, { width, height }) returns a PNG of exactly that size', async () => {
    const png = await renderPng(config(), { width: 321, height: 123 });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const pixels = await decodePng(png);
    expect([pixels.width, pixels.height]).toEqual([321, 123]);
  });

  it('renderPng paints an opaque white background by default, or the given colour', async () => {
    const white = await decodePng(await renderPng(config(), { width: 200, height: 100 }));
    expect(pixelAt(white, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(pixelAt(white, 199, 99)).toEqual([255, 255, 255, 255]);
    const blue = await decodePng(await renderPng(config(), { width: 200, height: 100, background: '#0000ff' }));
    expect(pixelAt(blue, 0, 0)).toEqual([0, 0, 255, 255]);
  });

  it('renderPng leaves the caller’s configuration untouched and can render it twice', async () => {
    const chart = config();
    const before = JSON.stringify(chart);
    const first = await renderPng(chart, { width: 200, height: 120 });
    const second = await renderPng(chart, { width: 200, height: 120 });
    expect(JSON.stringify(chart)).toBe(before);
    expect(second.equals(first)).toBe(true);
  });

  it.each([
    ['width', { width: 0, height: 10 }, /option width must be an integer in \[1, 8192\], got 0/],
    ['height', { width: 10, height: 2.5 }, /option height must be an integer in \[1, 8192\], got 2.5/],
  ])('renderPng rejects a bad %s', async (_, size, message) => {
    await expect(renderPng(config(), size)).rejects.toThrow(message);
  });

  it('renderPng rejects something that is not a chart configuration', async () => {
    await expect(renderPng(null as unknown as ReturnType<typeof config>, { width: 10, height: 10 })).rejects.toThrow(TypeError);
  });

  it('renderPng rejects an unknown option by name', async () => {
    await expect(renderPng(config(), { width: 10, height: 10, backgroundColor: 'red' } as never)).rejects.toThrow(
      /renderPng: unknown option "backgroundColor"; did you mean "background"\?/,
    );
  });
});
