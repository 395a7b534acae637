/**
 * The UI language: chosen once from the learner's last choice or the browser, switchable at any time.
 *
 * Only the interface follows this setting. The dialogue stays English because English is the skill
 * being trained; case prose written in both languages follows it.
 */
import { detectLang, LANG_STORAGE_KEY as STORAGE_KEY, type UiLang } from './lang.ts';

export { detectLang, UI_LANGS, type UiLang } from './lang.ts';

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage can be blocked (private mode, sandboxed iframe in an LMS): fall back to the browser.
    return null;
  }
}

function browserLangs(): readonly string[] {
  const nav = globalThis.navigator;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : [nav.language].filter(Boolean);
}

export const locale = $state({ lang: detectLang(readStored(), browserLangs()) });

export function setLang(lang: UiLang): void {
  locale.lang = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across visits, but the switch still works for this one.
  }
  applyDocumentLang();
}

/** Screen readers pick their voice from <html lang>, so it must follow the switch. */
export function applyDocumentLang(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale.lang;
}
