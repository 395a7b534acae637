/**
 * The studio's CodeMirror 6 editor: line numbers, undo, Markdown highlighting that understands a
 * case file (the YAML front matter is one block, `key:` names stand out), and the checker's
 * diagnostics as lint marks in the gutter and under the text.
 *
 * Diagnostics are pushed with `setDiagnostics` after each check rather than pulled by a `linter`
 * source: the page already checks the case (debounced) for its own list, graph and preview, so the
 * editor only redraws its marks — never the document.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdownKeymap, markdownLanguage } from '@codemirror/lang-markdown';
import { HighlightStyle, indentUnit, Language, LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorSelection, EditorState, RangeSetBuilder, type Text } from '@codemirror/state';
import {
  Decoration,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { MarkdownConfig, MarkdownParser } from '@lezer/markdown';
import type { Diagnostic } from '../../case/types.ts';
import { offsetOf, toEditorDiagnostics } from './editor-marks.ts';

// Without this, the front matter's last line before its closing `---` reads as a setext heading.
const FrontMatter: MarkdownConfig = {
  defineNodes: [{ name: 'FrontMatter', block: true, style: tags.meta }],
  parseBlock: [
    {
      name: 'FrontMatter',
      before: 'HorizontalRule',
      parse(cx, line) {
        if (cx.lineStart !== 0 || !/^---\s*$/.test(line.text)) return false;
        const from = cx.lineStart;
        let to = from + line.text.length;
        while (cx.nextLine()) {
          to = cx.lineStart + line.text.length;
          if (/^(---|\.\.\.)\s*$/.test(line.text)) {
            cx.nextLine();
            break;
          }
        }
        cx.addElement(cx.elt('FrontMatter', from, to));
        return true;
      },
    },
  ],
};

const caseLanguage = new Language(
  markdownLanguage.data,
  (markdownLanguage.parser as MarkdownParser).configure(FrontMatter),
  [],
  'markdown',
);

// Colours pass WCAG AA on white, and meaning never rests on colour alone (weight, style, marks).
const highlight = HighlightStyle.define([
  { tag: tags.heading1, fontWeight: '700', color: '#c22703' },
  { tag: tags.heading2, fontWeight: '700', color: '#1d4f9f' },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: '700' },
  { tag: tags.quote, color: '#1b5e2c' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: [tags.link, tags.url], color: '#1d5bbf', textDecoration: 'underline' },
  { tag: tags.monospace, color: '#6a2c91' },
  { tag: tags.processingInstruction, color: '#8a4b00', fontWeight: '700' },
  { tag: [tags.list, tags.contentSeparator], color: '#8a4b00' },
  { tag: tags.meta, color: '#3a4452' },
]);

const keyMark = Decoration.mark({ class: 'cm-case-key' });
const REPLY_KEY = /^(\s*[-*+]\s+)([^:：\n]{1,32}?)\s*[:：](?=\s|$)/;
const FRONT_KEY = /^(\s*(?:-\s+)?)([^:：#\s-][^:：\n]{0,32}?)\s*[:：](?=\s|$)/;

/** The last line of the front matter (its closing `---`), or 0 when there is none. */
function frontMatterEnd(doc: Text): number {
  if (doc.lines < 2 || !/^---\s*$/.test(doc.line(1).text)) return 0;
  for (let n = 2; n <= Math.min(doc.lines, 2000); n++) if (/^(---|\.\.\.)\s*$/.test(doc.line(n).text)) return n;
  return doc.lines;
}

/** Bold `key:` names (next, satisfaction, feedback …) so the structure of a reply is easy to scan. */
const caseKeys = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = this.build(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged) this.decorations = this.build(u.view);
    }
    build(view: EditorView): DecorationSet {
      const doc = view.state.doc;
      const front = frontMatterEnd(doc);
      const out = new RangeSetBuilder<Decoration>();
      for (const { from, to } of view.visibleRanges) {
        for (let pos = from; pos <= to; ) {
          const line = doc.lineAt(pos);
          const inFront = line.number > 1 && line.number < front;
          const [, indent = '', key = ''] = (inFront ? FRONT_KEY : REPLY_KEY).exec(line.text) ?? [];
          if (key.trim()) out.add(line.from + indent.length, line.from + indent.length + key.length, keyMark);
          pos = line.to + 1;
        }
      }
      return out.finish();
    }
  },
  { decorations: (v) => v.decorations },
);

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', backgroundColor: '#fff', color: '#1f2329' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    // Chinese falls back per character to the system's CJK font; Latin stays monospaced and aligned.
    fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace",
    lineHeight: '1.6',
  },
  '.cm-content': { padding: '0.5rem 0' },
  '.cm-gutters': { backgroundColor: '#f6f7f9', color: '#545a63', borderRight: '1px solid #e1e4e8' },
  '.cm-activeLine': { backgroundColor: '#fff7ef' },
  '.cm-activeLineGutter': { backgroundColor: '#ffe9d6', color: '#1f2329' },
  '.cm-case-key': { fontWeight: '700', color: '#1d3f7a' },
  '.cm-lintRange-error': { backgroundColor: '#fdeceb' },
  '.cm-lintRange-warning': { backgroundColor: '#fff4e0' },
  '.cm-tooltip-lint': { maxWidth: '28rem' },
});

export interface EditorHooks {
  /** Called after every change to the text. */
  onchange: () => void;
  /** Called when the cursor moves: 1-based line and column. */
  oncursor: (line: number, column: number) => void;
  /** Accessible name of the text area. */
  label: string;
  /** Id of the element that explains how to leave the editor with the keyboard. */
  describedBy?: string;
}

/**
 * The editor writes its styles into a `<style>` element at run time, which the page's
 * Content-Security-Policy allows only with this nonce (`style-src 'nonce-…'` in `index.html`).
 * The policy is a static `<meta>`, so the nonce is fixed: author HTML can never carry a `<style>`
 * (the sanitiser removes it), so the nonce only lets the editor's own styles through.
 */
export const EDITOR_STYLE_NONCE = 'dispute-desk-editor';

// The accessible name follows the interface language, without rebuilding the editor.
const naming = new Compartment();
const contentAttributes = (label: string, describedBy?: string) =>
  EditorView.contentAttributes.of({
    'aria-label': label,
    // Focusable already (contenteditable); said explicitly so checkers see the scroller can be reached.
    tabindex: '0',
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    spellcheck: 'false',
    autocapitalize: 'off',
  });

export function relabel(view: EditorView, label: string, describedBy?: string): void {
  view.dispatch({ effects: naming.reconfigure(contentAttributes(label, describedBy)) });
}

export function createEditor(parent: HTMLElement, doc: string, hooks: EditorHooks): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        EditorView.cspNonce.of(EDITOR_STYLE_NONCE),
        lineNumbers(),
        highlightActiveLineGutter(),
        lintGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        EditorView.lineWrapping,
        indentUnit.of('   '),
        new LanguageSupport(caseLanguage),
        syntaxHighlighting(highlight),
        caseKeys,
        keymap.of([...markdownKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        theme,
        naming.of(contentAttributes(hooks.label, hooks.describedBy)),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) hooks.onchange();
          if (u.docChanged || u.selectionSet) {
            const head = u.state.selection.main.head;
            const line = u.state.doc.lineAt(head);
            hooks.oncursor(line.number, head - line.from + 1);
          }
        }),
      ],
    }),
  });
}

export function showDiagnostics(view: EditorView, list: readonly Diagnostic[], lang: 'zh' | 'en'): void {
  view.dispatch(setDiagnostics(view.state, toEditorDiagnostics(view.state.doc, list, lang)));
}

/** Put the cursor at a line and column, scroll it to the middle and focus the editor. */
export function jumpTo(view: EditorView, line: number, column = 1): void {
  const at = offsetOf(view.state.doc, line, column);
  view.dispatch({
    selection: EditorSelection.cursor(at),
    effects: EditorView.scrollIntoView(at, { y: 'center' }),
  });
  view.focus();
}

/** Replace the whole text as one undoable change (so "start from the template" can be undone). */
export function replaceText(view: EditorView, text: string): void {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: EditorSelection.cursor(0),
    scrollIntoView: true,
  });
}
