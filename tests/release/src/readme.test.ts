import { describe, expect, it } from 'vitest';
import { fencedBlocks, readmeExample, relativeLinks } from './readme.js';

const readme = [
  '# @slope/x',
  '',
  '```sh',
  'npm install @slope/x',
  '```',
  '',
  '## Example',
  '',
  '```js',
  "import { f } from '@slope/x';",
  'console.log(f(2));',
  '```',
  '',
  'prints',
  '',
  '```text',
  '4',
  '```',
  '',
  '## API',
  '[source](src/f.ts) and [docs](https://example.org/x) and [top](#api)',
].join('\n');

describe('readmeExample', () => {
  it('takes the Example section\'s js block and the text block after it', () => {
    expect(readmeExample(readme, 'x')).toEqual({ code: "import { f } from '@slope/x';\nconsole.log(f(2));\n", output: '4\n' });
  });

  it('names what is missing', () => {
    expect(() => readmeExample('# x\n', 'x')).toThrow(/no "## Example" section/);
    expect(() => readmeExample('## Example\n\n```ts\nx\n```\n', 'x')).toThrow(/no ```js block/);
    expect(() => readmeExample('## Example\n\n```js\nx\n```\n', 'x')).toThrow(/no ```text block/);
  });
});

describe('fencedBlocks', () => {
  it('lists blocks with their language', () => {
    expect(fencedBlocks(readme).map((b) => b.lang)).toEqual(['sh', 'js', 'text']);
  });
});

describe('relativeLinks', () => {
  it('finds relative link and image targets, not absolute ones or anchors', () => {
    expect(relativeLinks(readme)).toEqual(['src/f.ts']);
    expect(relativeLinks('![plot](./example.png) <a href="#x">#</a> <img src="a.png">')).toEqual(['./example.png', 'a.png']);
  });
});
