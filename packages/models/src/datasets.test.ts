import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasets, heartCurve, heights, HeightsCsvError, MAX_HEIGHT_BINS, parseHeightsCsv } from './index.js';

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
      fc.property(fc.array(fc.double({ min: 150, max: 200, noNaN: true }), { minLength: 1, maxLength: 200 }), (hs) => {
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
    ['170', { binWidth: Number.NaN }],
    ['170', { binWidth: 0 }],
    ['170,0\n172.5,0', {}],
  ])('parseHeightsCsv(%j, %j) throws a RangeError', (text, options) => {
    expect(() => parseHeightsCsv(text, options)).toThrow(RangeError);
  });

  it('parseHeightsCsv reads 250,000 raw heights (no spread or recursion over rows)', () => {
    const text = Array.from({ length: 250_000 }, (_, i) => (160 + (i % 400) / 10).toFixed(1)).join('\n');
    const h = parseHeightsCsv(text);
    expect(h.total).toBe(250_000);
    expect(h.x[0]).toBe(160);
    expect(h.x.at(-1)).toBe(200);
  });

  it('parseHeightsCsv reads files in mm and m, and takes the unit from a header such as "Height (in)"', () => {
    expect(parseHeightsCsv('170\n172').sourceUnit).toBe('cm');
    expect(parseHeightsCsv('height (in)\n68\n70').sourceUnit).toBe('in');
    expect(heights('galton-sons').sourceUnit).toBe('in');
    expect(Array.from(parseHeightsCsv('1700\n1725\n1750', { unit: 'mm' }).x)).toEqual([170, 172.5, 175]);
    expect(Array.from(parseHeightsCsv('1.70\n1.725\n1.75', { unit: 'm' }).x)).toEqual([170, 172.5, 175]);
    const inches = parseHeightsCsv('Height (in)\n68\n69\n70');
    expect(Array.from(inches.x)).toEqual([68, 69, 70].map((v) => expect.closeTo(v * 2.54, 10)));
    expect(parseHeightsCsv('height_cm\n170\n172').total).toBe(2);
    expect(parseHeightsCsv('"Height (cm)"\n170\n172').total).toBe(2);
    expect(parseHeightsCsv('id;height [mm]\n1;1700\n2;1725').x[0]).toBe(170);
  });

  it('parseHeightsCsv reads CR-only line ends and refuses hexadecimal numbers', () => {
    expect(parseHeightsCsv('170\r172\r175').total).toBe(3);
    expect(() => parseHeightsCsv('170\n0xAA')).toThrow(/line 2: "0xAA" is not a number/);
    expect(() => parseHeightsCsv('170\nInfinity')).toThrow(/line 2: "Infinity" is not a number/);
  });

  it.each([
    ['170\n1720\n175', 2, '1720', 'mm', /not a plausible height in centimetres; expected 20–300 cm.*looks like millimetres \(1720 mm = 172 cm\)/],
    ['170\n172\n1.72\n168', 3, '1.72', 'm', /looks like metres \(1.72 m = 172 cm\)/],
    ['170\n1e12', 2, '1e12', null, /"1e12" is not a plausible height in centimetres; expected 20–300 cm$/],
    ['170\n1e308', 2, '1e308', null, /not a plausible height/],
    ['170\n0.001', 2, '0.001', null, /"0.001" is not a plausible height in centimetres/],
    ['170\n0', 2, '0', null, /"0" is not a positive height/],
    ['68\n70\n172', 3, '172', 'cm', { unit: 'in' }, /not a plausible height in inches; expected 7.87402–118.11 in.*looks like centimetres \(172 cm = 172 cm\)/],
    ['170\n172\n168\n175\n171\n68\n169', 6, '68', 'in', /lies far outside the other heights \(middle half .* cm\) but among them in inches.*68 in = 172.72 cm/],
    ['centre,count\n170,3\n172.5,5\n175,2\n1750,1', 5, '1750', 'mm', /looks like millimetres/],
    ['centre,count\n-170,3\n-167.5,1', 2, '-170', null, /is not a positive height; expected a bin centre in cm/],
    ['centre,count\n170,3\n172.5,1\n1e9,0', 4, '1e9', null, /stretches the grid of bins: bins of 2.5 cm over 170–1000000000 cm make 399,999,933 bins; expected at most 10,000 \(MAX_HEIGHT_BINS\)$/],
  ] as const)('parseHeightsCsv(%j) names line %i, value %s and the likely unit %s', (text, line, value, unit, ...rest) => {
    const message = rest.at(-1) as RegExp;
    const options = rest.length > 1 ? (rest[0] as object) : {};
    let error: unknown;
    try {
      parseHeightsCsv(text, options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HeightsCsvError);
    const err = error as HeightsCsvError;
    expect(err.line).toBe(line);
    expect(err.value).toBe(value);
    expect(err.likelyUnit).toBe(unit);
    expect(err.message).toMatch(message);
  });

  it('parseHeightsCsv accepts a genuine outlier that no unit explains, and a mixed crowd of children and adults', () => {
    expect(parseHeightsCsv('170\n172\n168\n175\n171\n120\n169').total).toBe(7);
    expect(parseHeightsCsv('52\n75\n98\n110\n130\n150\n165\n180').total).toBe(8);
  });

  it('parseHeightsCsv never reports a unit slip inside data that are all of one unit (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('cm' as const, 'in' as const, 'mm' as const), fc.array(fc.double({ min: 140, max: 200, noNaN: true }), { minLength: 1, maxLength: 300 }), (unit, cm) => {
        const factor = { cm: 1, in: 1 / 2.54, mm: 10 }[unit];
        const h = parseHeightsCsv(cm.map((v) => (v * factor).toFixed(3)).join('\n'), { unit });
        expect(h.total).toBe(cm.length);
      }),
      { numRuns: 60 },
    );
  });

  it('parseHeightsCsv bounds the bins: a tiny binWidth is refused at once with the smallest that fits', () => {
    expect(() => parseHeightsCsv('150\n200', { binWidth: 1e-6 })).toThrow(RangeError);
    expect(() => parseHeightsCsv('150\n200', { binWidth: 1e-6 })).toThrow(/make 50,000,001 bins; expected at most 10,000 \(MAX_HEIGHT_BINS\): use a binWidth of at least 0.00500050 cm|use a binWidth of at least 0.0050005 cm/);
    expect(parseHeightsCsv('150\n200', { binWidth: 0.0050005 }).x.length).toBeLessThanOrEqual(MAX_HEIGHT_BINS);
  });

  it.each([
    [{ binwidth: 10 }, /parseHeightsCsv: unknown option "binwidth"; did you mean "binWidth"\?/],
    [{ units: 'in' }, /unknown option "units"; did you mean "unit"\?/],
    [null, /options must be an object, got null/],
  ])('parseHeightsCsv(text, %j) throws a TypeError naming the option', (options, message) => {
    expect(() => parseHeightsCsv('170', options as never)).toThrow(TypeError);
    expect(() => parseHeightsCsv('170', options as never)).toThrow(message);
  });

  it.each([[null], [170], [undefined]])('parseHeightsCsv(%s) throws a TypeError asking for the text', (text) => {
    expect(() => parseHeightsCsv(text as never)).toThrow(/text must be a string/);
  });

  it('parseHeightsCsv asks which column when a header names several heights, and checks the header unit against the option', () => {
    expect(() => parseHeightsCsv('midparentHeight,childHeight\n170,172')).toThrow(/line 1: .*names 2 height columns \(midparentheight, childheight\); expected one, or one called 'height'/);
    expect(() => parseHeightsCsv('height (in)\n68', { unit: 'cm' })).toThrow(/names the unit in, but option unit is 'cm'/);
  });
});
