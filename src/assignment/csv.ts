/**
 * The class table as CSV for Excel: UTF-8 with a byte-order mark (without it, Excel on Windows reads
 * Chinese names as mojibake), CRLF line ends, RFC 4180 quoting. Text that starts like a formula
 * (= + - @) is prefixed with an apostrophe, so a student named "=HYPERLINK(…)" stays a name.
 */
import type { AttemptFlag } from './recompute.ts';
import type { Cell, StudentRow } from './summary.ts';
import type { Assignment } from './types.ts';

export type CsvValue = string | number | boolean | null | undefined;

export const BOM = '\uFEFF';

function field(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
  };
  yes: string;
  no: string;
  caseTitle: (caseId: string) => string;
  flag: (flag: AttemptFlag) => string;
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
      if (!cell || cell.attempts.length === 0) continue;
      const r = cell.best?.result;
      lines.push([
        assignment.className,
        assignment.title,
        row.name,
        row.number,
        assigned.id,
        labels.caseTitle(assigned.id),
        cell.attempts.length,
        r?.satisfaction,
        r?.compliance,
        yesNo(r?.passed),
        Math.round(cell.timeSpent / 6) / 10,
        cell.best ? labels.time(cell.best.stored.record.finishedAt) : '',
        cell.best ? yesNo(cell.late) : '',
        cell.flags.map(labels.flag).join('; '),
      ]);
    }
  return toCsv(lines);
}
