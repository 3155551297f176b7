import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from 'codemirror';
import { tags as t } from '@lezer/highlight';

// CodeMirror's default colours are for a light page only (its comment brown fails contrast on
// the dark theme). These read the page's own variables (assignment.css), so one editor follows
// the reader's light or dark mode with no reconfiguration.
const highlight = HighlightStyle.define([
  { tag: t.comment, color: 'var(--slope-code-comment)', fontStyle: 'italic' },
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], color: 'var(--slope-code-keyword)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--slope-code-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--slope-code-number)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))], color: 'var(--slope-code-function)' },
  { tag: t.invalid, color: 'var(--vp-c-danger-1)' },
]);

/** The editor's look on the site: the page's fonts and colours, light and dark. */
export const siteEditorTheme: readonly ReturnType<typeof syntaxHighlighting>[] = [
  syntaxHighlighting(highlight),
  EditorView.theme({
    '&': { color: 'var(--vp-c-text-1)', backgroundColor: 'var(--vp-c-bg)' },
    '.cm-content': { caretColor: 'var(--vp-c-text-1)' },
    '.cm-gutters': { backgroundColor: 'var(--vp-c-bg-soft)', color: 'var(--vp-c-text-2)', borderRight: '1px solid var(--vp-c-divider)' },
    '.cm-activeLine': { backgroundColor: 'var(--slope-code-active-line)' },
    '.cm-activeLineGutter': { backgroundColor: 'var(--slope-code-active-line)' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--slope-code-selection)' },
  }),
];
