/**
 * Interface strings in Chinese and English, and the rule for choosing between a case's `{zh, en}` texts.
 *
 * The English table (`strings/en.ts`) is the reference: the Chinese one must have exactly the same
 * keys, so a missing translation is a type error, not a blank on screen. Only the table of the
 * language in use is downloaded; switching loads the other before the page changes language.
 * `t()` reads the current language reactively.
 */
import type { Text } from '../case/types.ts';
import { locale, setLang, type UiLang } from './locale.svelte.ts';
import { pushNotice } from './notices.svelte.ts';
import type { en } from './strings/en.ts';

export type MessageKey = keyof typeof en;
type Messages = Record<MessageKey, string>;

const loaders: Record<UiLang, () => Promise<Messages>> = {
  en: () => import('./strings/en.ts').then((m) => m.en),
  'zh-CN': () => import('./strings/zh.ts').then((m) => m.zh),
};
const loaded: Partial<Record<UiLang, Messages>> = {};

/** Loads a language's table (once); the page starts, and a switch happens, only after this. */
export async function loadMessages(lang: UiLang): Promise<void> {
  loaded[lang] ??= await loaders[lang]();
}

/** Changes the interface language once its strings are here, so no screen shows half of each. */
export async function switchLang(lang: UiLang): Promise<void> {
  try {
    await loadMessages(lang);
  } catch {
    // Offline for a moment: stay in the current language and say why nothing changed.
    pushNotice('lang.failed');
    return;
  }
  setLang(lang);
}

export type Vars = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so it gets noticed and fixed. */
function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translate(lang: UiLang, key: MessageKey, vars: Vars = {}): string {
  return fill(loaded[lang]?.[key] ?? key, vars);
}

/** A string in the current UI language; reactive when read in a template. */
export function t(key: MessageKey, vars?: Vars): string {
  return translate(locale.lang, key, vars);
}

/**
 * Strings of a page that loads on its own (studio, teacher pages): kept in that page's module so
 * the player does not download them. Same rules as the main table: Chinese must match English.
 */
export function dictionary<K extends string>(enTable: Record<K, string>, zhTable: Record<K, string>) {
  const tables: Record<UiLang, Record<K, string>> = { en: enTable, 'zh-CN': zhTable };
  return (key: K, vars: Vars = {}): string => fill(tables[locale.lang][key] ?? enTable[key] ?? key, vars);
}

type PluralBase<K> = K extends `${infer B}.one` ? B : never;
/** Keys with `.one` and `.other` forms. */
export type PluralKey = PluralBase<MessageKey>;

/** Counted strings: English needs one/other, Chinese does not, so the rule comes from Intl. */
export function tn(key: PluralKey, n: number): string {
  return t(`${key}.${pluralForm(n)}` as MessageKey, { n });
}

/** Which counted form a number takes in the current language: English needs one/other, Chinese does not. */
export function pluralForm(n: number): 'one' | 'other' {
  return new Intl.PluralRules(locale.lang).select(n) === 'one' ? 'one' : 'other';
}

/** The language a case text is shown in: the UI language if the author wrote it, else whichever exists. */
export function textLang(text: Text | undefined, lang: UiLang = locale.lang): 'zh' | 'en' | undefined {
  if (!text) return undefined;
  const wanted = lang === 'zh-CN' ? 'zh' : 'en';
  if (text[wanted] !== undefined) return wanted;
  if (text.en !== undefined) return 'en';
  if (text.zh !== undefined) return 'zh';
  return undefined;
}

/** A case text in the UI language, falling back to the other language rather than showing nothing. */
export function pickText(text: Text | undefined, lang: UiLang = locale.lang): string {
  const which = textLang(text, lang);
  return which && text ? (text[which] ?? '') : '';
}

/** The value for a `lang` attribute on case text, so screen readers use the right voice. */
export function htmlLang(which: 'zh' | 'en' | undefined): string | undefined {
  return which === 'zh' ? 'zh-CN' : which;
}
