/**
 * A student's progress on one assignment as reactive state, kept in localStorage so a reload loses
 * nothing. The player tells it what the student does (`played`): each reply is timed and the attempt
 * is recorded when it ends. It also gives the player a storage of its own for this assignment, so the
 * saves of an assignment attempt never mix with free practice of the same case.
 */
import { attemptsLeft, begin, finish, readProgress, track, type Progress } from '../../assignment/progress.ts';
import type { Assignment, AttemptRecord, Student } from '../../assignment/types.ts';
import type { Case } from '../../case/types.ts';
import type { PlayerEvent } from '../conversation.svelte.ts';
import { saveKey } from '../saves.ts';
import { keepCopy, keptCopy, keptFileName } from '../kept.ts';
import { pushNotice } from '../notices.svelte.ts';
import { STORAGE_PREFIX, defaultStorage, readItem, readJson, writeItem } from '../storage.ts';

/**
 * The store last made for each assignment's saved work. A notice raised by an earlier store (the
 * student left the assignment and came back) discards through this one, whose state is what is
 * written next; the earlier one's would bring the attempts back.
 */
const latest = new Map<string, () => void>();

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
    const keptAs = keepCopy(storage, key, readItem(storage, key) ?? '');
    const kept = keptAs && keptCopy(storage, keptAs);
    pushNotice('progress.unreadable', undefined, kept ? [kept] : []);
  }
  const initial = readProgress(stored.value, a);
  let progress = $state.raw<Progress>(initial);
  let finishing = false;
  const set = (p: Progress) => {
    progress = p;
    // A save that fails (storage full or switched off) is said at once, not found out later.
    if (storage && !writeItem(storage, key, JSON.stringify(p))) pushNotice('storage.saveFailed');
    if (!finishing) onchange?.(p);
  };
  /** Deletes the attempts set aside as unreadable, once the student has dismissed the notice about them. */
  const discardDamaged = () => {
    if (!progress.damaged) return;
    const { damaged: _, ...rest } = progress;
    set(rest);
  };
  latest.set(key, discardDamaged);
  // The attempts that could not be read stay inside the saved work (see `progress.ts`) until then; the
  // notice about them offers them for download, as they were stored.
  if (initial.damaged?.length)
    pushNotice('progress.damaged', { n: initial.damaged.length }, [
      {
        id: `assignment:${a.id}:damaged`,
        fileName: keptFileName(`save-assignment-${a.id}-attempts`),
        text: JSON.stringify(initial.damaged, null, 2),
        discard: () => latest.get(key)?.(),
      },
    ]);

  /**
   * What the student did while playing `original` in this assignment: a new attempt starts with an
   * empty conversation (opening the case, or "play again") while attempts are left; replies are timed
   * as they come; an ended attempt is recorded with its result.
   */
  function played(original: Case, event: PlayerEvent) {
    const id = original.id;
    const { attempt } = event;
    const now = Date.now();
    let p = progress;
    if (!p.current[id]) {
      if (attempt.path.length > 0 || attemptsLeft(p, a, id) === 0) return;
      p = begin(p, id, now);
    }
    p = track(p, id, attempt.path, now);
    if (event.type !== 'ended') {
      if (p !== progress) set(p);
      return;
    }
    const before = p.attempts.length;
    p = finish(p, a, original, event.result, now);
    const record = p.attempts.length > before ? p.attempts.at(-1) : undefined;
    finishing = !!record && !!onfinished;
    set(p);
    finishing = false;
    if (record) onfinished?.(record, p);
  }

  /** A Storage for the player in this assignment: the base storage, under a prefix of the assignment and student. */
  function storageFor(): Storage | null {
    return storage && scoped(storage, `${key}:${progress.student?.number ?? ''}:`);
  }

  return {
    get value() {
      return progress;
    },
    discardDamaged,
    setStudent(student: Student) {
      set({ ...progress, student });
    },
    storageFor,
    played,
    /** Whether the player's save of this case shows a finished conversation (it then shows the debrief). */
    savedEnded(original: Case): boolean {
      const saved = readJson(storageFor(), saveKey(original.id)).value;
      return !!saved && typeof saved === 'object' && (saved as { state?: unknown }).state === 'ended';
    },
    /** Clears the player's save of a case so the next visit starts a new attempt. */
    startOver(original: Case) {
      storageFor()?.removeItem(saveKey(original.id));
    },
  };
}

export type ProgressStore = ReturnType<typeof createProgress>;

/** The items of `base` whose keys start with `prefix`, as a Storage of their own (the prefix left off). */
function scoped(base: Storage, prefix: string): Storage {
  const keys = () => {
    const out: string[] = [];
    for (let i = 0; i < base.length; i++) {
      const k = base.key(i);
      if (k?.startsWith(prefix)) out.push(k.slice(prefix.length));
    }
    return out;
  };
  return {
    get length() {
      return keys().length;
    },
    key: (i: number) => keys()[i] ?? null,
    getItem: (k: string) => base.getItem(prefix + k),
    setItem: (k: string, value: string) => base.setItem(prefix + k, value),
    removeItem: (k: string) => base.removeItem(prefix + k),
    clear: () => {
      for (const k of keys()) base.removeItem(prefix + k);
    },
  };
}
