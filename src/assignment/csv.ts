/**
 * The class tables as CSV for Excel and WPS: UTF-8 with a byte-order mark (without it, Excel on
 * Windows reads Chinese names as mojibake), CRLF line ends, RFC 4180 quoting.
 *
 * Text that starts like a formula (= + - @) is prefixed with an apostrophe, so a student named
 * "=HYPERLINK(…)" stays a name — also after a `;` or a tab, because a spreadsheet set to another
 * separator splits the cell there; such cells are quoted too. Student numbers are written as
 * `="02023003"`, the one form both Excel and WPS keep as text: no lost leading zeros, no 2.02E+07.
 */
import type { AttemptFlag } from './recompute.ts';
import { overall } from './scorm.ts';
import type { Cell, RowFlag, StudentRow } from './summary.ts';
import type { Assignment } from './types.ts';

/** A cell a spreadsheet must keep as text even when it looks like a number or a date. */
export interface AsText {
  text: string;
}

export type CsvValue = string | number | boolean | null | undefined | AsText;

export const BOM = '\uFEFF';

const quote = (text: string) => (/[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function field(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return quote(`="${v.text.replace(/[\r\n\t]+/g, ' ').replace(/"/g, '""')}"`);
  return quote(v.replace(/(^|[;\t\r\n])(\s*)([=+\-@])/g, "$1$2'$3"));
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return BOM + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export interface CsvLabels {
  headers: {
    className: string;
    assignment: string;
    name: string;
    number: string;
    caseId: string;
    caseTitle: string;
    attempts: string;
    satisfaction: string;
    compliance: string;
    passed: string;
    minutes: string;
    finished: string;
    late: string;
    flags: string;
    handedIn: string;
    casesPassed: string;
    passedAll: string;
    score: string;
    listName: string;
  };
  yes: string;
  no: string;
  caseTitle: (caseId: string) => string;
  flag: (flag: AttemptFlag) => string;
  rowFlag: (flag: RowFlag, row: StudentRow) => string;
  notHandedIn: string;
  inProgress: string;
  time: (iso: string) => string;
}

/** One row per student and case: the attempt that counts. */
export function classCsv(assignment: Assignment, rows: readonly StudentRow[], labels: CsvLabels): string {
  const h = labels.headers;
  const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? labels.yes : labels.no);
  const lines: CsvValue[][] = [[h.className, h.assignment, h.name, h.number, h.caseId, h.caseTitle, h.attempts, h.satisfaction, h.compliance, h.passed, h.minutes, h.finished, h.late, h.flags]];
  for (const row of rows)
    for (const assigned of assignment.cases) {
      const cell: Cell | undefined = row.cells[assigned.id];
      if (!cell || (cell.attempts.length === 0 && !cell.inProgress)) continue;
      const r = cell.best?.result;
      lines.push([
        assignment.className,
        assignment.title,
        row.name,
        { text: row.number },
        assigned.id,
        labels.caseTitle(assigned.id),
        cell.attempts.length,
        r?.satisfaction,
        r?.compliance,
        yesNo(r?.passed),
        Math.round(cell.timeSpent / 6) / 10,
        cell.best ? labels.time(cell.best.stored.record.finishedAt) : '',
        cell.best ? yesNo(cell.late) : '',
        [...(cell.inProgress ? [labels.inProgress] : []), ...cell.flags.map(labels.flag)].join(' · '),
      ]);
    }
  return toCsv(lines);
}

/** The score the LMS gets too (one rule, in `scorm.ts`). */
export const overallScore = (assignment: Assignment, row: StudentRow): number =>
  overall(assignment.cases.map((c) => ({ caseId: c.id, result: row.cells[c.id]?.best?.result }))).score;

/** One row per student — everyone on the class list and everyone who handed in — with the overall result. */
export function studentsCsv(assignment: Assignment, rows: readonly StudentRow[], labels: CsvLabels): string {
  const h = labels.headers;
  const yesNo = (b: boolean) => (b ? labels.yes : labels.no);
  const lines: CsvValue[][] = [[h.className, h.assignment, h.name, h.number, h.listName, h.handedIn, h.casesPassed, h.passedAll, h.score, h.flags]];
  for (const row of rows) {
    const passed = assignment.cases.filter((c) => row.cells[c.id]?.best?.result?.passed).length;
    const notes = [
      ...(row.handedIn ? [] : [labels.notHandedIn]),
      ...row.flags.map((f) => labels.rowFlag(f, row)),
      ...[...new Set(assignment.cases.flatMap((c) => row.cells[c.id]?.flags ?? []))].map(labels.flag),
    ];
    lines.push([
      assignment.className,
      assignment.title,
      row.names[0] ?? row.name,
      { text: row.number },
      row.listedName ?? '',
      yesNo(row.handedIn),
      passed,
      yesNo(row.passedAll),
      row.handedIn ? overallScore(assignment, row) : '',
      notes.join(' · '),
    ]);
  }
  return toCsv(lines);
}
