import { h } from '../dom.js';
import { texBreaking, texToHtml } from '../tex.js';

/** One piece of a question's text. */
export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'tex'; readonly tex: string }
  | { readonly kind: 'display'; readonly tex: string }
  | { readonly kind: 'code'; readonly text: string };

const TOKEN = /\$\$([\s\S]+?)\$\$|\$([^$]+?)\$|\{\{(.+?)\}\}/g;

/**
 * Splits question text into paragraphs (at blank lines) and each paragraph into plain text,
 * inline TeX (`$…$`), display TeX (`$$…$$`) and things to type (`{{…}}`).
 *
 * @example
 * ```ts
 * segments('Type {{2*x}} for $2x$.');
 * // [[{ kind: 'text', text: 'Type ' }, { kind: 'code', text: '2*x' }, { kind: 'text', text: ' for ' }, { kind: 'tex', tex: '2x' }, { kind: 'text', text: '.' }]]
 * ```
 */
export function segments(source: string): Segment[][] {
  return source.split(/\n\s*\n/).map((paragraph) => {
    const out: Segment[] = [];
    let last = 0;
    for (const m of paragraph.matchAll(TOKEN)) {
      if (m.index > last) out.push({ kind: 'text', text: paragraph.slice(last, m.index) });
      if (m[1] !== undefined) out.push({ kind: 'display', tex: m[1].trim() });
      else if (m[2] !== undefined) out.push({ kind: 'tex', tex: m[2] });
      else out.push({ kind: 'code', text: m[3] ?? '' });
      last = m.index + m[0].length;
    }
    if (last < paragraph.length) out.push({ kind: 'text', text: paragraph.slice(last) });
    return out;
  });
}

function inline(segment: Segment): Node {
  switch (segment.kind) {
    case 'text':
      return document.createTextNode(segment.text.replace(/\s*\n\s*/g, ' '));
    case 'code':
      return h('code', {}, segment.text);
    case 'tex': {
      const span = document.createElement('span');
      span.innerHTML = texToHtml(segment.tex);
      return span;
    }
    case 'display':
      return texBreaking(segment.tex);
  }
}

/**
 * The text as DOM: one `<p>` per paragraph (a `<div>` when it holds a display formula, which
 * breaks at its operators or scrolls in its own box on a narrow screen).
 *
 * @example
 * ```ts
 * panel.append(...richText('Find $f\'(2)$.'));
 * ```
 */
export function richText(source: string): HTMLElement[] {
  return segments(source).map((paragraph) => {
    const block = paragraph.some((s) => s.kind === 'display');
    const el = h(block ? 'div' : 'p', { class: 'slope-quiz-text' });
    el.append(...paragraph.map(inline));
    return el;
  });
}

/**
 * The text on one line with no paragraphs, for a label or an option.
 *
 * @example
 * ```ts
 * label.append(...richInline('$f\'(2) =$'));
 * ```
 */
export function richInline(source: string): Node[] {
  return segments(source).flat().map(inline);
}
