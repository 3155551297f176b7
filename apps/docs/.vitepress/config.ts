import { fileURLToPath } from 'node:url';
import { katex } from '@mdit/plugin-katex';
import { defineConfig } from 'vitepress';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

// KaTeX emits MathML next to its HTML for screen readers; Vue must leave those tags alone
// instead of trying to resolve them as components.
const mathMlTags = new Set([
  'math', 'annotation', 'semantics', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mspace', 'mtext', 'menclose',
  'merror', 'mfenced', 'mfrac', 'mpadded', 'mphantom', 'mroot', 'msqrt', 'mstyle', 'msub', 'msubsup',
  'msup', 'mmultiscripts', 'mover', 'munder', 'munderover', 'mtable', 'mtd', 'mtr', 'mlabeledtr', 'maction',
  'mglyph', 'maligngroup', 'malignmark', 'mlongdiv', 'mscarries', 'mscarry', 'msgroup', 'msline', 'msrow', 'mstack',
  'semantics', 'annotation-xml', 'mprescripts', 'none',
]);

export default defineConfig({
  title: 'Slope',
  description: 'The mathematics of Multivariate Calculus for Machine Learning, with live widgets.',
  srcDir: 'pages',
  lastUpdated: false,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  cleanUrls: false,
  markdown: {
    // The high-contrast GitHub themes keep every code token at 4.5:1 or more on the code
    // block background (the plain ones put comments and punctuation below it).
    theme: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
    config: (md) => {
      // @mdit/plugin-katex types its argument against its own markdown-it copy; the runtime object is the same.
      md.use(katex as unknown as Parameters<typeof md.use>[0], { output: 'htmlAndMathml' });
    },
  },
  vue: {
    template: { compilerOptions: { isCustomElement: (tag: string) => mathMlTags.has(tag) } },
  },
  vite: {
    // Workspace packages resolve to their TypeScript source, as in every test (TOOLCHAIN.md §4.1).
    resolve: { conditions: ['@slope/source'] },
    ssr: { resolve: { conditions: ['@slope/source'] } },
    server: { fs: { allow: [repoRoot] } },
    // The training worker imports the packages, so it needs module output to share chunks.
    worker: { format: 'es' },
  },
  themeConfig: {
    logo: '/favicon.svg',
    nav: [
      { text: 'Getting started', link: '/getting-started' },
      { text: 'Week 1', link: '/week1' },
      { text: 'Week 2', link: '/week2' },
      { text: 'Sandpit', link: '/sandpit' },
      { text: 'Week 3', link: '/week3' },
      { text: 'Week 4', link: '/week4' },
      { text: 'Week 5', link: '/week5' },
      { text: 'Week 6', link: '/week6' },
      { text: 'Integration', link: '/integration' },
      { text: 'API', link: '/api/' },
    ],
    sidebar: [
      {
        text: 'Introduction',
        items: [
          { text: 'What is Slope?', link: '/' },
          { text: 'Getting started', link: '/getting-started' },
        ],
      },
      {
        text: 'The course',
        items: [
          { text: 'Week 1 — What is calculus?', link: '/week1' },
          { text: 'Week 2 — Multivariate calculus', link: '/week2' },
          { text: 'The Sandpit', link: '/sandpit' },
          { text: 'Week 3 — Chain rule and neural networks', link: '/week3' },
          { text: 'Week 4 — Taylor series and linearisation', link: '/week4' },
          { text: 'Week 5 — Introduction to optimisation', link: '/week5' },
          { text: 'Week 6 — Regression', link: '/week6' },
          { text: 'Beyond the course: integration', link: '/integration' },
        ],
      },
      {
        text: 'API reference',
        items: [
          { text: 'Overview', link: '/api/' },
          { text: '@slope/symbolic', link: '/api/symbolic' },
          { text: '@slope/autodiff', link: '/api/autodiff' },
          { text: '@slope/optim', link: '/api/optim' },
          { text: '@slope/models', link: '/api/models' },
          { text: '@slope/plot', link: '/api/plot' },
        ],
      },
    ],
    search: { provider: 'local' },
    outline: { level: [2, 3] },
    footer: { message: 'Slope: an open companion to "Mathematics for Machine Learning: Multivariate Calculus". MIT licence.' },
  },
});
