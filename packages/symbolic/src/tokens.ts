/**
 * Tokens with their positions, following mathjs's lexical rules closely enough to find the
 * source position of each node of its tree (mathjs's nodes do not carry one). The parse
 * itself is mathjs's; this only answers "where is it?".
 */
export interface Token {
  readonly kind: 'num' | 'str' | 'id' | 'op';
  readonly text: string;
  /** 0-based index of the first character. */
  readonly start: number;
}

const OPERATORS = ['>>>', '.*', './', '.^', ".'", '==', '!=', '<=', '>=', '<<', '>>', '??'];
const IDENTIFIER_START = /[\p{L}_$]/u;
const IDENTIFIER_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;
/** After one of these a quote is the transpose operator, not the start of a string. */
const VALUE_END = new Set([')', ']', '}', "'", '!']);

function readNumber(src: string, i: number): number {
  let j = i;
  if (src[j] === '0' && /[xbo]/i.test(src[j + 1] ?? '')) {
    j += 2;
    while (j < src.length && /[0-9a-zA-Z.]/.test(src[j] as string)) j++;
    return j;
  }
  while (j < src.length && DIGIT.test(src[j] as string)) j++;
  if (src[j] === '.') {
    j++;
    while (j < src.length && DIGIT.test(src[j] as string)) j++;
  }
  if ((src[j] === 'e' || src[j] === 'E') && (DIGIT.test(src[j + 1] ?? '') || (/[+-]/.test(src[j + 1] ?? '') && DIGIT.test(src[j + 2] ?? '')))) {
    j += 2;
    while (j < src.length && DIGIT.test(src[j] as string)) j++;
  }
  return j;
}

function readString(src: string, i: number): number {
  const quote = src[i];
  let j = i + 1;
  while (j < src.length && src[j] !== quote) j += src[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, src.length);
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === ' ' || c === '\t' || c === '\r' || (c === '\n' && depth > 0)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    let end: number;
    let kind: Token['kind'];
    const previous = tokens.at(-1);
    if (DIGIT.test(c) || (c === '.' && DIGIT.test(src[i + 1] ?? ''))) {
      kind = 'num';
      end = readNumber(src, i);
    } else if (c === '"' || (c === "'" && !(previous !== undefined && (previous.kind !== 'op' || VALUE_END.has(previous.text))))) {
      kind = 'str';
      end = readString(src, i);
    } else if (IDENTIFIER_START.test(c)) {
      kind = 'id';
      end = i + 1;
      while (end < src.length && IDENTIFIER_PART.test(src[end] as string)) end++;
    } else {
      kind = 'op';
      const long = OPERATORS.find((op) => src.startsWith(op, i));
      end = i + (long?.length ?? 1);
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    }
    tokens.push({ kind, text: src.slice(i, end), start: i });
    i = end;
  }
  return tokens;
}

/** Walks the tokens forward only, as a source-order traversal of the tree visits them. */
export class TokenCursor {
  private next = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  /** The next token (from the cursor on) that satisfies `want`, consumed; undefined if none. */
  find(want: (t: Token) => boolean): Token | undefined {
    for (let i = this.next; i < this.tokens.length; i++) {
      const t = this.tokens[i] as Token;
      if (want(t)) {
        this.next = i + 1;
        return t;
      }
    }
    return undefined;
  }

  /** Position of the next unconsumed token (or of the end). */
  position(fallback: number): number {
    return this.tokens[this.next]?.start ?? fallback;
  }
}
