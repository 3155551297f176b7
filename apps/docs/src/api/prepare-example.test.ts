import { describe, expect, it } from 'vitest';
import { ExampleSyntaxError, prepareExample } from './prepare-example.js';

const SCOPE = 'const { console, setTimeout, clearTimeout, setInterval, clearInterval } = __slope.scope;';

describe('prepareExample(code)', () => {
  it('strips types, turns @slope imports into runtime bindings on line 1, and shows each top-level expression', () => {
    const js = prepareExample("import { parse } from '@slope/symbolic';\nimport type { Expr } from '@slope/symbolic';\nconst e: Expr = parse('x^2')!;\ne.toString();\n");
    const lines = js.split('\n');
    expect(lines[0]).toBe(`${SCOPE} const { "parse": parse } = __slope.imports("@slope/symbolic", ["parse"], 1); ` + ' '.repeat("import { parse } from '@slope/symbolic';".length));
    expect(lines[2]).toBe("const e = parse('x^2');");
    expect(lines[3]).toBe('__slope.show((e.toString()));');
  });

  it('keeps every line where it was, so an error line in the module is the line in the example', () => {
    const code = "import {\n  parse,\n  derivative as d,\n} from '@slope/symbolic';\nconst f = (x: number): number => x * 2;\nf(2);\nd(parse('x'), 'x');\n";
    const js = prepareExample(code);
    expect(js.split('\n').length).toBe(code.split('\n').length);
    expect(js.split('\n')[5]).toBe('__slope.show((f(2)));');
    expect(js.split('\n')[0]).toContain('const { "parse": parse, "derivative": d } = __slope.imports("@slope/symbolic", ["parse","derivative"], 1);');
  });

  it('does not show assignments, updates, console calls, void, delete or timer handles', () => {
    const js = prepareExample('let a = 1;\na = 2;\na++;\nconsole.log(a);\nvoid a;\nsetTimeout(() => a, 1);\n');
    expect(js).not.toContain('__slope.show');
  });

  it('handles namespace, default and side-effect imports, and dynamic import()', () => {
    const js = prepareExample("import * as plot from '@slope/plot';\nimport x from '@slope/models';\nimport '@slope/optim';\nconst m = await import('@slope/autodiff');\nconsole.log(plot, x, m);\n");
    expect(js).toContain('const plot = __slope.imports("@slope/plot", [], 1);');
    expect(js).toContain('const x = __slope.defaultImport("@slope/models", 2);');
    expect(js).toContain('__slope.imports("@slope/optim", [], 3);');
    expect(js).toContain("const m = await __slope.dynamicImport('@slope/autodiff');");
  });

  it('leaves out an import that is never used as a value, as TypeScript does', () => {
    expect(prepareExample("import { Tensor } from '@slope/autodiff';\nconst t: Tensor | undefined = undefined;\n")).not.toContain('__slope.imports');
  });

  it('shows a dynamic import used as a statement, wrapping around the rewritten call', () => {
    expect(prepareExample("import('@slope/plot');")).toBe(`${SCOPE} __slope.show((__slope.dynamicImport('@slope/plot')));`);
  });

  it("binds the runtime's console and timers in the module's scope, except names the example declares itself", () => {
    expect(prepareExample('const setTimeout = 1;\nfunction console() {}\nconst { a: [clearTimeout] } = { a: [2] };\n').split('\n')[0]).toBe(
      'const { setInterval, clearInterval } = __slope.scope; const setTimeout = 1;',
    );
  });

  it('reports a syntax error as ExampleSyntaxError with its line, from TypeScript or JavaScript parsing', () => {
    const at = (code: string): number | undefined => {
      try {
        prepareExample(code);
      } catch (e) {
        expect(e).toBeInstanceOf(ExampleSyntaxError);
        expect((e as ExampleSyntaxError).message).not.toMatch(/\(\d+:\d+\)$/);
        return (e as ExampleSyntaxError).line;
      }
      throw new Error(`no syntax error in ${code}`);
    };
    expect(at('const x = 1;\nconst = 2;')).toBe(2);
    expect(at('let a = 1;\n\nlet b: = 2;')).toBe(3);
    expect(at('const x = 1;\nreturn x;')).toBe(2);
  });
});
