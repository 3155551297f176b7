import { create, type FactoryFunctionMap, type MathNode, parseDependencies } from 'mathjs/number';
import { ParseError } from './errors.js';
import { type AnyNode, asNode, type Expr, MAX_DEPTH } from './expr.js';
import { FUNCTION_NAMES, functionSpec, lookup } from './functions.js';
import { int, MINUS_ONE, numberNode, raw, rational, sym } from './nodes.js';
import { closestName } from './options.js';
import { type Token, TokenCursor, tokenize } from './tokens.js';

// Only mathjs's parser is loaded (with the node classes it builds), not the library: a
// browser bundle of `derivative` stays small.
const mathParse = /* @__PURE__ */ create({ parseDependencies } as FactoryFunctionMap).parse;

/** mathjs's recursive-descent parser exhausts the stack near 250 nested brackets. */
const MAX_BRACKETS = 200;
/** Source shown in a message: at most this many characters around the position. */
const EXCERPT = 60;

const SCALAR_OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'unaryMinus', 'unaryPlus', 'pow', 'dotMultiply', 'dotDivide', 'dotPow']);
const PREFIX_OPERATORS = new Set(['not', 'bitNot']);
const POSTFIX_OPERATORS = new Set(['factorial', 'ctranspose', 'transpose']);

/** A short piece of the source around `at`, so a 1 MB input never makes a 1 MB message. */
export function excerpt(src: string, at: number): string {
  if (src.length <= EXCERPT) return JSON.stringify(src);
  const from = Math.max(0, Math.min(at - EXCERPT / 2, src.length - EXCERPT));
  const piece = src.slice(from, from + EXCERPT);
  return JSON.stringify((from > 0 ? '…' : '') + piece + (from + EXCERPT < src.length ? '…' : ''));
}

/** Text of a token for a message, shortened when long. */
const shown = (text: string): string => (text.length > 24 ? `${text.slice(0, 20)}… (${text.length} characters)` : text);

function fail(src: string, message: string, at: number): never {
  throw new ParseError(`${message} at position ${at} in ${excerpt(src, at)}`, at);
}

function checkBrackets(src: string): void {
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '(' || ch === '[' || ch === '{') {
      depth++;
      if (depth > MAX_BRACKETS) fail(src, `Brackets nested more than ${MAX_BRACKETS} deep: expected at most ${MAX_BRACKETS} levels of nesting`, i);
    } else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
    }
  }
}

function fromMathjsError(src: string, e: unknown): ParseError {
  if (e instanceof RangeError) {
    return new ParseError(`Expression is nested too deeply to parse: expected fewer nested operators (${e.message})`, 0);
  }
  const message = e instanceof Error ? e.message : String(e);
  const m = /\(char (\d+)\)/.exec(message);
  const position = m ? Math.min(src.length, Math.max(0, Number(m[1]) - 1)) : 0;
  // mathjs quotes the rest of the input ("Syntax error in part …"); keep the message short.
  let text = message.replace(/\s*\(char \d+\)/, '').replace(/ in part "([^]*)"/, (_all, part: string) => ` at ${JSON.stringify(shown(part))}`);
  if (!/\bexpected\b/i.test(text)) text += ': expected a number, symbol, function call or parenthesized expression';
  return new ParseError(`${text} at position ${position} in ${excerpt(src, position)}`, position);
}

interface OperatorLike {
  op: string;
  fn: string;
  args: MathNode[];
  implicit?: boolean;
}
interface FunctionLike {
  fn: MathNode & { name?: string };
  args: MathNode[];
}

/** Names that read like the mathjs functional forms of operators, accepted as such. */
const OPERATOR_FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  pow: [2, 2], square: [1, 1], cube: [1, 1], add: [2, Infinity], multiply: [2, Infinity], subtract: [2, 2], divide: [2, 2], unaryMinus: [1, 1],
};

const KNOWN_NAMES = [...FUNCTION_NAMES.keys()];

/**
 * Convert mathjs's tree to ours, visiting nodes in source order so that each one can be
 * matched to its token: every rejected construct is reported at its own position. Chains of
 * + and * are walked with a loop, so a sum of ten thousand terms is one flat node.
 */
function convert(src: string, root: MathNode): AnyNode {
  const cursor = new TokenCursor(tokenize(src));
  const at = (t: Token | undefined): number => t?.start ?? cursor.position(src.length);
  const findOp = (...texts: string[]): Token | undefined => cursor.find((t) => (t.kind === 'op' || t.kind === 'id') && texts.includes(t.text));

  const go = (node: MathNode, depth: number): AnyNode => {
    if (depth > MAX_DEPTH) fail(src, `Expression nested more than ${MAX_DEPTH} levels deep: expected a shallower expression`, cursor.position(0));
    const next = (n: MathNode): AnyNode => go(n, depth + 1);
    switch (node.type) {
      case 'ConstantNode':
        return constant((node as unknown as { value: unknown }).value);
      case 'SymbolNode': {
        const name = (node as unknown as { name: string }).name;
        const t = cursor.find((k) => k.kind === 'id' && k.text === name);
        if (FUNCTION_NAMES.has(name)) fail(src, `"${name}" is a function: expected ${name}(…) with its argument`, at(t));
        return sym(name);
      }
      case 'ParenthesisNode':
        cursor.find((t) => t.text === '(');
        return next((node as unknown as { content: MathNode }).content);
      case 'OperatorNode':
        return operator(node as unknown as OperatorLike, depth);
      case 'FunctionNode':
        return call(node as unknown as FunctionLike, next);
      case 'FunctionAssignmentNode': {
        const { name, params } = node as unknown as { name: string; params: string[] };
        const eq = findOp('=');
        return fail(src, `Function definition "${shown(`${name}(${params.join(', ')})`)} = …" is not supported: expected the expression alone (the right-hand side)`, at(eq));
      }
      case 'AssignmentNode':
        return fail(src, 'Assignment "… = …" is not supported: expected an expression without "="', at(findOp('=')));
      case 'AccessorNode': {
        // sin[1](x): the object is only a name here; the offending token is the accessor.
        const object = (node as unknown as { object: MathNode & { name?: string } }).object;
        if (object.type === 'SymbolNode') cursor.find((k) => k.kind === 'id' && k.text === object.name);
        else next(object);
        return fail(src, 'Indexing or property access (AccessorNode) is not supported: expected a scalar expression', at(findOp('[', '.')));
      }
      case 'ArrayNode':
        return fail(src, 'ArrayNode is not supported: a matrix or vector "[…]" is not a scalar expression', at(findOp('[')));
      case 'ObjectNode':
        return fail(src, 'Object {…} (ObjectNode) is not supported: expected a scalar expression', at(findOp('{')));
      case 'ConditionalNode':
        next((node as unknown as { condition: MathNode }).condition);
        return fail(src, 'Conditional "… ? … : …" is not supported: expected a scalar expression', at(findOp('?')));
      case 'RangeNode':
        next((node as unknown as { start: MathNode }).start);
        return fail(src, 'Range "a:b" is not supported: expected a scalar expression', at(findOp(':')));
      case 'RelationalNode':
        next((node as unknown as { params: MathNode[] }).params[0] as MathNode);
        return fail(src, 'Comparison is not supported: expected one of + - * / ^', at(findOp('<', '>', '<=', '>=', '==', '!=')));
      case 'BlockNode': {
        const blocks = (node as unknown as { blocks: { node: MathNode }[] }).blocks;
        if (blocks[0] !== undefined) next(blocks[0].node);
        return fail(src, 'Several expressions (separated by ";" or a new line) are not supported: expected one expression', at(findOp(';', '\n')));
      }
      default:
        return fail(src, `${node.type} is not supported: expected a scalar expression of numbers, symbols, operators and function calls`, cursor.position(0));
    }
  };

  const constant = (value: unknown): AnyNode => {
    if (typeof value === 'number') {
      const t = cursor.find((k) => k.kind === 'num' || (k.kind === 'id' && (k.text === 'NaN' || k.text === 'Infinity')));
      if (t?.kind === 'id') fail(src, `${t.text} is not supported as a number: expected a finite number`, t.start);
      return literal(t, value);
    }
    if (typeof value === 'string') {
      const t = cursor.find((k) => k.kind === 'str');
      return fail(src, `String ${JSON.stringify(shown(value))} is not supported: expected a number or a symbol`, at(t));
    }
    if (value === undefined) {
      const t = cursor.find((k) => k.kind === 'id' && k.text === 'undefined');
      if (t === undefined) return fail(src, 'Empty expression: expected a number, symbol or function call', 0);
      return fail(src, '"undefined" is not a number: expected a number, symbol or function call', t.start);
    }
    const t = cursor.find((k) => k.kind === 'id' && k.text === String(value));
    return fail(src, `${JSON.stringify(value)} is not supported: expected a real number`, at(t));
  };

  /** A number literal, exact when it is written as an integer (of any size that float64 holds). */
  const literal = (t: Token | undefined, value: number): AnyNode => {
    const text = t?.text ?? String(value);
    const where = at(t);
    if (!Number.isFinite(value)) fail(src, `Number ${shown(text)} is too large: it is beyond the largest float64 (about 1.8e308)`, where);
    const mantissa = text.replace(/[eE][+-]?\d+$/, '');
    if (value === 0 && /^[0-9.]+$/.test(mantissa) && /[1-9]/.test(mantissa)) {
      fail(src, `Number ${shown(text)} is too small: it rounds to 0 in float64 (the smallest is about 5e-324)`, where);
    }
    if (/^\d+$/.test(text) && !Number.isSafeInteger(value)) return rational(BigInt(text), 1);
    return numberNode(value);
  };

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

  const operator = (node: OperatorLike, depth: number): AnyNode => {
    const next = (n: MathNode): AnyNode => go(n, depth + 1);
    const [a, b] = node.args as [MathNode, MathNode | undefined];
    if (!SCALAR_OPERATORS.has(node.fn)) {
      // Report the operator's own token: after its left operand (or its only one, for x!), before a prefix one's.
      if (!PREFIX_OPERATORS.has(node.fn)) next(a);
      const t = findOp(node.op);
      const name = POSTFIX_OPERATORS.has(node.fn) ? ` (${node.fn === 'factorial' ? 'factorial' : 'transpose'})` : '';
      return fail(src, `Operator "${node.op}"${name} is not supported: expected one of + - * / ^`, at(t));
    }
    switch (node.fn) {
      case 'add':
      case 'subtract':
        return raw.add(flatten(node, SUM).map(([n, negate]) => (negate ? raw.mul([MINUS_ONE, next(n)]) : next(n))));
      case 'multiply':
        return raw.mul(flatten(node, PRODUCT).map(([n]) => next(n)));
      case 'divide':
      case 'dotDivide': {
        const top = next(a);
        return raw.mul([top, raw.pow(next(b as MathNode), MINUS_ONE)]);
      }
      case 'dotMultiply': {
        const left = next(a);
        return raw.mul([left, next(b as MathNode)]);
      }
      case 'unaryMinus':
        return raw.mul([MINUS_ONE, next(a)]);
      case 'unaryPlus':
        return next(a);
      default: {
        const base = next(a);
        return raw.pow(base, next(b as MathNode));
      }
    }
  };

  const call = (node: FunctionLike, next: (n: MathNode) => AnyNode): AnyNode => {
    if (node.fn.type !== 'SymbolNode' || node.fn.name === undefined) {
      next(node.fn);
      return fail(src, 'Calling a computed function is not supported: expected a function name such as sin(…)', at(findOp('(')));
    }
    const written = node.fn.name;
    const t = cursor.find((k) => k.kind === 'id' && k.text === written);
    const position = at(t);
    const name = FUNCTION_NAMES.get(written);
    const arity = name === undefined ? lookup(OPERATOR_FUNCTIONS, written) : functionSpec(name)?.arity;
    if (arity === undefined) {
      const near = closestName(written, KNOWN_NAMES);
      return fail(src, `Unknown function "${shown(written)}"${near === undefined ? '' : ` (did you mean "${near}"?)`}: expected one of ${KNOWN_NAMES.join(', ')}`, position);
    }
    const [min, max] = arity;
    if (node.args.length < min || node.args.length > max) {
      const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      fail(src, `Function ${written} takes ${want} argument${want === '1' ? '' : 's'} but got ${node.args.length} argument(s)`, position);
    }
    const args = node.args.map(next);
    switch (name ?? written) {
      case 'pow':
        return raw.pow(args[0] as AnyNode, args[1] as AnyNode);
      case 'square':
        return raw.pow(args[0] as AnyNode, int(2));
      case 'cube':
        return raw.pow(args[0] as AnyNode, int(3));
      case 'add':
        return raw.add(args);
      case 'multiply':
        return raw.mul(args);
      case 'subtract':
        return raw.add([args[0] as AnyNode, raw.mul([MINUS_ONE, args[1] as AnyNode])]);
      case 'divide':
        return raw.mul([args[0] as AnyNode, raw.pow(args[1] as AnyNode, MINUS_ONE)]);
      case 'unaryMinus':
        return raw.mul([MINUS_ONE, args[0] as AnyNode]);
      default:
        return raw.fn(name as string, args);
    }
  };

  return go(root, 0);
}

/**
 * Parse mathjs syntax into an immutable {@link Expr}, keeping the structure as written.
 * Integer literals are exact at any size float64 can hold; `ln` is read as `log`. Every
 * rejected construct (an unknown function, a wrong number of arguments, a string, a matrix,
 * an assignment or function definition, a comparison, a literal that overflows float64, …)
 * is a ParseError at the position of its own token.
 *
 * @throws {ParseError} with a 0-based `.position` when the text is not a supported expression.
 * @example
 * ```ts
 * parse('sin(2x^5 + 3x) / e^(7x)').toString(); // 'sin(2*x^5 + 3*x)/e^(7*x)'
 * ```
 */
export function parse(src: string): Expr {
  if (typeof src !== 'string') throw new TypeError(`parse(src): expected a string, got ${src == null ? String(src) : typeof src}`);
  checkBrackets(src);
  let root: MathNode;
  try {
    root = mathParse(src);
  } catch (e) {
    throw fromMathjsError(src, e);
  }
  let node: AnyNode;
  try {
    node = convert(src, root);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new ParseError('Expression is nested too deeply to convert: expected a shallower expression', 0);
    }
    throw e;
  }
  if (node.depth > MAX_DEPTH) throw new ParseError(`Expression nested more than ${MAX_DEPTH} levels deep: expected a shallower expression`, 0);
  return node;
}

/** Accept either a parsed Expr or source text. */
export function toNode(e: Expr | string, where: string): AnyNode {
  return typeof e === 'string' ? (parse(e) as AnyNode) : asNode(e, where);
}
