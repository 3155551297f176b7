import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputDirError, prepareOutDir, sideBySide, writeFilesAtomically } from './index.js';
import { createCanvas, loadImage } from '@napi-rs/canvas';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fit-heights-output-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('prepareOutDir(dir)', () => {
  it('prepareOutDir(dir) creates nested directories and leaves no probe file behind', async () => {
    const out = join(dir, 'a', 'b');
    await prepareOutDir(out);
    expect(await readdir(out)).toEqual([]);
  });

  it('prepareOutDir(dir) rejects a path that is a file, naming it', async () => {
    const file = join(dir, 'taken');
    await writeFile(file, 'x');
    await expect(prepareOutDir(file)).rejects.toThrow(OutputDirError);
    await expect(prepareOutDir(file)).rejects.toThrow(file);
  });

  it('prepareOutDir(dir) rejects a directory that cannot be created under a file', async () => {
    const file = join(dir, 'taken');
    await writeFile(file, 'x');
    await expect(prepareOutDir(join(file, 'sub'))).rejects.toThrow(/not a writable directory/);
  });
});

describe('writeFilesAtomically(dir, files)', () => {
  it('writeFilesAtomically(dir, files) writes every file under its name and no temporaries', async () => {
    const paths = await writeFilesAtomically(dir, { 'a.txt': 'alpha', 'b.bin': new Uint8Array([1, 2, 3]) });
    expect(paths).toEqual([join(dir, 'a.txt'), join(dir, 'b.bin')]);
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'b.bin']);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('alpha');
    expect([...(await readFile(join(dir, 'b.bin')))]).toEqual([1, 2, 3]);
  });

  it('writeFilesAtomically(dir, files) leaves earlier files untouched when a write fails', async () => {
    await writeFile(join(dir, 'a.txt'), 'old');
    await expect(writeFilesAtomically(join(dir, 'missing'), { 'a.txt': 'new' })).rejects.toThrow();
    await expect(writeFilesAtomically(dir, { 'a.txt': 'new', 'sub/b.txt': 'x' })).rejects.toThrow();
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });
});

describe('sideBySide(pngs)', () => {
  it('sideBySide(pngs) puts the images left to right on one canvas', async () => {
    const red = createCanvas(30, 20);
    const ctxRed = red.getContext('2d');
    ctxRed.fillStyle = '#ff0000';
    ctxRed.fillRect(0, 0, 30, 20);
    const blue = createCanvas(10, 40);
    const ctxBlue = blue.getContext('2d');
    ctxBlue.fillStyle = '#0000ff';
    ctxBlue.fillRect(0, 0, 10, 40);
    const png = await sideBySide([await red.encode('png'), await blue.encode('png')]);
    const image = await loadImage(png);
    expect([image.width, image.height]).toEqual([40, 40]);
    const check = createCanvas(40, 40);
    const ctx = check.getContext('2d');
    ctx.drawImage(image, 0, 0);
    expect([...ctx.getImageData(5, 5, 1, 1).data]).toEqual([255, 0, 0, 255]);
    expect([...ctx.getImageData(5, 30, 1, 1).data]).toEqual([255, 255, 255, 255]);
    expect([...ctx.getImageData(35, 30, 1, 1).data]).toEqual([0, 0, 255, 255]);
  });

  it('sideBySide([]) throws a RangeError', async () => {
    await expect(sideBySide([])).rejects.toThrow(RangeError);
  });
});
