/**
 * Plays a case file the learner or teacher picked, checked in the browser exactly as the build
 * checks shipped cases.
 *
 * The checker, renderer, sanitiser and the rulebooks are loaded only when a file is opened, so
 * players of the shipped cases never download them.
 */
import type { Case, Diagnostic } from '../case/types.ts';
import { t } from './i18n.ts';

export interface OpenedCaseFile {
  /** Present only when the file has no errors. */
  case?: Case;
  /** Errors and warnings, in the checker's order. */
  diagnostics: Diagnostic[];
}

export async function openCaseFile(file: File): Promise<OpenedCaseFile> {
  const [{ rulebooks }, { checkCase }, { renderCase }, { createSanitizer }, { default: DOMPurify }, { MAX_CASE_BYTES }] = await Promise.all([
    import('virtual:rulebooks'),
    import('../engine/check.ts'),
    import('../case/render.ts'),
    import('../case/sanitize.ts'),
    import('dompurify'),
    import('../case/parse.ts'),
  ]);
  // Measured before reading: a file of any size is refused at once, not read first.
  if (file.size > MAX_CASE_BYTES)
    throw new Error(t('case.fileTooLarge', { size: `${Math.round(file.size / 1000)} kB`, limit: `${MAX_CASE_BYTES / 1000} kB` }));
  const source = await file.text();
  const checked = checkCase(source, { file: file.name, rulebooks });
  const hasErrors = checked.diagnostics.some((d) => d.severity === 'error');
  if (!checked.value || hasErrors) return { diagnostics: checked.diagnostics };
  // Author Markdown becomes HTML here, so it is sanitised on the way in, as the build does.
  return { case: renderChecked(() => renderCase(checked.value!, createSanitizer(DOMPurify))), diagnostics: checked.diagnostics };
}

/**
 * Rendering a checked case should not fail (the checker refuses what cannot render); if it does,
 * the error says so in the reader's language instead of surfacing as a failed download.
 */
export function renderChecked<T>(render: () => T): T {
  try {
    return render();
  } catch (error) {
    throw new Error(t('case.renderFailed', { message: error instanceof Error ? error.message : String(error) }));
  }
}
