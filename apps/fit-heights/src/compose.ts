import { createCanvas, loadImage } from '@napi-rs/canvas';

/**
 * Draws PNG images left to right on one white canvas (top-aligned), so two charts rendered
 * separately become one file with two panels.
 *
 * @throws {RangeError} if no images are given.
 * @example
 * ```ts
 * const both = await sideBySide([await renderPng(before, size), await renderPng(after, size)]);
 * ```
 */
export async function sideBySide(pngs: readonly Uint8Array[]): Promise<Buffer> {
  if (pngs.length === 0) throw new RangeError('sideBySide: got 0 images; expected at least one PNG');
  const images = await Promise.all(pngs.map((png) => loadImage(Buffer.from(png))));
  const width = images.reduce((sum, image) => sum + image.width, 0);
  const height = Math.max(...images.map((image) => image.height));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  let left = 0;
  for (const image of images) {
    ctx.drawImage(image, left, 0);
    left += image.width;
  }
  return canvas.encode('png');
}
