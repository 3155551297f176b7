/** The parts of `@napi-rs/canvas` that rendering uses. */
export type CanvasModule = typeof import('@napi-rs/canvas');

/**
 * `@napi-rs/canvas` is an optional peer (34 MB of native Skia that browser users never need), so
 * it is loaded on first use and its absence is one clear error, not a module-resolution crash
 * at import time.
 */
export async function loadCanvas(importer: () => Promise<CanvasModule> = () => import('@napi-rs/canvas')): Promise<CanvasModule> {
  try {
    return await importer();
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error(
        '@slope/plot/node: renderPng needs the optional peer dependency "@napi-rs/canvas", which is not installed; ' +
          'install it beside @slope/plot (npm install @napi-rs/canvas)',
        { cause },
      );
    }
    throw cause;
  }
}
