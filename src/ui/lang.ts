/**
 * Which interface language to start in. Plain code with no imports: `index.html` runs the same
 * function (see `src/build/route-preload-plugin.ts`) to start downloading that language's strings
 * before the main script has run.
 */

export type UiLang = 'zh-CN' | 'en';

export const UI_LANGS: readonly UiLang[] = ['zh-CN', 'en'];

export const LANG_STORAGE_KEY = 'dispute-desk:lang';

/** The learner's stored choice wins; otherwise any Chinese browser language means Chinese. */
export function detectLang(stored: string | null | undefined, browser: readonly string[]): UiLang {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
