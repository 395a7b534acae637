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

/**
 * Where a key stands, for messages: a fixed place, or a function of the entry's id and number
 * (`reply n3.2`) so that the text is only built when there is a message. A large case reads
 * thousands of entries and almost never needs it.
 */
export type Place = Where | ((id: string, n: number) => Where);

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
  id = '',
  n = 0,
): KeyMatch<Extract<keyof V, string>> | undefined {
  const match = matchKey(vocab, key);
  if (match) return match;
  const where = typeof place === 'function' ? place(id, n) : place;
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

/** A `- key: value` line read against a vocabulary: its canonical key, and its language if localised. */
export interface KeyedEntry<K extends string = string> extends KeyEntry {
  name: K;
}

/**
 * Read a `- key: value` list against a vocabulary, reporting unknown, malformed and repeated
 * keys. The scanner's entries are tagged with their canonical key in place (one list has
 * thousands of entries in a large case, so no wrapper per entry); the kept ones come back in order.
 */
export function indexKeys<V extends Vocabulary>(
  list: KeyEntry[],
  vocab: V,
  where: Place,
  report: Reporter,
  id = '',
  n = 0,
): KeyedEntry<Extract<keyof V, string>>[] {
  type K = Extract<keyof V, string>;
  // The scanner's list itself while every entry is kept as it is; a copy from the first that is not.
  let copy: KeyedEntry<K>[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (entry.malformed) {
      report.report('KEY_VALUE_EXPECTED', entry.line, entry.column);
      copy ??= list.slice(0, i) as KeyedEntry<K>[];
      // `- next photo`: a known key followed by its value is read as meant, so the missing colon
      // does not also make the reply "missing next".
      const [first, ...rest] = entry.key.split(/\s+/);
      if (!rest.length || !matchKey(vocab, first)) continue;
      const m = matchKey(vocab, first)!;
      copy.push(tag({ ...entry, key: first, value: rest.join(' '), malformed: false }, m.key as K, m.lang));
      continue;
    }
    const m = known(vocab, entry.key, entry, where, report, id, n);
    if (!m) {
      copy ??= list.slice(0, i) as KeyedEntry<K>[];
      continue;
    }
    const kept = copy ?? (list as KeyedEntry<K>[]);
    let twice: KeyedEntry<K> | undefined;
    for (let j = 0, n = copy ? copy.length : i; j < n && !twice; j++) if (kept[j].name === m.key && kept[j].lang === m.lang) twice = kept[j];
    if (twice && !REPEATABLE.has(m.key)) {
      copy ??= list.slice(0, i) as KeyedEntry<K>[];
      report.report('DUPLICATE_KEY', entry.line, entry.column, { key: entry.key, first: twice.line }, {
        zh: '删掉其中一行；如果要写多个值，用逗号隔开写在同一行。',
        en: 'Remove one of the lines; to give several values, separate them with commas on one line.',
      });
      continue;
    }
    const keyed = tag(entry, m.key, m.lang);
    copy?.push(keyed);
  }
  return copy ?? (list as KeyedEntry<K>[]);
}

function tag<K extends string>(entry: KeyEntry, name: K, lang: Lang | undefined): KeyedEntry<K> {
  const keyed = entry as KeyedEntry<K>;
  keyed.name = name;
  keyed.lang = lang;
  return keyed;
}

/** The entry for a key: the one without a language suffix if there is one. */
export function keyOf<K extends string>(entries: readonly KeyedEntry<K>[], key: K): KeyEntry | undefined {
  let any: KeyEntry | undefined;
  for (const e of entries)
    if (e.name === key) {
      if (!e.lang) return e;
      any ??= e;
    }
  return any;
}

/** A localised key's text: `feedback` in the case language, `feedback en` in English. */
export function textOf<K extends string>(entries: readonly KeyedEntry<K>[], key: K, lang: Lang): Text | undefined {
  let t: Text | undefined;
  for (const e of entries) if (e.name === key && e.value) (t ??= {})[e.lang ?? lang] = e.value;
  return t;
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
