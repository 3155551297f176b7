/**
 * A package README's runnable example: the first ```js block of its "## Example" section (a
 * plain ES module, run with `node example.mjs`) and the ```text block after it, which is what
 * the program prints. The consumer test runs the one and compares with the other.
 */
export interface ReadmeExample {
  readonly code: string;
  readonly output: string;
}

function section(readme: string, heading: string): string | undefined {
  const parts = readme.split(/^## /m);
  const found = parts.find((part) => part.startsWith(`${heading}\n`));
  return found?.slice(heading.length + 1);
}

/** The fenced blocks of `text` as `{ lang, body }`, in order. */
export function fencedBlocks(text: string): { lang: string; body: string }[] {
  const blocks: { lang: string; body: string }[] = [];
  const fence = /^```([\w-]*)[^\n]*\n([\s\S]*?)^```\s*$/gm;
  for (let m = fence.exec(text); m != null; m = fence.exec(text)) blocks.push({ lang: m[1] ?? '', body: m[2] ?? '' });
  return blocks;
}

/** The README's example and its printed output; throws naming what is missing. */
export function readmeExample(readme: string, name: string): ReadmeExample {
  const body = section(readme, 'Example');
  if (body === undefined) throw new Error(`${name}: README has no "## Example" section`);
  const blocks = fencedBlocks(body);
  const codeAt = blocks.findIndex((b) => b.lang === 'js');
  if (codeAt < 0) throw new Error(`${name}: README's Example section has no \`\`\`js block`);
  const output = blocks.slice(codeAt + 1).find((b) => b.lang === 'text');
  if (output === undefined) throw new Error(`${name}: README's Example has no \`\`\`text block with the printed output`);
  return { code: blocks[codeAt]!.body, output: output.body };
}

/** Markdown links and images whose target is relative (they break on a registry page). */
export function relativeLinks(readme: string): string[] {
  const links: string[] = [];
  const link = /!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)|\b(?:href|src)="([^"]+)"/g;
  for (let m = link.exec(readme); m != null; m = link.exec(readme)) {
    const target = m[1] ?? m[2] ?? '';
    if (!/^(https?:|mailto:|#)/.test(target)) links.push(target);
  }
  return links;
}
