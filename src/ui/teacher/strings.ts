/**
 * The teacher pages' strings, in English and Chinese, gathered from one file per page under
 * `strings/`. Loaded with those pages only, so players never download them. Each file's Chinese
 * table is typed to have exactly its English keys, so a string missing in one language does not
 * compile.
 */
import type { AttemptFlag } from '../../assignment/recompute.ts';
import type { RowFlag, StudentRow } from '../../assignment/summary.ts';
import { dictionary } from '../i18n.ts';
import * as assignments from './strings/assignments.ts';
import * as common from './strings/common.ts';
import * as flags from './strings/flags.ts';
import * as imports from './strings/import.ts';
import * as newAssignment from './strings/new-assignment.ts';
import * as results from './strings/results.ts';
import * as student from './strings/student.ts';
import * as summary from './strings/summary.ts';

// No key may stand in two pages' tables, where one would silently hide the other (a unit test sees to it).
const en = { ...common.en, ...assignments.en, ...newAssignment.en, ...results.en, ...summary.en, ...flags.en, ...student.en, ...imports.en };
const zh: Record<keyof typeof en, string> = {
  ...common.zh,
  ...assignments.zh,
  ...newAssignment.zh,
  ...results.zh,
  ...summary.zh,
  ...flags.zh,
  ...student.zh,
  ...imports.zh,
};

export const tt = dictionary(en, zh);

export const flagLabel = (f: AttemptFlag): string => tt(`flag.${f}`);
export const flagHelp = (f: AttemptFlag): string => tt(`flag.${f}.help`);
export const rowFlagLabel = (f: RowFlag, row: Pick<StudentRow, 'names'>): string => tt(`row.${f}`, { names: row.names.join(', ') });
