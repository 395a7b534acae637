/**
 * Damaged records that were set aside: kept as they were stored, so nothing is lost silently, and
 * offered for download with the notice that says so, until the person dismisses it.
 *
 * In localStorage a record that cannot be read is copied under `<its key>:unreadable:<time>` before
 * anything else is written there; here are that naming rule, the copies found, and the file each is
 * downloaded as. Records set aside in IndexedDB are turned into the same `Kept` by their page.
 */
import { defaultStorage, readItem, removeItem, STORAGE_PREFIX, writeItem } from './storage.ts';

export interface Kept {
  /** Which record: its storage key (IndexedDB records: `<store>:<key>`). */
  id: string;
  /** The download's file name, e.g. `damaged-save-studio-draft-2026-12-05.txt`. */
  fileName: string;
  /** Exactly what was stored. */
  text: string;
  /**
   * Removes the record for good; called when the person dismisses the notice. Absent when the
   * record stays kept where it is (inside a record that keeps what it could not read).
   */
  discard?: () => void | Promise<void>;
}

const UNREADABLE = /:unreadable:(\d+)$/;

/** A file name for what a record was: its key without the site's prefix, made safe, and the date. */
export function keptFileName(what: string, at: Date = new Date()): string {
  const name = what.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'record';
  return `damaged-${name}-${at.toISOString().slice(0, 10)}.txt`;
}

/** Copies an unreadable record under a key of its own; returns that key, or undefined if it could not be kept. */
export function keepCopy(storage: Storage | null, key: string, raw: string, now = Date.now()): string | undefined {
  const keptAs = `${key}:unreadable:${now}`;
  return writeItem(storage, keptAs, raw) ? keptAs : undefined;
}

/** The copies kept in localStorage whose key matches `pattern` (every copy when none is given). */
export function keptCopies(pattern?: RegExp, storage: Storage | null = defaultStorage()): Kept[] {
  const keys: string[] = [];
  try {
    for (let i = 0; storage && i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(STORAGE_PREFIX) && UNREADABLE.test(key) && (!pattern || pattern.test(key))) keys.push(key);
    }
  } catch {
    return [];
  }
  return keys.sort().flatMap((key) => keptCopy(storage, key) ?? []);
}

/** One copy made by `keepCopy`, read back from `storage` with its download name and a way to delete it. */
export function keptCopy(storage: Storage | null, key: string): Kept | undefined {
  const text = readItem(storage, key);
  const time = UNREADABLE.exec(key);
  if (text === null || !time) return undefined;
  const at = new Date(Number(time[1]));
  const what = `save-${key.slice(key.startsWith(STORAGE_PREFIX) ? STORAGE_PREFIX.length : 0).replace(UNREADABLE, '')}`;
  return { id: key, text, fileName: keptFileName(what, Number.isNaN(at.getTime()) ? new Date() : at), discard: () => removeItem(storage, key) };
}
