/**
 * Splits a file into its YAML front matter and body, and reads the YAML into fields that keep
 * their line and column, so that a wrong value can be pointed at where the author wrote it.
 *
 * Full-width colons after a key (`标题：…`) are accepted by turning them into `: ` before YAML sees
 * them. When the YAML is broken, each top-level key is read on its own, so one bad line costs only
 * its own key: the rest (start, rulebook, satisfaction…) is still read and the body fully checked.
 * One error is reported per broken key (one indentation slip makes YAML report several), with
 * YAML's message translated by its code, and an unclosed quote reported where it opens.
 */
import { LineCounter, parseDocument, isMap, isNode, isSeq, isScalar, isPair } from 'yaml';
import type { Reporter } from './diagnostics.ts';
import { FRONT_MATTER_KEYS, matchKey } from './keys.ts';
import type { Located } from './syntax.ts';

export interface Field extends Located {
  key: string;
  keyAt: Located;
  value: unknown;
  /** The scalar exactly as written (`80.00` stays `80.00`). */
  raw?: string;
  /** Present when the value is a map. */
  fields?: Field[];
  /** Present when the value is a list. */
  items?: Item[];
}

export interface Item extends Located {
  value: unknown;
  fields?: Field[];
}

export interface Split {
  fields?: Field[];
  /** Top-level keys, as written, whose lines YAML could not read (reported): present, not missing. */
  broken?: string[];
  /** 1-based number of the first line after the front matter: the body is the file's lines from there. */
  bodyLine: number;
}

const LINE_BREAK = /\r\n|\r|\n/;
const BYTE_ORDER_MARK = /^\uFEFF/;
const FULL_WIDTH_KEY = /^(\s*(?:-\s+)?[^\s:：#'"{}[\]][^:：#'"{}[\]]*?)\s*：\s*/;
const FLOW_KEY = /(?<=[{,，]\s*)([^\s{},，:：'"][^{},，:：'"]*?)\s*：\s*/g;
const HEADING = /^#\s/;

const isFence = (line: string) => line.trim() === '---';

/** The lines of a file, as editors on any system break them (most files have only `\n`). */
export const linesOf = (source: string): string[] => (source.includes('\r') ? source.split(LINE_BREAK) : source.split('\n'));

/** Some editors write a byte order mark before the text; it is not part of it. */
export const withoutByteOrderMark = (source: string): string => source.replace(BYTE_ORDER_MARK, '');

/** `lines`: the file's lines (`linesOf`), without a byte order mark. */
export function splitFrontMatter(lines: readonly string[], report: Reporter): Split {
  if (!isFence(lines[0] ?? '')) {
    report.report('FRONT_MATTER_MISSING', 1, 1, {}, {
      zh: '在文件第一行写 ---，接着写 id、title 等，再用一行 --- 结束。',
      en: 'Put --- on the first line, then id, title and the rest, then a closing --- line.',
    });
    return { bodyLine: 1 };
  }
  // YAML also ends a document with `...`.
  const close = lines.findIndex((l, i) => i > 0 && (isFence(l) || l.trim() === '...'));
  if (close > 0) return { ...readYaml(prepare(lines.slice(1, close)), 2, report), bodyLine: close + 2 };
  report.report('FRONT_MATTER_UNCLOSED', 1, 1, {}, {
    zh: '在元数据最后一项之后加一行 ---。',
    en: 'Add a --- line after the last front-matter field.',
  });
  // Read on as if the closing line stood before the first heading, so the rest is still checked.
  const heading = lines.findIndex((l, i) => i > 0 && HEADING.test(l));
  if (heading < 0) return { bodyLine: lines.length + 1 };
  return { ...readYaml(prepare(lines.slice(1, heading)), 2, report), bodyLine: heading + 1 };
}

/** Full-width colons after keys, at the start of a line or inside `{…}`, become `: `. */
function prepare(lines: string[]): string {
  return lines
    .map((l) => {
      const line = l.replace(FULL_WIDTH_KEY, '$1: ');
      return line.includes('{') ? line.replace(FLOW_KEY, '$1: ') : line;
    })
    .join('\n');
}

/** YAML's error codes in the author's words; YAML's own English is kept for any other. */
const YAML_ERRORS: Record<string, { zh: string; en: string }> = {
  BLOCK_AS_IMPLICIT_KEY: { zh: '一行里有第二个“: ”（文字里含冒号时要加引号）', en: 'a second “: ” on one line (quote text that contains a colon)' },
  MULTILINE_IMPLICIT_KEY: { zh: '键必须写在一行里（检查缩进）', en: 'a key must be on one line (check the indentation)' },
  MISSING_CHAR: { zh: '缺少结束的引号或括号', en: 'a closing quote or bracket is missing' },
  BAD_INDENT: { zh: '缩进不对，或 { [ 没有闭合', en: 'wrong indentation, or a { or [ is not closed' },
  TAB_AS_INDENT: { zh: '不能用 Tab 缩进', en: 'tabs are not allowed as indentation' },
  DUPLICATE_KEY: { zh: '同一个键写了两次', en: 'the same key is given twice' },
  UNEXPECTED_TOKEN: { zh: '这里有多余的字符', en: 'unexpected characters here' },
  BAD_SCALAR_START: { zh: '值不能以这个符号开头（请加引号）', en: 'a value cannot start with this character (quote it)' },
  MISSING_KEY: { zh: '缺少键名', en: 'a key is missing' },
};

const TAB_HINT = { zh: 'YAML 里不能用 Tab 缩进，请改用空格。', en: 'YAML does not allow tabs for indentation: use spaces.' };
const TWICE_HINT = { zh: '删掉其中一行。', en: 'Remove one of the two lines.' };
const QUOTE_HINT = { zh: '在这段文字的末尾加上同样的引号。', en: 'Add the same quote at the end of this text.' };
const LINE_HINT = {
  zh: '检查这一行和上一行：缩进是否对齐，冒号后是否有空格，含冒号的文字是否加了引号。',
  en: 'Check this line and the one above: aligned indentation, a space after each colon, quotes around text that contains a colon.',
};

interface Read {
  fields?: Field[];
  broken?: string[];
}

function readYaml(text: string, firstLine: number, report: Reporter): Read {
  const whole = parseYaml(text, firstLine);
  if (!whole.error) {
    if (!isMap(whole.root)) {
      report.report('FRONT_MATTER_INVALID', firstLine, 1, { detail: 'expected key: value lines', detailZh: '应是“键: 值”的列表' }, {
        zh: '前置元数据应是“键: 值”的列表，例如 id: my-case。',
        en: 'Front matter is a list of “key: value” lines, e.g. id: my-case.',
      });
      return {};
    }
    return { fields: mapFields(whole.root, whole.at) };
  }
  // Broken somewhere: read each top-level key (a line that starts at the margin) with its lines on its own.
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (/^[^\s#-]/.test(l) ? [i] : []));
  if (!starts.length || starts[0] !== 0) starts.unshift(0);
  const fields: Field[] = [];
  const broken: string[] = [];
  starts.forEach((start, k) => {
    const chunk = lines.slice(start, starts[k + 1] ?? lines.length).join('\n');
    const part = parseYaml(chunk, firstLine + start);
    if (part.error) {
      const key = /^([^:]+):/.exec(chunk)?.[1]?.trim();
      reportYamlError(part.error, chunk, part.at, report, key ? matchKey(FRONT_MATTER_KEYS, key)?.key : undefined);
      if (key) broken.push(key);
    } else fields.push(...mapFields(part.root, part.at));
  });
  // Every key reads on its own: the mistake is between keys (one given twice).
  if (!broken.length) reportYamlError(whole.error, text, whole.at, report);
  return { fields, broken };
}

function parseYaml(text: string, firstLine: number) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Located => {
    const p = counter.linePos(offset);
    return { line: p.line + firstLine - 1, column: p.col };
  };
  return { root: doc.contents, error: doc.errors[0], at };
}

/** What cannot be checked while a key's line is unreadable: said once, in that line's hint. */
const SKIPPED: Record<string, { zh: string; en: string }> = {
  rulebook: { zh: '这一行改好之前，无法检查回复引用的规则。', en: 'Until this line is fixed, the rules the replies cite cannot be checked.' },
  start: { zh: '这一行改好之前，无法检查节点能否到达。', en: 'Until this line is fixed, whether each node can be reached cannot be checked.' },
  order: { zh: '这一行改好之前，无法检查退款金额和币种。', en: 'Until this line is fixed, refund amounts and currencies cannot be checked.' },
};

function reportYamlError(
  error: { code: string; message: string; pos: [number, number] },
  chunk: string,
  at: (offset: number) => Located,
  report: Reporter,
  key?: string,
): void {
  let offset = error.pos[0];
  const [detail = ''] = error.message.split('\n');
  const quote = error.code === 'MISSING_CHAR' && /quote/i.test(detail) ? opening(chunk, detail.includes("'") ? "'" : '"') : -1;
  if (quote >= 0) offset = quote;
  const pos = at(offset);
  const words = YAML_ERRORS[error.code];
  const base = error.code === 'TAB_AS_INDENT' ? TAB_HINT : error.code === 'DUPLICATE_KEY' ? TWICE_HINT : quote >= 0 ? QUOTE_HINT : LINE_HINT;
  const skipped = key ? SKIPPED[key] : undefined;
  const hint = skipped ? { zh: `${base.zh}${skipped.zh}`, en: `${base.en} ${skipped.en}` } : base;
  report.report('FRONT_MATTER_INVALID', pos.line, pos.column, { detail: words?.en ?? detail, detailZh: words?.zh ?? detail }, hint);
}

/** Where the quote that never closes opens: the last `quote` in `chunk` that starts a value. */
function opening(chunk: string, quote: string): number {
  let found = -1;
  const value = new RegExp(`(^|[:：,{\\[-]\\s*)${quote}`, 'g');
  for (let m = value.exec(chunk); m; m = value.exec(chunk)) found = m.index + (m[1] ?? '').length;
  return found;
}

/** A YAML map's entries as fields, each with where its key and value are written. */
function mapFields(node: unknown, at: (offset: number) => Located): Field[] {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => (isPair(pair) ? [fieldOf(pair.key, pair.value, at)] : []));
}

function fieldOf(key: unknown, value: unknown, at: (offset: number) => Located): Field {
  const k = isNode(key) ? key : null;
  const v = isNode(value) ? value : null;
  const keyAt = at(k?.range?.[0] ?? 0);
  const valueAt = v?.range ? at(v.range[0]) : keyAt;
  const field: Field = { key: isScalar(k) ? String(k.value) : String(k), keyAt, ...valueAt, value: v ? v.toJSON() : null };
  if (isScalar(v)) field.raw = typeof v.source === 'string' ? v.source : String(v.value);
  if (isMap(v)) field.fields = mapFields(v, at);
  if (isSeq(v))
    field.items = v.items.map((item) => {
      const itemAt = isNode(item) && item.range ? at(item.range[0]) : valueAt;
      // A node whose value is null (`- `) stands for itself, as it prints.
      const itemValue: unknown = isNode(item) ? (item.toJSON() ?? item) : item;
      return { ...itemAt, value: itemValue, ...(isMap(item) ? { fields: mapFields(item, at) } : {}) };
    });
  return field;
}
