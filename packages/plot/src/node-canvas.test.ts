import { describe, expect, it } from 'vitest';
import { loadCanvas } from './node-canvas.js';

describe('loadCanvas', () => {
  it('loads @napi-rs/canvas when it is installed', async () => {
    const canvas = await loadCanvas();
    expect(typeof canvas.createCanvas).toBe('function');
  });

  it('names the package to install when it is missing', async () => {
    const missing = Object.assign(new Error("Cannot find package '@napi-rs/canvas'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadCanvas(() => Promise.reject(missing))).rejects.toThrow(
      /renderPng needs the optional peer dependency "@napi-rs\/canvas".*npm install @napi-rs\/canvas/,
    );
  });

  it('passes other failures through unchanged', async () => {
    const broken = new Error('native binding failed to load');
    await expect(loadCanvas(() => Promise.reject(broken))).rejects.toBe(broken);
  });
});
