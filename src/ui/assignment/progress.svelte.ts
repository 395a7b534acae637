/**
 * A student's progress on one assignment as reactive state, kept in localStorage so a reload loses
 * nothing. Also gives the player a storage of its own for this assignment: the player's saves of an
 * assignment attempt never mix with free practice of the same case, and every save the player writes
 * is read here to time the replies and to record the attempt when it ends.
 */
import { asAssigned } from '../../assignment/assignment.ts';
import { attemptsLeft, begin, finish, readProgress, track, type Progress } from '../../assignment/progress.ts';
import type { Assignment, AttemptRecord, Student } from '../../assignment/types.ts';
import type { Case } from '../../case/types.ts';
import { replay, resultOf } from '../../engine/conversation.ts';
import { isSeed } from '../../engine/order.ts';
import { saveKey } from '../saves.ts';
import { pushNotice } from '../notices.svelte.ts';
import { STORAGE_PREFIX, defaultStorage, readItem, readJson, writeItem } from '../storage.ts';

export function createProgress(
  a: Assignment,
  storage: Storage | null = defaultStorage(),
  onfinished?: (r: AttemptRecord, p: Progress) => void,
  /** Every other change (a reply, a new attempt, who the student is). */
  onchange?: (p: Progress) => void,
) {
  const key = `${STORAGE_PREFIX}assignment:${a.id}`;
  const stored = readJson(storage, key);
  // Saved progress that is not JSON at all is kept under a key of its own before anything is written.
  if (stored.corrupt) {
    writeItem(storage, `${key}:unreadable:${Date.now()}`, readItem(storage, key) ?? '');
    pushNotice('progress.unreadable');
  }
  const initial = readProgress(stored.value, a);
  if (initial.damaged?.length) pushNotice('progress.damaged', { n: initial.damaged.length });
  let progress = $state.raw<Progress>(initial);
  let finishing = false;
  const set = (p: Progress) => {
    progress = p;
    // A save that fails (storage full or switched off) is said at once, not found out later.
    if (storage && !writeItem(storage, key, JSON.stringify(p))) pushNotice('storage.saveFailed');
    if (!finishing) onchange?.(p);
  };

  /** The player's saved conversation changed: time new replies, and record the attempt if it ended. */
  function observe(original: Case, raw: string) {
    let replies: unknown;
    let seed: unknown;
    try {
      ({ replies, seed } = JSON.parse(raw) as { replies?: unknown; seed?: unknown });
    } catch {
      return;
    }
    if (!Array.isArray(replies) || !replies.every((r) => typeof r === 'string')) return;
    const c = asAssigned(a, original);
    // With the attempt's seed, so the result file records the order the student saw.
    const attempt = replay(c, replies, isSeed(seed) ? seed : undefined);
    if (!attempt) return;
    const now = Date.now();
    let p = progress;
    if (!p.current[c.id]) {
      // A new attempt starts with the first save of an empty conversation (opening it, or "play again").
      if (attempt.path.length > 0 || attemptsLeft(p, a, c.id) === 0) return;
      p = begin(p, c.id, now);
    }
    p = track(p, c.id, attempt.path, now);
    if (attempt.ended) {
      const before = p.attempts.length;
      p = finish(p, a, original, resultOf(c, attempt), now);
      finishing = p.attempts.length > before && !!onfinished;
      set(p);
      finishing = false;
      if (p.attempts.length > before) onfinished?.(p.attempts.at(-1)!, p);
      return;
    }
    if (p !== progress) set(p);
  }

  /** A Storage for the player while it plays `original` in this assignment. */
  function storageFor(original: Case): Storage | null {
    if (!storage) return null;
    const prefix = `${key}:${progress.student?.number ?? ''}:`;
    const save = saveKey(original.id);
    const base = storage;
    return {
      get length() {
        return base.length;
      },
      clear() {},
      key: (i: number) => base.key(i),
      getItem: (k: string) => base.getItem(prefix + k),
      removeItem: (k: string) => base.removeItem(prefix + k),
      setItem(k: string, value: string) {
        base.setItem(prefix + k, value);
        if (k === save) observe(original, value);
      },
    };
  }

  return {
    get value() {
      return progress;
    },
    setStudent(student: Student) {
      set({ ...progress, student });
    },
    storageFor,
    /** Whether the player's save of this case shows a finished conversation (it then shows the debrief). */
    savedEnded(original: Case): boolean {
      const scoped = storageFor(original);
      const saved = scoped && readJson(scoped, saveKey(original.id)).value;
      return !!saved && typeof saved === 'object' && (saved as { state?: unknown }).state === 'ended';
    },
    /** Clears the player's save of a case so the next visit starts a new attempt. */
    startOver(original: Case) {
      storageFor(original)?.removeItem(saveKey(original.id));
    },
  };
}

export type ProgressStore = ReturnType<typeof createProgress>;
