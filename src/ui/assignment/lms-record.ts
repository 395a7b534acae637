/**
 * In an LMS launch the LMS is the record, not the browser: the learner is the LMS's learner, their
 * work lives in memory for this session and in the LMS's `suspend_data` between sessions, and
 * nothing another learner left in this browser is read or sent. A shared lab computer shows each
 * learner only their own work; a learner on a new computer finds theirs again.
 */
import { attemptsOf } from '../../assignment/dedupe.ts';
import { handIn, progressFromFile, type Progress } from '../../assignment/progress.ts';
import { recompute } from '../../assignment/recompute.ts';
import { decodeResultCode, encodeResultCode, makeResultFile } from '../../assignment/result-file.ts';
import { heldScore, interactionValues, objectiveValues, overall, statusValues, suspendLimit, suspendValues, type Held } from '../../assignment/scorm.ts';
import { buildTable } from '../../assignment/summary.ts';
import type { Assignment, AttemptRecord, ResultFile, Student } from '../../assignment/types.ts';
import type { Case } from '../../case/types.ts';
import { saveKey } from '../saves.ts';
import { STORAGE_PREFIX } from '../storage.ts';
import type { Lms } from './lms.ts';

/** A Storage that forgets everything when the page closes. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    removeItem: (k: string) => void items.delete(k),
    setItem: (k: string, v: string) => void items.set(k, String(v)),
  };
}

/** The key the progress store keeps an assignment under (see `progress.svelte.ts`). */
const progressKey = (a: Assignment) => `${STORAGE_PREFIX}assignment:${a.id}`;

/** The interaction index for an id: SCORM 1.2 only appends; 2004 updates the entry with that id. */
function slots(lms: Lms): (id: string) => number {
  const count = Number(lms.get('cmi.interactions._count')) || 0;
  const known = new Map<string, number>();
  if (lms.version === '2004') for (let i = 0; i < count; i++) known.set(lms.get(`cmi.interactions.${i}.id`), i);
  let next = count;
  return (id) => {
    const found = known.get(id);
    if (found !== undefined && lms.version === '2004') return found;
    known.set(id, next);
    return next++;
  };
}

export interface LmsRecord {
  storage: Storage;
  /** The learner as the LMS names them; undefined when the LMS gives no learner id. */
  student?: Student;
  /** The case the learner was playing when they left, if it is still in progress. */
  resumeAt?: string;
  /** Sends the learner's state; with `finished`, that attempt's replies as interactions too. */
  report(p: Progress, cases: ReadonlyMap<string, Case>, location: string, finished?: AttemptRecord): void;
}

export function lmsRecord(lms: Lms, a: Assignment): LmsRecord {
  const storage = memoryStorage();
  const id = lms.learner.id;
  const student = id ? { name: lms.learner.name || id, number: id } : undefined;
  const held: Held = { score: heldScore(lms.stored.score), passed: lms.stored.status === 'passed' };
  let resumeAt: string | undefined;

  if (student) {
    const read = lms.stored.suspendData ? decodeResultCode(lms.stored.suspendData) : undefined;
    const progress: Progress = read && 'file' in read ? progressFromFile(read.file, a, student) : { format: 1, assignmentId: a.id, student, attempts: [], current: {} };
    storage.setItem(progressKey(a), JSON.stringify(progress));
    // The player picks an attempt in progress up from its own save: write one for each.
    for (const [caseId, cur] of Object.entries(progress.current)) {
      const assigned = a.cases.find((c) => c.id === caseId);
      if (!assigned) continue;
      const save = { format: 1, caseId, caseVersion: assigned.version, replies: cur.steps.map((s) => s.reply), state: 'awaitingReply', settings: { feedback: a.settings.feedback, hints: a.settings.hints } };
      storage.setItem(`${progressKey(a)}:${student.number}:${saveKey(caseId)}`, JSON.stringify(save));
    }
    if (Object.hasOwn(progress.current, lms.stored.location)) resumeAt = lms.stored.location;
  }

  const slot = slots(lms);

  function suspendData(file: ResultFile): string {
    const full = encodeResultCode(file);
    if (full.length <= suspendLimit(lms.version)) return full;
    // Too long for this LMS: the finished attempts matter most.
    const short = encodeResultCode(makeResultFile(a, file.student, file.attempts, file.savedAt));
    return short.length <= suspendLimit(lms.version) ? short : '';
  }

  return {
    storage,
    ...(student ? { student } : {}),
    ...(resumeAt ? { resumeAt } : {}),
    report(p, cases, location, finished) {
      const file = handIn(p, a, Date.now());
      if (!file) return;
      const row = buildTable(a, attemptsOf(file, 'lms', ''), cases)[0];
      const outcomes = a.cases.map((x) => ({ caseId: x.id, result: row?.cells[x.id]?.best?.result }));
      const started = new Set([...Object.keys(p.current), ...p.attempts.map((r) => r.caseId)]);
      const c = finished && cases.get(finished.caseId);
      const result = c && finished && recompute(a, finished, c).result;
      const code = suspendData(file);
      lms.send([
        ...(code ? suspendValues(lms.version, code, location) : []),
        ...statusValues(lms.version, overall(outcomes), held),
        ...objectiveValues(lms.version, outcomes, started),
        ...(c && finished && result ? interactionValues(lms.version, c, finished, result, slot) : []),
      ]);
    },
  };
}
