import { loadImage, createCanvas } from '@napi-rs/canvas';

/** Decoded RGBA pixels of a PNG, for tests. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

export async function decodePng(png: Buffer): Promise<Pixels> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, data };
}

export type Rgb = readonly [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Counts pixels within `tolerance` (per channel) of `color`, inside the central box that
 * excludes `margin` (a fraction of each side) — where the plot area is, away from axes.
 */
export function countNear(pixels: Pixels, color: Rgb, tolerance = 24, margin = 0.12): number {
  const x0 = Math.floor(pixels.width * margin);
  const x1 = Math.ceil(pixels.width * (1 - margin));
  const y0 = Math.floor(pixels.height * margin);
  const y1 = Math.ceil(pixels.height * (1 - margin));
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const k = 4 * (y * pixels.width + x);
      if (
        Math.abs((pixels.data[k] ?? 0) - color[0]) <= tolerance &&
        Math.abs((pixels.data[k + 1] ?? 0) - color[1]) <= tolerance &&
        Math.abs((pixels.data[k + 2] ?? 0) - color[2]) <= tolerance
      ) {
        count++;
      }
    }
  }
  return count;
}

/** The RGBA of the pixel at (x, y). */
export function pixelAt(pixels: Pixels, x: number, y: number): [number, number, number, number] {
  const k = 4 * (y * pixels.width + x);
  return [pixels.data[k] ?? 0, pixels.data[k + 1] ?? 0, pixels.data[k + 2] ?? 0, pixels.data[k + 3] ?? 0];
}
