import * as plot from '@slope/plot';
import * as symbolic from '@slope/symbolic';
import { describe, expect, it } from 'vitest';
import { chartFileName, describeChart, isChartConfig } from './chart-output.js';
import { createExampleRuntime, describeError, MAX_OUTPUT_LINES, type OutputItem } from './example-runtime.js';

function runtime(): { items: OutputItem[]; rt: ReturnType<typeof createExampleRuntime> } {
  const items: OutputItem[] = [];
  return { items, rt: createExampleRuntime({ '@slope/symbolic': symbolic, '@slope/plot': plot }, (item) => items.push(item)) };
}

describe('createExampleRuntime(modules, sink)', () => {
  it('records console output and shown values in order; undefined is not shown', () => {
    const { items, rt } = runtime();
    expect(rt.global.scope.console).toBe(rt.console);
    expect(rt.global.scope.setTimeout).toBe(rt.timers.setTimeout);
    rt.console.log('x =', 2);
    expect(rt.global.show(symbolic.parse('x^2'))).toBeDefined();
    rt.global.show(undefined);
    rt.console.group('group');
    rt.console.info('inside');
    rt.console.groupEnd();
    rt.console.assert(false, 'why');
    rt.console.count();
    rt.console.count();
    expect(items).toEqual([
      { kind: 'text', text: 'x = 2' },
      { kind: 'text', text: 'x^2' },
      { kind: 'text', text: 'group' },
      { kind: 'text', text: '  inside' },
      { kind: 'text', text: 'Assertion failed: why' },
      { kind: 'text', text: 'default: 1' },
      { kind: 'text', text: 'default: 2' },
    ]);
  });

  it('turns a chart configuration into a chart item handed over with its configuration', () => {
    const charts: unknown[] = [];
    const items: OutputItem[] = [];
    const rt = createExampleRuntime({}, (item, chart) => {
      items.push(item);
      charts.push(chart);
    });
    const config = plot.lineChart([{ x: [0, 1, 2], y: [1, 2, 4], label: '2ˣ' }], { xLabel: 'x', yScale: 'log' });
    rt.global.show(config);
    expect(items).toEqual([{ kind: 'chart', summary: 'scatter chart: 2ˣ (3 points); x axis “x”, y axis (logarithmic).', digest: expect.stringMatching(/^[0-9a-f]{8}$/), width: 640, height: 320 }]);
    expect(charts[0]).toBe(config);
  });

  it('imports only the modules it was given, and names what is missing', () => {
    const { rt } = runtime();
    expect(rt.global.imports('@slope/symbolic', ['parse'], 1)).toBe(symbolic);
    expect(() => rt.global.imports('@slope/symbolic', ['parze', 'parse'], 4)).toThrow(expect.objectContaining({ name: 'SyntaxError', line: 4, message: "@slope/symbolic has no export named 'parze'" }));
    expect(() => rt.global.imports('node:fs', [], 2)).toThrow("cannot import 'node:fs' here; the examples can import @slope/symbolic, @slope/plot");
    expect(() => rt.global.imports('@slope/plot/node', [], 1)).toThrow(/runs in Node only/);
    expect(() => rt.global.defaultImport('@slope/plot', 3)).toThrow(/has no default export/);
  });

  it(`stops recording after ${MAX_OUTPUT_LINES} lines and says so once`, () => {
    const { items, rt } = runtime();
    for (let i = 0; i < MAX_OUTPUT_LINES + 50; i++) rt.console.log(i);
    expect(items.length).toBe(MAX_OUTPUT_LINES + 1);
    expect(items.at(-2)).toEqual({ kind: 'text', text: String(MAX_OUTPUT_LINES - 1) });
    expect(items.at(-1)).toEqual({ kind: 'text', text: `… output stopped after ${MAX_OUTPUT_LINES} lines` });
  });
});

describe('describeError(error, moduleUrl)', () => {
  it('names the error and finds the example line in the stack frame of the module', () => {
    const error = new TypeError('f is not a function');
    error.stack = 'TypeError: f is not a function\n    at lib (http://x/lib.js:1:2)\n    at blob:http://127.0.0.1/abc:7:13';
    expect(describeError(error, 'blob:http://127.0.0.1/abc')).toEqual({ kind: 'error', message: 'TypeError: f is not a function', line: 7 });
  });

  it('prefers a line the error carries, and formats what is thrown that is not an Error', () => {
    expect(describeError(Object.assign(new SyntaxError('bad'), { line: 3 }), 'x')).toEqual({ kind: 'error', message: 'SyntaxError: bad', line: 3 });
    expect(describeError('plain', 'x')).toEqual({ kind: 'error', message: "Uncaught 'plain'", line: undefined });
  });
});

describe('chart output', () => {
  it('recognises a chart configuration and nothing else', () => {
    expect(isChartConfig(plot.scatterChart([{ x: [1], y: [2] }]))).toBe(true);
    expect(isChartConfig({ type: 'line', data: {} })).toBe(false);
    expect(isChartConfig([1])).toBe(false);
  });

  it('gives the same digest for the same data, a new one when the data change, and keeps contour maps square', () => {
    const a = describeChart(plot.lineChart([{ x: [0, 1], y: [0, 1] }]));
    expect(describeChart(plot.lineChart([{ x: [0, 1], y: [0, 1] }])).digest).toBe(a.digest);
    expect(describeChart(plot.lineChart([{ x: [0, 1], y: [0, 2] }])).digest).not.toBe(a.digest);
    // A last-bit difference between engines is not a different chart; a visible one is.
    expect(describeChart(plot.lineChart([{ x: [0, 1], y: [0, 0.1 + 0.2] }])).digest).toBe(describeChart(plot.lineChart([{ x: [0, 1], y: [0, 0.3] }])).digest);
    expect(describeChart(plot.lineChart([{ x: [0, 1], y: [0, 0.3001] }])).digest).not.toBe(describeChart(plot.lineChart([{ x: [0, 1], y: [0, 0.3] }])).digest);
    const grid = plot.sampleGrid((x, y) => x * x + y * y, [-1, 1], [-1, 1], 11, 11);
    const square = describeChart(plot.lineChart([{ x: [0, 1], y: [0, 1] }], { aspectRatio: 1 }));
    expect([square.width, square.height]).toEqual([640, 640]);
    expect(describeChart(plot.contourChart({ grid, levels: 3 })).summary).toMatch(/^scatter chart: level /);
    expect(chartFileName('plot', 'lineChart', 2, a.digest)).toBe(`plot-lineChart-2-${a.digest}.png`);
  });
});
