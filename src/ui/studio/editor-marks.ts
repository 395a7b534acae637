/**
 * Where the checker's diagnostics go in the editor: a 1-based line and column become a document
 * offset, and each diagnostic covers the word it points at (or its whole line when it points at
 * nothing). Kept apart from the editor itself so Node (tests, the bench) can run it.
 */
import type { Diagnostic as CmDiagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { Diagnostic } from '../../case/types.ts';

/** Document offset of a 1-based line and column, clamped into the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.max(1, Math.min(doc.lines, line)));
  return Math.min(l.to, l.from + Math.max(0, column - 1));
}

/** The checker's diagnostics as CodeMirror marks: each covers the word it points at (or its whole line). */
export function toEditorDiagnostics(doc: Text, list: readonly Diagnostic[], lang: 'zh' | 'en'): CmDiagnostic[] {
  return list.map((d) => {
    const line = doc.line(Math.max(1, Math.min(doc.lines, d.line)));
    let from = offsetOf(doc, d.line, d.column);
    let to = from + (/^\S+/.exec(doc.sliceString(from, line.to))?.[0].length ?? 0);
    if (to === from) [from, to] = [line.from, line.to];
    const hint = d.hint ? ` — ${d.hint[lang]}` : '';
    return { from, to, severity: d.severity, source: d.code, message: `${d.message[lang]}${hint}` };
  });
}

