import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinModule, splitModule } from './learner-module.js';

const MODULE = `// Slope — backpropagation exercise
// Check it with: corepack pnpm backprop check backprop-exercise.js

/** J_W3: given. */
export function J_W3(net, x, y) {
  // a comment inside the body stays inside
  return 1;
}

// J_b3: the δ3 lines are yours.
// Two comment lines.
export function J_b3(net, x, y) {
  throw new Error('J_b3: not written yet');
}
`;

describe('splitModule / joinModule', () => {
  it('splitModule(source) cuts at each exported function, taking the comment lines right above it', () => {
    const { header, functions } = splitModule(MODULE);
    expect(header).toBe('// Slope — backpropagation exercise\n// Check it with: corepack pnpm backprop check backprop-exercise.js\n');
    expect([...functions.keys()]).toEqual(['J_W3', 'J_b3']);
    expect(functions.get('J_W3')).toBe('/** J_W3: given. */\nexport function J_W3(net, x, y) {\n  // a comment inside the body stays inside\n  return 1;\n}\n');
    expect(functions.get('J_b3')?.startsWith('// J_b3: the δ3 lines are yours.\n// Two comment lines.\nexport function J_b3')).toBe(true);
  });

  it('joinModule(splitModule(s)) gives back s for a module laid out as the starter is', () => {
    expect(joinModule(splitModule(MODULE))).toBe(MODULE);
  });

  it('an edited piece replaces only its function; CRLF files read the same as LF', () => {
    const pieces = splitModule(MODULE.replace(/\n/g, '\r\n'));
    const functions = new Map(pieces.functions);
    functions.set('J_b3', 'export function J_b3(net, x, y) {\n  return 2;\n}\n');
    const again = splitModule(joinModule({ header: pieces.header, functions }));
    expect(again.functions.get('J_W3')).toBe(splitModule(MODULE).functions.get('J_W3'));
    expect(again.functions.get('J_b3')).toBe('export function J_b3(net, x, y) {\n  return 2;\n}\n');
  });

  it('a function exported twice is an error naming it and the line', () => {
    expect(() => splitModule('export function f() {}\nexport function f() {}\n')).toThrow(/exports f twice \(line 2\)/);
  });

  it('split then join keeps every function body, whatever the bodies hold', () => {
    const body = fc.array(fc.constantFrom('  return 1;', '  // note', '  const a = [1, 2];', '  if (x) {', '  }', ''), { maxLength: 6 });
    fc.assert(fc.property(fc.uniqueArray(fc.constantFrom('J_W1', 'J_b1', 'J_W2', 'dfdmu', 'steepest_step'), { minLength: 1 }), fc.array(body, { minLength: 5, maxLength: 5 }), (names, bodies) => {
      const pieces = names.map((n, k) => `export function ${n}(a) {\n${(bodies[k] ?? []).join('\n')}\n}\n`);
      const src = `// header\n\n${pieces.join('\n')}`;
      const { functions } = splitModule(src);
      expect([...functions.keys()]).toEqual(names);
      names.forEach((n, k) => expect(functions.get(n)).toBe(pieces[k]?.replace(/\n+$/, '\n')));
    }));
  });
});
