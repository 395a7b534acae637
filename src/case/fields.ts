/**
 * Reading what authors name: a front-matter field or a `- key: value` line is matched against the
 * vocabulary of its place (`keys.ts`), with a "did you mean" hint for a near miss; and the value of
 * a key, or its text per language, is found among an entry's key lines.
 */
import { didYouMean, type Reporter } from './diagnostics.ts';
import type { Field } from './frontmatter.ts';
import { LOCALISED, matchKey, nearest, spellingsOf, TEXT_KEYS, type KeyMatch, type Vocabulary } from './keys.ts';
import type { KeyLine, Located } from './syntax.ts';
import type { Lang, Text } from './types.ts';

/** Where a key stands, for messages: `in reply opening.2`. */
export interface Where {
  zh: string;
  en: string;
}

/** `feedbackk en`: a key with a language suffix, which a guess keeps. */
const LANGUAGE_SUFFIX = /^(.*?)[\s_-]*(en|english|英文|zh|中文)$/i;

/**
 * Match a key or report UNKNOWN_KEY with the nearest known spelling. When there is a near match
 * the key is read as that one, so a typo is reported once and does not also cause "missing key"
 * and "unreachable node" errors further on.
 */
export function known<V extends Vocabulary>(vocab: V, key: string, at: Located, where: Where, report: Reporter): KeyMatch<Extract<keyof V, string>> | undefined {
  const match = matchKey(vocab, key);
  if (match) return match;
  const guess = guessKey(vocab, key);
  report.report(
    'UNKNOWN_KEY',
    at.line,
    at.column,
    { key, where: where.zh, whereEn: where.en },
    guess ? didYouMean(guess) : { zh: `可用的键：${Object.keys(vocab).join('、')}`, en: `Known keys: ${Object.keys(vocab).join(', ')}` },
  );
  return guess ? matchKey(vocab, guess) : undefined;
}

/**
 * The spelling a misspelt key most likely meant. `feedbackk en` is guessed without its language,
 * which is kept, so the line is read as `feedback en` and not as a second `feedback`.
 */
function guessKey(vocab: Vocabulary, key: string): string | undefined {
  const suffixed = LANGUAGE_SUFFIX.exec(key.trim());
  const base = suffixed?.[1] ? nearest(suffixed[1], spellingsOf(vocab)) : undefined;
  if (base && suffixed && LOCALISED.has(matchKey(vocab, base)?.key ?? '')) return `${base} ${suffixed[2]}`;
  return nearest(key, spellingsOf(vocab));
}

/** Index a front-matter map by canonical key, reporting unknown keys. */
export function indexFields<V extends Vocabulary>(fields: Field[], vocab: V, where: Where, report: Reporter): Partial<Record<Extract<keyof V, string>, Field>> {
  const out: Partial<Record<Extract<keyof V, string>, Field>> = {};
  for (const f of fields) {
    const m = known(vocab, f.key, f.keyAt, where, report);
    if (m) out[m.key] = f;
  }
  return out;
}

/** Keys an entry may give more than once (each `go to` is one reaction). */
const REPEATABLE = new Set(['go to']);

/**
 * Read an entry's or a reply's key lines against a vocabulary, reporting unknown, malformed and
 * repeated keys. Each line that counts is given its canonical `name` and `lang`; the readers then
 * find keys by name (`keyOf`, `valueOf`, `textOf`) and pass over the rest.
 */
export function readKeys(lines: readonly KeyLine[], vocab: Vocabulary, where: Where, report: Reporter): void {
  for (const line of lines) {
    if (line.malformed) {
      report.report('KEY_VALUE_EXPECTED', line.line, line.column);
      readAsMeant(line, vocab);
      continue;
    }
    const m = known(vocab, line.key, line, where, report);
    if (!m) continue;
    const first = lines.find((other) => other.name === m.key && other.lang === m.lang);
    if (first && !REPEATABLE.has(m.key)) {
      report.report('DUPLICATE_KEY', line.line, line.column, { key: line.key, first: first.line }, {
        zh: '删掉其中一行；如果要写多个值，用逗号隔开写在同一行。',
        en: 'Remove one of the lines; to give several values, separate them with commas on one line.',
      });
      continue;
    }
    line.name = m.key;
    line.lang = m.lang;
  }
}

/**
 * `- next photo`: a known key followed by its value is read as meant, so the missing colon does
 * not also make the reply "missing next".
 */
function readAsMeant(line: KeyLine, vocab: Vocabulary): void {
  const [first = '', ...rest] = line.key.split(/\s+/);
  const m = rest.length ? matchKey(vocab, first) : undefined;
  if (!m) return;
  line.key = first;
  line.value = rest.join(' ');
  line.name = m.key;
  line.lang = m.lang;
}

/** The line that gives a key: the one without a language suffix if there is one. */
export function keyOf(lines: readonly KeyLine[], key: string): KeyLine | undefined {
  let suffixed: KeyLine | undefined;
  for (const line of lines) {
    if (line.name !== key) continue;
    if (!line.lang) return line;
    suffixed ??= line;
  }
  return suffixed;
}

/** The value of the line that gives a key. */
export function valueOf(lines: readonly KeyLine[], key: string): string | undefined {
  return keyOf(lines, key)?.value;
}

/** Where the value of a key is written. */
export function valueAt(lines: readonly KeyLine[], key: string): Located | undefined {
  const line = keyOf(lines, key);
  return line && { line: line.line, column: line.valueColumn };
}

/** A localised key's text: `feedback` in the case language, `feedback en` in English; later lines win. */
export function textOf(lines: readonly KeyLine[], key: string, lang: Lang): Text | undefined {
  let text: Text | undefined;
  for (const line of lines) if (line.name === key && line.value) (text ??= {})[line.lang ?? lang] = line.value;
  return text;
}

/** A front-matter value that is a string or `{zh, en}`. */
export function readText(field: Field, lang: Lang, report: Reporter, where: Where): Text | undefined {
  if (typeof field.value === 'string' || typeof field.value === 'number') return { [lang]: String(field.value) };
  const reported = report.diagnostics.length;
  const t: Text = {};
  for (const f of field.fields ?? []) {
    const m = known(TEXT_KEYS, f.key, f.keyAt, where, report);
    if (m && f.value != null) t[m.key] = String(f.value);
  }
  if (t.zh !== undefined || t.en !== undefined) return t;
  // `{}`, a list or `{zh: }` holds no text: say so, unless a mistyped language key already has.
  if (report.diagnostics.length === reported)
    report.report('FIELD_INVALID', field.line, field.column, {
      field: field.key,
      value: JSON.stringify(field.value) ?? '',
      zh: '这里要写文字，或写成 {zh: 中文, en: English}。',
      en: 'write the text here, or {zh: 中文, en: English}.',
    });
  return undefined;
}

/** The raw scalar text of a field, as the author wrote it. */
export function rawOf(field: Field): string {
  return field.raw ?? (field.value == null ? '' : String(field.value));
}
