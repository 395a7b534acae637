/**
 * Helpers shared by the case and rulebook readers: matching keys against a vocabulary with a
 * "did you mean" hint, and reading localised text from front matter.
 */
import { didYouMean, type Reporter } from './diagnostics.ts';
import type { Field } from './frontmatter.ts';
import { LOCALISED, matchKey, nearest, spellingsOf, TEXT_KEYS, type KeyMatch, type Vocabulary } from './keys.ts';
import type { KeyLines, KeyList } from './keylines.ts';
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
  line: number,
  column: number,
  place: Place,
  report: Reporter,
  id = '',
  n = 0,
): KeyMatch<Extract<keyof V, string>> | undefined {
  const match = matchKey(vocab, key);
  if (match) return match;
  const where = typeof place === 'function' ? place(id, n) : place;
  // `feedbackk en`: the misspelt key is guessed without its language, which is kept, so the line
  // is read as `feedback en` and not as a second `feedback`.
  const suffix = /^(.*?)[\s_-]*(en|english|英文|zh|中文)$/i.exec(key.trim());
  const base = suffix && suffix[1] ? nearest(suffix[1], spellingsOf(vocab)) : undefined;
  const localised = base && LOCALISED.has(matchKey(vocab, base)?.key ?? '') ? `${base} ${suffix![2]}` : undefined;
  const guess = localised ?? nearest(key, spellingsOf(vocab));
  const recovered = guess ? matchKey(vocab, guess) : undefined;
  report.report(
    'UNKNOWN_KEY',
    line,
    column,
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
    const m = known(vocab, f.key, f.keyAt.line, f.keyAt.column, where, report);
    if (m) out[m.key] = f;
  }
  return out;
}

/** Keys an entry may give more than once (each `go to` is one reaction). */
const REPEATABLE = new Set(['go to']);

/**
 * Read a `- key: value` list against a vocabulary, reporting unknown, malformed and repeated
 * keys. The lines that count are marked in place with their canonical key (`keys.keep`); `keyOf`,
 * `textOf` and the readers' own loops pass over the rest.
 */
export function indexKeys(keys: KeyLines, list: KeyList, vocab: Vocabulary, where: Place, report: Reporter, id = '', n = 0): void {
  for (let i = list.firstKey; i >= 0; i = keys.next[i]) {
    if (keys.malformed(i)) {
      report.report('KEY_VALUE_EXPECTED', keys.line[i], keys.column[i]);
      // `- next photo`: a known key followed by its value is read as meant, so the missing colon
      // does not also make the reply "missing next".
      const [first, ...rest] = keys.key(i).split(/\s+/);
      if (!rest.length || !matchKey(vocab, first)) continue;
      const m = matchKey(vocab, first)!;
      keys.readAs(i, first, rest.join(' '));
      keys.keep(i, m.key, m.lang);
      continue;
    }
    const m = known(vocab, keys.key(i), keys.line[i], keys.column[i], where, report, id, n);
    if (!m) continue;
    const twice = keys.earlier(list.firstKey, i, m.key, m.lang);
    if (twice >= 0 && !REPEATABLE.has(m.key)) {
      report.report('DUPLICATE_KEY', keys.line[i], keys.column[i], { key: keys.key(i), first: keys.line[twice] }, {
        zh: '删掉其中一行；如果要写多个值，用逗号隔开写在同一行。',
        en: 'Remove one of the lines; to give several values, separate them with commas on one line.',
      });
      continue;
    }
    keys.keep(i, m.key, m.lang);
  }
}

/** The line that gives a key, or −1: the one without a language suffix if there is one. */
export function keyOf(keys: KeyLines, list: KeyList, key: string): number {
  let any = -1;
  for (let i = list.firstKey; i >= 0; i = keys.next[i])
    if (keys.kept(i) && keys.name(i) === key) {
      if (!keys.lang(i)) return i;
      if (any < 0) any = i;
    }
  return any;
}

/** The value of the line that gives a key, or undefined. */
export function valueOf(keys: KeyLines, list: KeyList, key: string): string | undefined {
  const i = keyOf(keys, list, key);
  return i >= 0 ? keys.value(i) : undefined;
}

/** A localised key's text: `feedback` in the case language, `feedback en` in English. */
export function textOf(keys: KeyLines, list: KeyList, key: string, lang: Lang): Text | undefined {
  let t: Text | undefined;
  for (let i = list.firstKey; i >= 0; i = keys.next[i])
    if (keys.kept(i) && keys.name(i) === key && keys.value(i)) (t ??= {})[keys.lang(i) ?? lang] = keys.value(i);
  return t;
}

/** A front-matter value that is a string or `{zh, en}`. */
export function readText(field: Field, lang: Lang, report: Reporter, where: Where): Text | undefined {
  if (typeof field.value === 'string' || typeof field.value === 'number') return { [lang]: String(field.value) };
  if (field.fields) {
    const t: Text = {};
    for (const f of field.fields) {
      const m = known(TEXT_KEYS, f.key, f.keyAt.line, f.keyAt.column, where, report);
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
