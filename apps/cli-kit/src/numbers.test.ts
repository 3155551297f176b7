import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { readChoice, readInteger, readList, readNumber, UsageError } from './index.js';

describe('readNumber and readInteger', () => {
  test.each([
    ['7', 7],
    ['-3.5', -3.5],
    ['+2', 2],
    ['.5', 0.5],
    ['1e3', 1000],
    ['2.5E-3', 0.0025],
  ])('readNumber reads the decimal %s as %d', (text, value) => {
    expect(readNumber('x', text)).toBe(value);
  });

  test.each([['0x10'], ['0b1'], ['0o7'], [''], [' '], ['Infinity'], ['NaN'], ['1e999'], ['12abc'], ['1,5']])('readNumber refuses %j, naming the option and the text', (text) => {
    expect(() => readNumber('aggression', text)).toThrow(UsageError);
    expect(() => readNumber('aggression', text)).toThrow(`--aggression must be a number, got ${JSON.stringify(text)}`);
  });

  it('readNumber and readInteger agree on which texts are numbers (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (text) => {
        let asNumber: number | undefined;
        try {
          asNumber = readNumber('x', text);
        } catch {
          asNumber = undefined;
        }
        let asInteger: number | undefined;
        try {
          asInteger = readInteger('x', text);
        } catch {
          asInteger = undefined;
        }
        if (asInteger !== undefined) expect(asNumber).toBe(asInteger);
        if (asNumber !== undefined && Number.isSafeInteger(asNumber)) expect(asInteger).toBe(asNumber);
      }),
      { numRuns: 300 },
    );
  });

  it('readNumber checks the range and says it', () => {
    expect(() => readNumber('aggression', '0', { above: 0 })).toThrow('--aggression must be a number above 0, got "0"');
    expect(() => readNumber('noise', '-1', { min: 0 })).toThrow('--noise must be a number of at least 0, got "-1"');
    expect(readNumber('noise', '0', { min: 0 })).toBe(0);
  });

  test.each([
    ['50000', 50000],
    ['5e4', 50000],
    ['1e12', 1e12],
  ])('readInteger reads %s as %d', (text, value) => {
    expect(readInteger('iterations', text, { min: 1, max: 1e12 })).toBe(value);
  });

  test.each([['0'], ['2.5'], ['1e13'], ['0x10'], ['1e300'], ['-5']])('readInteger refuses %j with the range', (text) => {
    expect(() => readInteger('iterations', text, { min: 1, max: 1e12 })).toThrow(`--iterations must be an integer from 1 to 1e12, got ${JSON.stringify(text)}`);
  });
});

describe('readList and readChoice', () => {
  it('readList reads exactly count parts', () => {
    expect(readList('start', '155, 6', 2, (part) => readNumber('start', part), 'two numbers MU,SIGMA')).toEqual([155, 6]);
    expect(() => readList('start', '155', 2, (part) => readNumber('start', part), 'two numbers MU,SIGMA')).toThrow('--start must be two numbers MU,SIGMA, got "155"');
  });

  it('readChoice lists the choices', () => {
    expect(readChoice('engine', 'hand', ['hand', 'autodiff'])).toBe('hand');
    expect(() => readChoice('engine', 'tfjs', ['hand', 'autodiff'])).toThrow('--engine must be one of hand, autodiff, got "tfjs"');
  });
});
