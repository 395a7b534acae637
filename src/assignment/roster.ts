/**
 * The class list: student numbers and names as a teacher has them — pasted from a spreadsheet (tabs),
 * or a CSV file saved by Excel or WPS (commas, or semicolons in some locales), in either column
 * order, with or without a header row. Lines that hold no number and name are reported, not guessed.
 */
import { studentKey } from './result-file.ts';
import type { Student } from './types.ts';

export interface ClassList {
  className: string;
  students: Student[];
  savedAt: string;
}

/** Most classes are far smaller; a list this long is not a class list. */
export const MAX_STUDENTS = 2000;

/** RFC 4180 fields of one text, with the given separator; quotes may hold separators and line breaks. */
export function readDelimited(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** A cell as a spreadsheet export may write it: `="02023003"` (kept as text) or `'02023003`. */
const unwrap = (cell: string) => cell.trim().replace(/^="(.*)"$/s, '$1').replace(/^'/, '').trim();

const looksLikeNumber = (cell: string) => /^[A-Za-z]{0,4}[-_]?\d[\dA-Za-z_-]{0,40}$/.test(cell.normalize('NFKC'));

export interface ReadClassList {
  students: Student[];
  /** 1-based lines that held something but no number and name. */
  skipped: number[];
}

export function parseClassList(text: string): ReadClassList {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLines = clean.split(/\r?\n/, 20).join('\n');
  const separator = firstLines.includes('\t') ? '\t' : (firstLines.match(/;/g)?.length ?? 0) > (firstLines.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows = readDelimited(clean, separator).map((r) => r.map(unwrap));
  // The number column is the one where most cells look like a student number.
  const width = Math.max(0, ...rows.map((r) => r.length));
  const score = Array.from({ length: width }, (_, col) => rows.filter((r) => looksLikeNumber(r[col] ?? '')).length);
  const numberCol = score.indexOf(Math.max(0, ...score));
  const students: Student[] = [];
  const skipped: number[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (r.every((c) => c === '')) return;
    const number = r[numberCol] ?? '';
    const name = r.find((c, col) => col !== numberCol && c !== '') ?? '';
    if (!looksLikeNumber(number) || !name) {
      // A header row ("学号, 姓名") is expected and not worth a word.
      if (i > 0 || students.length > 0) skipped.push(i + 1);
      return;
    }
    if (seen.has(studentKey(number)) || students.length >= MAX_STUDENTS) return;
    seen.add(studentKey(number));
    students.push({ number: number.slice(0, 100), name: name.slice(0, 200) });
  });
  return { students, skipped };
}
