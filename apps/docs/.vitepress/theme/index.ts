import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import 'katex/dist/katex.min.css';
import './style.css';
import Widget from './Widget.vue';

const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('Widget', Widget);
  },
};

export default theme;
