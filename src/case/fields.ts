/**
 * Helpers shared by the case and rulebook readers: matching keys against a vocabulary with a
 * "did you mean" hint, and reading localised text from front matter.
 */
import { didYouMean, type Reporter } from './diagnostics.ts';
import type { Field } from './frontmatter.ts';
import { matchKey, nearest, spellingsOf, TEXT_KEYS, type KeyMatch, type Vocabulary } from './keys.ts';
import type { KeyEntry } from './scan.ts';
import type { Lang, Text } from './types.ts';

export interface Where {
  zh: string;
  en: string;
}

/** Where a key stands, for messages; a function so that it is only built when there is a message. */
export type Place = Where | (() => Where);
const placeOf = (p: Place): Where => (typeof p === 'function' ? p() : p);

/**
 * Match a key or report UNKNOWN_KEY with the nearest known spelling. When there is a near match
 * the key is read as that one, so a typo is reported once and does not also cause "missing key"
 * and "unreachable node" errors further on.
 */
export function known<V extends Vocabulary>(
  vocab: V,
  key: string,
  at: { line: number; column: number },
  place: Place,
  report: Reporter,
): KeyMatch<Extract<keyof V, string>> | undefined {
  const match = matchKey(vocab, key);
  if (match) return match;
  const where = placeOf(place);
  const guess = nearest(key, spellingsOf(vocab));
  const recovered = guess ? matchKey(vocab, guess) : undefined;
  report.report(
    'UNKNOWN_KEY',
    at.line,
    at.column,
    { key, where: where.zh, whereEn: where.en },
    guess ? didYouMean(guess) : { zh: `可用的键：${Object.keys(vocab).join('、')}`, en: `Known keys: ${Object.keys(vocab).join(', ')}` },
  );
  return recovered;
}

/** Index a front-matter map by canonical key, reporting unknown keys. */
export function indexFields<V extends Vocabulary>(
  fields: Field[],
  vocab: V,
  where: Where,
  report: Reporter,
): Partial<Record<Extract<keyof V, string>, Field>> {
  const out: Partial<Record<Extract<keyof V, string>, Field>> = {};
  for (const f of fields) {
    const m = known(vocab, f.key, f.keyAt, where, report);
    if (m) out[m.key] = f;
  }
  return out;
}

/** Keys an entry may give more than once (each `go to` is one reaction). */
const REPEATABLE = new Set(['go to']);

/** Index a `- key: value` list by canonical key; localised keys collect per language. */
export interface IndexedKeys<K extends string> {
  get(key: K): KeyEntry | undefined;
  text(key: K, lang: Lang): Text | undefined;
  entries: { key: K; lang?: Lang; entry: KeyEntry }[];
}

export function indexKeys<V extends Vocabulary>(
  list: KeyEntry[],
  vocab: V,
  where: Place,
  report: Reporter,
): IndexedKeys<Extract<keyof V, string>> {
  type K = Extract<keyof V, string>;
  const entries: { key: K; lang?: Lang; entry: KeyEntry }[] = [];
  for (const raw of list) {
    let entry = raw;
    if (entry.malformed) {
      report.report('KEY_VALUE_EXPECTED', entry.line, entry.column);
      // `- next photo`: a known key followed by its value is read as meant, so the missing colon
      // does not also make the reply "missing next".
      const [first, ...rest] = entry.key.split(/\s+/);
      if (!rest.length || !matchKey(vocab, first)) continue;
      entry = { ...entry, key: first, value: rest.join(' '), malformed: false };
      const m = matchKey(vocab, first)!;
      entries.push({ key: m.key as K, lang: m.lang, entry });
      continue;
    }
    const m = known(vocab, entry.key, entry, where, report);
    if (!m) continue;
    const twice = entries.length ? entries.find((e) => e.key === m.key && e.lang === m.lang) : undefined;
    if (twice && !REPEATABLE.has(m.key)) {
      report.report('DUPLICATE_KEY', entry.line, entry.column, { key: entry.key, first: twice.entry.line }, {
        zh: '删掉其中一行；如果要写多个值，用逗号隔开写在同一行。',
        en: 'Remove one of the lines; to give several values, separate them with commas on one line.',
      });
      continue;
    }
    entries.push({ key: m.key, lang: m.lang, entry });
  }
  return new Indexed(entries);
}

class Indexed<K extends string> implements IndexedKeys<K> {
  constructor(readonly entries: { key: K; lang?: Lang; entry: KeyEntry }[]) {}
  get(key: K): KeyEntry | undefined {
    let any: KeyEntry | undefined;
    for (const e of this.entries)
      if (e.key === key) {
        if (!e.lang) return e.entry;
        any ??= e.entry;
      }
    return any;
  }
  text(key: K, lang: Lang): Text | undefined {
    let t: Text | undefined;
    for (const e of this.entries) if (e.key === key && e.entry.value) (t ??= {})[e.lang ?? lang] = e.entry.value;
    return t;
  }
}

/** A front-matter value that is a string or `{zh, en}`. */
export function readText(field: Field, lang: Lang, report: Reporter, where: Where): Text | undefined {
  if (typeof field.value === 'string' || typeof field.value === 'number') return { [lang]: String(field.value) };
  if (field.fields) {
    const t: Text = {};
    for (const f of field.fields) {
      const m = known(TEXT_KEYS, f.key, f.keyAt, where, report);
      if (m && f.value != null) t[m.key] = String(f.value);
    }
    return t.zh !== undefined || t.en !== undefined ? t : undefined;
  }
  return undefined;
}

/** The raw scalar text of a field, as the author wrote it. */
export function rawOf(field: Field): string {
  return field.raw ?? (field.value == null ? '' : String(field.value));
}
