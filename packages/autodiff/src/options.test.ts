import { describe, expect, it } from 'vitest';
import { closestName, rejectUnknownOptions } from './options.js';

describe('rejectUnknownOptions', () => {
  it('accepts undefined and known keys', () => {
    expect(() => rejectUnknownOptions('f', undefined, ['a'])).not.toThrow();
    expect(() => rejectUnknownOptions('f', { a: 1 }, ['a', 'b'])).not.toThrow();
    expect(() => rejectUnknownOptions('f', {}, [])).not.toThrow();
  });

  it('names the unknown key and the closest known one', () => {
    expect(() => rejectUnknownOptions('grad', { argnum: 1 }, ['argnums', 'hasAux'])).toThrow(
      /grad: unknown option "argnum"; did you mean "argnums"\?/,
    );
    expect(() => rejectUnknownOptions('sgd', { batch_size: 2 }, ['batchSize', 'rng'])).toThrow(/did you mean "batchSize"/);
    expect(() => rejectUnknownOptions('f', { zzz: 1 }, ['maxIterations'])).toThrow(/unknown option "zzz" \(known options: "maxIterations"\)/);
  });

  it('rejects options that are not a plain object', () => {
    expect(() => rejectUnknownOptions('f', null, ['a'])).toThrow(TypeError);
    expect(() => rejectUnknownOptions('f', [1], ['a'])).toThrow(/options must be an object, got an array/);
    expect(() => rejectUnknownOptions('f', 3, ['a'])).toThrow(/got number 3/);
  });
});

describe('closestName', () => {
  it('finds typos, swaps and other spellings', () => {
    expect(closestName('maxIteration', ['maxIterations', 'tolerance'])).toBe('maxIterations');
    expect(closestName('iteration', ['iterations', 'aggression'])).toBe('iterations');
    expect(closestName('tolreance', ['tolerance'])).toBe('tolerance');
    expect(closestName('MAX_ITERATIONS', ['maxIterations'])).toBe('maxIterations');
  });

  it('suggests nothing for unrelated names', () => {
    expect(closestName('colour', ['maxIterations', 'tolerance'])).toBeUndefined();
  });
});
