import type { Theme } from 'vitepress';
import { inBrowser } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import 'katex/dist/katex.min.css';
import './style.css';
import Widget from './Widget.vue';
import Quiz from './Quiz.vue';
import { watchScrollBoxes } from '../../src/scroll-boxes.js';

const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('Widget', Widget);
    app.component('Quiz', Quiz);
    // Wide formulas and tables scroll in their own box; make those boxes keyboard-scrollable.
    if (inBrowser) watchScrollBoxes(document.body);
  },
};

export default theme;
