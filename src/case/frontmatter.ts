/**
 * Splits a file into its YAML front matter and body, and reads the YAML into fields that keep
 * their line and column, so that a wrong value can be pointed at where the author wrote it.
 *
 * Full-width colons after a key (`标题：…`) are accepted by turning them into `: ` before YAML sees
 * them. Only the first YAML error is reported: one indentation slip makes YAML report several.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node as YamlNode } from 'yaml';
import type { Reporter } from './diagnostics.ts';
import { lineEnd, nextLine } from './lines.ts';
import type { Located } from './scan.ts';

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
  /** The file without its byte order mark; the body is its lines from `bodyStart` on. */
  text: string;
  /** Offset in `text` of the first body line; past the end when there is no body. */
  bodyStart: number;
  /** 1-based line number of the first body line. */
  bodyLine: number;
}

const FULL_WIDTH_KEY = /^(\s*(?:-\s+)?[^\s:：#'"{}[\]][^:：#'"{}[\]]*?)\s*：\s*/;
const FLOW_KEY = /(?<=[{,，]\s*)([^\s{},，:：'"][^{},，:：'"]*?)\s*：\s*/g;

export function splitFrontMatter(source: string, report: Reporter): Split {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // Only the front matter is read line by line here: the body, often thousands of lines, is left
  // in place for the scanner.
  const firstEnd = lineEnd(text, 0);
  if (text.slice(0, firstEnd).trim() !== '---') {
    report.report('FRONT_MATTER_MISSING', 1, 1, {}, {
      zh: '在文件第一行写 ---，接着写 id、title 等，再用一行 --- 结束。',
      en: 'Put --- on the first line, then id, title and the rest, then a closing --- line.',
    });
    return { text, bodyStart: 0, bodyLine: 1 };
  }
  const yaml: string[] = [];
  for (let start = nextLine(text, firstEnd), n = 1; start <= text.length; n++) {
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    const t = line.trim();
    if (t === '---' || t === '...') {
      const fields = readYaml(prepare(yaml), 2, report);
      return { fields, text, bodyStart: nextLine(text, end), bodyLine: n + 2 };
    }
    yaml.push(line);
    start = nextLine(text, end);
  }
  report.report('FRONT_MATTER_UNCLOSED', 1, 1, {}, {
    zh: '在元数据最后一项之后加一行 ---。',
    en: 'Add a --- line after the last front-matter field.',
  });
  // Read on as if the closing line stood before the first heading, so the rest is still checked.
  const lines = [text.slice(0, firstEnd), ...yaml];
  const heading = lines.findIndex((l, i) => i > 0 && /^#\s/.test(l));
  if (heading < 0) return { text, bodyStart: text.length + 1, bodyLine: lines.length + 1 };
  const fields = readYaml(prepare(lines.slice(1, heading)), 2, report);
  let bodyStart = 0;
  for (let i = 0; i < heading; i++) bodyStart = nextLine(text, lineEnd(text, bodyStart));
  return { fields, text, bodyStart, bodyLine: heading + 1 };
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

function readYaml(text: string, firstLine: number, report: Reporter): Field[] | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Located => {
    const p = counter.linePos(offset);
    return { line: p.line + firstLine - 1, column: p.col };
  };
  const first = doc.errors[0];
  if (first) {
    const pos = at(first.pos[0]);
    const detail = first.message.split('\n')[0];
    const tab = /tab/i.test(detail);
    report.report('FRONT_MATTER_INVALID', pos.line, pos.column, { detail }, tab
      ? { zh: 'YAML 里不能用 Tab 缩进，请改用空格。', en: 'YAML does not allow tabs for indentation: use spaces.' }
      : {
          zh: '检查这一行和上一行：缩进是否对齐，冒号后是否有空格，含冒号的文字是否加了引号。',
          en: 'Check this line and the one above: aligned indentation, a space after each colon, quotes around text that contains a colon.',
        });
    return undefined;
  }
  const root = doc.contents;
  if (!isMap(root)) {
    report.report('FRONT_MATTER_INVALID', firstLine, 1, { detail: 'expected key: value lines' }, {
      zh: '前置元数据应是“键: 值”的列表，例如 id: my-case。',
      en: 'Front matter is a list of “key: value” lines, e.g. id: my-case.',
    });
    return undefined;
  }
  return mapFields(root as YamlNode, at);
}

function mapFields(node: YamlNode, at: (offset: number) => Located): Field[] {
  const out: Field[] = [];
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const k = pair.key as YamlNode | null;
    const v = pair.value as YamlNode | null;
    const keyText = isScalar(k) ? String(k.value) : String(k);
    const keyAt = at(k?.range?.[0] ?? 0);
    const valueAt = v?.range ? at(v.range[0]) : keyAt;
    const field: Field = { key: keyText, keyAt, ...valueAt, value: v ? v.toJSON() : null };
    if (isScalar(v)) field.raw = typeof v.source === 'string' ? v.source : String(v.value);
    if (v && isMap(v)) field.fields = mapFields(v, at);
    if (v && isSeq(v)) {
      field.items = v.items.map((item) => {
        const n = item as YamlNode;
        const itemAt = n?.range ? at(n.range[0]) : valueAt;
        return { ...itemAt, value: n?.toJSON?.() ?? n, ...(isMap(n) ? { fields: mapFields(n, at) } : {}) };
      });
    }
    out.push(field);
  }
  return out;
}
