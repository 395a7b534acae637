/**
 * Reading what the teacher drops or pastes: each result file or code on its own, so one bad file is
 * refused with its reason while the others import.
 */
import { attemptsOf, type StoredAttempt } from './dedupe.ts';
import { checksumEnds, MAX_PACKED_CHARS } from './pack.ts';
import { CODE_PREFIXES, decodeResultCode, parseResultFile, type ResultProblem } from './result-file.ts';
import type { Assignment, ResultFile } from './types.ts';

export type ImportProblem =
  | ResultProblem
  | { kind: 'other-assignment'; title: string; className: string }
  | { kind: 'empty' }
  | { kind: 'too-large' };

export type ImportOutcome = { label: string } & ({ file: ResultFile; attempts: StoredAttempt[] } | { problem: ImportProblem });

/** Result files are a few kilobytes; anything this big is not one. */
export const MAX_FILE_BYTES = 5_000_000;

/** Results of any version of the assignment (see `seriesOf`) belong on its page. */
function accept(label: string, read: { file: ResultFile } | { problem: ResultProblem }, a: Assignment, source: string, now: string, versions?: ReadonlySet<string>): ImportOutcome {
  if ('problem' in read) return { label, problem: read.problem };
  if (read.file.assignment.id !== a.id && !versions?.has(read.file.assignment.id))
    return { label, problem: { kind: 'other-assignment', title: read.file.assignment.title, className: read.file.assignment.className } };
  if (read.file.attempts.length === 0 && !read.file.inProgress?.length) return { label, problem: { kind: 'empty' } };
  return { label, file: read.file, attempts: attemptsOf(read.file, source, now) };
}

export function importFile(name: string, text: string, a: Assignment, now: string, versions?: ReadonlySet<string>): ImportOutcome {
  if (text.length > MAX_FILE_BYTES) return { label: name, problem: { kind: 'too-large' } };
  return accept(name, parseResultFile(text), a, name, now, versions);
}

const ANY_PREFIX = new RegExp(CODE_PREFIXES.map((p) => p.replace('.', '\\.')).join('|'), 'g');

/** Pasted text may hold many codes, each starting with a prefix; returns the text from each prefix to the next. */
export function splitCodes(text: string): string[] {
  const at = [...text.matchAll(ANY_PREFIX)].map((m) => m.index);
  if (at.length === 0) return text.trim() ? [text.trim()] : [];
  return at.map((start, i) => text.slice(start, at[i + 1]).trim());
}

/**
 * A code may have been wrapped across lines (e-mail does that) and may be followed by other words
 * ("thanks!"): the longest run of its pieces that passes the checksum is the code. The checksum is
 * followed along the pieces in one pass, so a code inside a long chat is read at once.
 */
export function importCode(label: string, text: string, a: Assignment, now: string, versions?: ReadonlySet<string>): ImportOutcome {
  const pieces = text.split(/\s+/).filter(Boolean);
  const prefix = CODE_PREFIXES.find((p) => pieces[0]?.startsWith(p));
  if (!prefix) return accept(label, decodeResultCode(pieces.slice(0, 2).join('')), a, 'code', now, versions);
  for (const n of checksumEnds(prefix, pieces)) {
    const read = decodeResultCode(pieces.slice(0, n).join(''));
    if ('file' in read || read.problem.kind !== 'damaged-code') return accept(label, read, a, 'code', now, versions);
  }
  return { label, problem: pieces.join('').length > MAX_PACKED_CHARS ? { kind: 'too-large' } : { kind: 'damaged-code' } };
}
