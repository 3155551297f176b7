import { type MathNode, parse as mathParse } from 'mathjs/number';
import { float, int, MINUS_ONE, numberNode, raw, sym } from './build.js';
import { ParseError } from './errors.js';
import { type AnyNode, asNode, type Expr, MAX_DEPTH } from './expr.js';
import { arityOf, lookup, REAL_FUNCTIONS } from './functions.js';

/** mathjs's recursive-descent parser exhausts the stack near 250 nested brackets. */
const MAX_BRACKETS = 200;

const SCALAR_OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'unaryMinus', 'unaryPlus', 'pow', 'dotMultiply', 'dotDivide', 'dotPow']);

function checkBrackets(src: string): void {
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '(' || ch === '[' || ch === '{') {
      depth++;
      if (depth > MAX_BRACKETS) {
        throw new ParseError(`Brackets nested more than ${MAX_BRACKETS} deep at position ${i}: expected at most ${MAX_BRACKETS} levels of nesting`, i);
      }
    } else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
    }
  }
}

function locate(src: string, needle: string): number {
  const i = src.indexOf(needle);
  return i < 0 ? 0 : i;
}

function fromMathjsError(src: string, e: unknown): ParseError {
  if (e instanceof RangeError) {
    return new ParseError(`Expression is nested too deeply to parse: expected fewer nested operators (${e.message})`, 0);
  }
  const message = e instanceof Error ? e.message : String(e);
  const m = /\(char (\d+)\)/.exec(message);
  const position = m ? Math.max(0, Number(m[1]) - 1) : 0;
  let text = message.replace(/\s*\(char \d+\)/, '');
  if (!/\bexpected\b/i.test(text)) text += ': expected a number, symbol, function call or parenthesized expression';
  return new ParseError(`${text} at position ${position} in "${src}"`, position);
}

interface Frame {
  node: MathNode;
  depth: number;
}

/**
 * Convert mathjs's tree to ours. Chains of + and * are walked with a loop, so a sum of
 * ten thousand terms is one flat node rather than ten thousand nested ones.
 */
function convert(src: string, root: MathNode): AnyNode {
  const go = ({ node, depth }: Frame): AnyNode => {
    if (depth > MAX_DEPTH) {
      throw new ParseError(`Expression nested more than ${MAX_DEPTH} levels deep: expected a shallower expression`, 0);
    }
    const next = (n: MathNode): AnyNode => go({ node: n, depth: depth + 1 });
    switch (node.type) {
      case 'ConstantNode': {
        const v = (node as unknown as { value: unknown }).value;
        if (v === undefined) throw new ParseError(`Empty expression: expected a number, symbol or function call in "${src}"`, 0);
        if (typeof v !== 'number') throw new ParseError(`Constant ${JSON.stringify(v)} is not supported: expected a real number`, locate(src, String(v)));
        return numberNode(v);
      }
      case 'SymbolNode': {
        const name = (node as unknown as { name: string }).name;
        if (name === 'Infinity') return float(Infinity);
        return sym(name);
      }
      case 'ParenthesisNode':
        return next((node as unknown as { content: MathNode }).content);
      case 'FunctionAssignmentNode':
        return next((node as unknown as { expr: MathNode }).expr);
      case 'OperatorNode':
        return convertOperator(node as unknown as OperatorLike, next, depth);
      case 'FunctionNode':
        return convertFunction(node as unknown as FunctionLike, next);
      default:
        throw new ParseError(`${node.type} is not supported in "${src}": expected a scalar expression of numbers, symbols, operators and function calls`, locate(src, node.type === 'ArrayNode' || node.type === 'AccessorNode' ? '[' : '='));
    }
  };

  interface OperatorLike {
    op: string;
    fn: string;
    args: MathNode[];
  }
  interface FunctionLike {
    fn: MathNode & { name?: string };
    args: MathNode[];
  }

  /**
   * Walk the left spine iteratively: mathjs builds a+b-c+… as ((a+b)-c)+…, and a long sum
   * must not become a deep tree. Subtracted operands come back flagged for negation.
   */
  const flatten = (node: OperatorLike, fns: ReadonlySet<string>): [MathNode, boolean][] => {
    const rights: [MathNode, boolean][] = [];
    let cur: MathNode = node as unknown as MathNode;
    for (;;) {
      const op = cur as unknown as OperatorLike;
      if (cur.type === 'OperatorNode' && fns.has(op.fn) && op.args.length === 2) {
        rights.push([op.args[1] as MathNode, op.fn === 'subtract']);
        cur = op.args[0] as MathNode;
      } else if (cur.type === 'OperatorNode' && fns.has(op.fn) && op.args.length > 2) {
        rights.push(...op.args.slice(1).reverse().map((a): [MathNode, boolean] => [a, false]));
        cur = op.args[0] as MathNode;
      } else {
        rights.push([cur, false]);
        break;
      }
    }
    return rights.reverse();
  };
  const SUM = new Set(['add', 'subtract']);
  const PRODUCT = new Set(['multiply']);

  const convertOperator = (node: OperatorLike, next: (n: MathNode) => AnyNode, depth: number): AnyNode => {
    if (!SCALAR_OPERATORS.has(node.fn)) {
      throw new ParseError(`Operator "${node.op}" (${node.fn}) is not supported at position ${locate(src, node.op)}: expected one of + - * / ^`, locate(src, node.op));
    }
    const [a, b] = node.args as [MathNode, MathNode | undefined];
    switch (node.fn) {
      case 'add':
      case 'subtract':
        return raw.add(flatten(node, SUM).map(([n, negate]) => (negate ? raw.mul([MINUS_ONE, next(n)]) : next(n))));
      case 'multiply':
        return raw.mul(flatten(node, PRODUCT).map(([n]) => next(n)));
      case 'divide':
      case 'dotDivide':
        return raw.mul([next(a), raw.pow(next(b as MathNode), MINUS_ONE)]);
      case 'dotMultiply':
        return raw.mul([next(a), next(b as MathNode)]);
      case 'unaryMinus':
        return raw.mul([MINUS_ONE, next(a)]);
      case 'unaryPlus':
        return go({ node: a, depth: depth + 1 });
      default:
        return raw.pow(next(a), next(b as MathNode));
    }
  };

  const convertFunction = (node: FunctionLike, next: (n: MathNode) => AnyNode): AnyNode => {
    if (node.fn.type !== 'SymbolNode' || node.fn.name === undefined) {
      throw new ParseError(`Calling a computed function is not supported in "${src}": expected a function name`, 0);
    }
    const name = node.fn.name;
    const args = node.args.map(next);
    const at = locate(src, name + '(');
    const expectArgs = (min: number, max: number): void => {
      if (args.length < min || args.length > max) {
        const want = min === max ? `${min}` : `${min} to ${max}`;
        throw new ParseError(`Function ${name} at position ${at} got ${args.length} argument(s): expected ${want}`, at);
      }
    };
    switch (name) {
      case 'pow':
        expectArgs(2, 2);
        return raw.pow(args[0] as AnyNode, args[1] as AnyNode);
      case 'square':
        expectArgs(1, 1);
        return raw.pow(args[0] as AnyNode, int(2));
      case 'cube':
        expectArgs(1, 1);
        return raw.pow(args[0] as AnyNode, int(3));
      case 'add':
      case 'multiply':
        expectArgs(2, Infinity);
        return name === 'add' ? raw.add(args) : raw.mul(args);
      case 'subtract':
        expectArgs(2, 2);
        return raw.add([args[0] as AnyNode, raw.mul([MINUS_ONE, args[1] as AnyNode])]);
      case 'divide':
        expectArgs(2, 2);
        return raw.mul([args[0] as AnyNode, raw.pow(args[1] as AnyNode, MINUS_ONE)]);
      case 'unaryMinus':
        expectArgs(1, 1);
        return raw.mul([MINUS_ONE, args[0] as AnyNode]);
      default:
        if (lookup(REAL_FUNCTIONS, name) !== undefined) {
          const [min, max] = arityOf(name);
          expectArgs(min, max);
        }
        return raw.fn(name, args);
    }
  };

  return go({ node: root, depth: 0 });
}

/**
 * Parse mathjs syntax into an immutable {@link Expr}, keeping the structure as written.
 *
 * @throws {ParseError} with a 0-based `.position` when the text is not a supported expression.
 * @example
 * ```ts
 * parse('sin(2x^5 + 3x) / e^(7x)').toString(); // 'sin(2*x^5 + 3*x)/e^(7*x)'
 * ```
 */
export function parse(src: string): Expr {
  if (typeof src !== 'string') throw new TypeError(`parse(src): expected a string, got ${typeof src}`);
  checkBrackets(src);
  let root: MathNode;
  try {
    root = mathParse(src);
  } catch (e) {
    throw fromMathjsError(src, e);
  }
  const node = convert(src, root);
  if (node.depth > MAX_DEPTH) throw new ParseError(`Expression nested more than ${MAX_DEPTH} levels deep: expected a shallower expression`, 0);
  return node;
}

/** Accept either a parsed Expr or source text. */
export function toNode(e: Expr | string, where: string): AnyNode {
  return typeof e === 'string' ? (parse(e) as AnyNode) : asNode(e, where);
}
