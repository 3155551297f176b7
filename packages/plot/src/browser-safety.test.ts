import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as plot from './index.js';

const here = new URL('.', import.meta.url);
const browserModules = readdirSync(here).filter(
  (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.startsWith('test-') && !name.startsWith('node'), // node.ts and the node-only modules it imports
);

describe('the main entry (@slope/plot)', () => {
  it.each(browserModules)('%s uses no Node built-ins, so the docs can bundle it for the browser', (name) => {
    const source = readFileSync(new URL(name, here), 'utf8');
    expect(source).not.toMatch(/from '(node:|fs|path|os|buffer)/);
    expect(source).not.toMatch(/\b(Buffer|process)\./);
    expect(source).not.toMatch(/@napi-rs\/canvas/);
  });

  it('exports builders and helpers only, no renderer', () => {
    expect(Object.keys(plot).sort()).toEqual([
      'MAX_CONTOUR_LEVELS',
      'MAX_CURVE_SAMPLES',
      'MAX_DRAWN_SNAPSHOTS',
      'MAX_GRID_POINTS',
      'PlotInputError',
      'contourChart',
      'contourLevels',
      'contourLines',
      'courseColors',
      'histogramChart',
      'lineChart',
      'quiverChart',
      'sampleGrid',
      'scatterChart',
      'trainingChart',
      'withAlpha',
    ]);
  });
});
