import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasets, heartCurve, heights, HeightsCsvError, parseHeightsCsv } from './index.js';

describe('heartCurve', () => {
  it('heartCurve() has the course inputs 0, 0.01, …, 0.99', () => {
    const { n, x, y } = heartCurve();
    expect(n).toBe(100);
    expect(x.length).toBe(100);
    expect(x[0]).toBe(0);
    expect(x[99]).toBeCloseTo(0.99, 15);
    expect(y[0].length).toBe(100);
    expect(y[1].length).toBe(100);
  });

  it.each([
    [0, 0.5, 0.625],
    [25, 0.9, 0.6],
    [50, 0.5, 0.075],
    [75, 0.1, 0.6],
  ])('heartCurve() at k = %i is (%f, %f) (COURSE.md §1.5)', (k, h, v) => {
    const { y } = heartCurve();
    expect(y[0][k]).toBeCloseTo(h, 12);
    expect(y[1][k]).toBeCloseTo(v, 12);
  });

  it('heartCurve() stays in the ranges of COURSE.md §1.5', () => {
    const { y } = heartCurve();
    expect(Math.min(...y[0])).toBeCloseTo(0.1, 12);
    expect(Math.max(...y[0])).toBeCloseTo(0.9, 12);
    expect(Math.min(...y[1])).toBeCloseTo(0.075, 12);
    expect(Math.max(...y[1])).toBeGreaterThan(0.79);
    expect(Math.max(...y[1])).toBeLessThan(0.8);
  });

  it('heartCurve(n) samples k/n for any n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (n) => {
        const { x } = heartCurve(n);
        expect(x.length).toBe(n);
        x.forEach((v, k) => expect(v).toBe(k / n));
      }),
      { numRuns: 20 },
    );
  });

  it.each([[0], [-3], [2.5]])('heartCurve(%s) throws a RangeError', (n) => {
    expect(() => heartCurve(n)).toThrow(RangeError);
  });

  it('datasets bundles heartCurve, heights and parseHeightsCsv', () => {
    expect(datasets.heartCurve).toBe(heartCurve);
    expect(datasets.heights).toBe(heights);
    expect(datasets.parseHeightsCsv).toBe(parseHeightsCsv);
  });
});

describe('heights', () => {
  it("heights('course') is the notebook's 100-bin grid, a density per cm (COURSE.md §2.4)", () => {
    const h = heights('course');
    expect(h.x.length).toBe(100);
    expect(h.x[0]).toBe(51.25);
    expect(h.x[99]).toBe(298.75);
    expect(h.binWidth).toBe(2.5);
    expect(h.y.reduce((s, v) => s + v, 0) * 2.5).toBeCloseTo(1, 12);
    expect(h.citation).toBeNull();
    expect(h.provenance).toMatch(/not stated/);
  });

  it.each([
    [161.25, 0.012462],
    [176.25, 0.053065],
    [198.75, 0.000402],
    [201.25, 0],
    [158.75, 0],
  ])("heights('course') has density %f → %f (the table of COURSE.md §2.4)", (centre, density) => {
    const h = heights('course');
    const i = h.x.indexOf(centre);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(h.y[i]).toBeCloseTo(density, 6);
  });

  it("heights('course') has the histogram mean 178.49 cm and SD 7.545 cm", () => {
    const { x, y } = heights('course');
    let w = 0;
    let m = 0;
    x.forEach((xi, i) => ((w += y[i]!), (m += y[i]! * xi)));
    m /= w;
    let v = 0;
    x.forEach((xi, i) => (v += y[i]! * (xi - m) ** 2));
    expect(m).toBeCloseTo(178.49, 2);
    expect(Math.sqrt(v / w)).toBeCloseTo(7.545, 3);
  });

  it.each([
    ['galton-sons' as const, 481, 60, 69.341],
    ['galton-daughters' as const, 453, 56, null],
  ])('heights(%s) has the COURSE.md §5 counts, in cm, with the citation', (name, total, firstInch, binnedMean) => {
    const h = heights(name);
    expect(h.total).toBe(total);
    expect(h.counts?.reduce((s, c) => s + c, 0)).toBe(total);
    expect(h.x[0]).toBeCloseTo(firstInch * 2.54, 12);
    expect(h.binWidth).toBe(2.54);
    expect(h.y.reduce((s, v) => s + v, 0) * 2.54).toBeCloseTo(1, 12);
    expect(h.citation).toMatch(/Galton.*1886/);
    expect(h.citation).toMatch(/Hanley/);
    expect(h.citation).toMatch(/HistData/);
    if (binnedMean != null) {
      const mean = h.x.reduce((s, xi, i) => s + xi * h.counts![i]!, 0) / total / 2.54;
      expect(mean).toBeCloseTo(binnedMean, 3);
    }
  });

  it('heights(name) throws a RangeError naming an unknown data set', () => {
    expect(() => heights('galton' as never)).toThrow(/"galton".*'course'/);
  });
});

describe('parseHeightsCsv', () => {
  it('parseHeightsCsv(text, { unit: "in" }) reads centre,count rows into a cm density', () => {
    const h = parseHeightsCsv('centre,count\n68,3\n69,5\n70,2\n', { unit: 'in' });
    expect(Array.from(h.x)).toEqual([68 * 2.54, 69 * 2.54, 70 * 2.54]);
    expect(Array.from(h.counts!)).toEqual([3, 5, 2]);
    expect(h.total).toBe(10);
    expect(h.binWidth).toBeCloseTo(2.54, 12);
    expect(h.y[1]).toBeCloseTo(5 / (10 * 2.54), 12);
  });

  it('parseHeightsCsv(text) fills gaps in centre,count rows with empty bins and accepts any row order', () => {
    const h = parseHeightsCsv('# comment\n175,4\n\n170,1\n185,2\n');
    expect(Array.from(h.x)).toEqual([170, 175, 180, 185]);
    expect(Array.from(h.counts!)).toEqual([1, 4, 0, 2]);
  });

  it('parseHeightsCsv(text) bins raw heights into 2.5 cm bins centred on multiples of the width', () => {
    // 171 falls in [168.75, 171.25), 172 and 173.6 in [171.25, 173.75).
    const h = parseHeightsCsv('171\n172\n173.6\n180\n');
    expect(Array.from(h.x)).toEqual([170, 172.5, 175, 177.5, 180]);
    expect(Array.from(h.counts!)).toEqual([1, 2, 0, 0, 1]);
  });

  it('parseHeightsCsv(text) reads the height column of a CSV with a header, in inches', () => {
    const text = 'family,gender,childHeight\n1,male,73.2\n1,female,69.2\n2,male,69\n';
    const h = parseHeightsCsv(text, { unit: 'in', binWidth: 1 });
    expect(h.total).toBe(3);
    expect(Array.from(h.x).map((v) => v / 2.54)).toEqual([69, 70, 71, 72, 73].map((v) => expect.closeTo(v, 10)));
    expect(Array.from(h.counts!)).toEqual([2, 0, 0, 0, 1]);
  });

  it('parseHeightsCsv(text) recovers the counts of heights(galton-sons) from its own centre,count rows', () => {
    const sons = heights('galton-sons');
    const text = Array.from(sons.x, (x, i) => `${x / 2.54},${sons.counts![i]}`).join('\n');
    const h = parseHeightsCsv(text, { unit: 'in' });
    expect(Array.from(h.counts!)).toEqual(Array.from(sons.counts!));
    h.y.forEach((v, i) => expect(v).toBeCloseTo(sons.y[i]!, 14));
  });

  it('parseHeightsCsv(text) bins every raw height exactly once (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 100, max: 220, noNaN: true }), { minLength: 1, maxLength: 200 }), (hs) => {
        const h = parseHeightsCsv(hs.join('\n'));
        expect(h.total).toBe(hs.length);
        expect(h.y.reduce((s, v) => s + v, 0) * h.binWidth).toBeCloseTo(1, 10);
      }),
      { numRuns: 50 },
    );
  });

  it.each([
    ['170\n17x\n180', 2, '17x'],
    ['centre,count\n170,3\n172.5,abc', 3, 'abc'],
    ['170,3\n172.5,-1', 2, '-1'],
    ['170,3\n172.5', 2, '172.5'],
    ['170\n\n-5', 3, '-5'],
    ['170,3\n171,2\n172.5,1', 3, '172.5'],
  ])('parseHeightsCsv(%j) throws HeightsCsvError naming line %i and value %s', (text, line, value) => {
    let error: unknown;
    try {
      parseHeightsCsv(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HeightsCsvError);
    const err = error as HeightsCsvError;
    expect(err.line).toBe(line);
    expect(err.value).toBe(value);
    expect(err.message).toContain(`line ${line}`);
    expect(err.message).toContain(JSON.stringify(value));
  });

  it.each([
    ['', {}],
    ['# only a comment', {}],
    ['170', { unit: 'ft' as never }],
    ['170', { binWidth: 0 }],
    ['170,0\n172.5,0', {}],
  ])('parseHeightsCsv(%j, %j) throws a RangeError', (text, options) => {
    expect(() => parseHeightsCsv(text, options)).toThrow(RangeError);
  });
});
