/**
 * The teacher's data in this browser (IndexedDB): the assignments made or opened here, and every
 * attempt imported from result files and codes. Nothing leaves the browser; it stays until the
 * teacher clears it. Attempts are keyed so the same attempt imported twice is stored once, and an
 * import only ever adds: a bad file can never remove what was imported before.
 */
import { newAttempts, type StoredAttempt } from '../../assignment/dedupe.ts';
import type { ClassList } from '../../assignment/roster.ts';
import { isInt, isRecord, isString } from '../../assignment/guards.ts';
import type { Assignment } from '../../assignment/types.ts';
import { keptFileName, type Kept } from '../kept.ts';

const DB_NAME = 'dispute-desk-teacher';
const ASSIGNMENTS = 'assignments';
const ATTEMPTS = 'attempts';
/** Class lists, by class name: one list serves every assignment of the class. */
const CLASSES = 'classes';

export interface SavedAssignment {
  id: string;
  assignment: Assignment;
  /** The link payload, so the link can be shown again. */
  payload: string;
  savedAt: string;
}

let opening: Promise<IDBDatabase> | undefined;

function db(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 2);
    request.onupgradeneeded = () => {
      const d = request.result;
      if (!d.objectStoreNames.contains(ASSIGNMENTS)) d.createObjectStore(ASSIGNMENTS, { keyPath: 'id' });
      if (!d.objectStoreNames.contains(ATTEMPTS)) d.createObjectStore(ATTEMPTS, { keyPath: 'key' }).createIndex('assignmentId', 'assignmentId');
      if (!d.objectStoreNames.contains(CLASSES)) d.createObjectStore(CLASSES, { keyPath: 'className' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = undefined;
      reject(request.error ?? new Error('IndexedDB is not available'));
    };
  });
  return opening;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A stored assignment record has the shape the pages read; anything else is set aside. */
function isSavedAssignment(v: unknown): v is SavedAssignment {
  const a = isRecord(v) ? v.assignment : undefined;
  return isRecord(v) && isString(v.id) && isString(v.payload, 5_000_000) && isRecord(a) && isString(a.id) && isString(a.title) && isString(a.className) && isString(a.created) && Array.isArray(a.cases) && isRecord(a.settings);
}

/** A stored attempt has the shape the results page reads; anything else is set aside. */
function isStoredAttempt(v: unknown): v is StoredAttempt {
  const r = isRecord(v) ? v.record : undefined;
  const s = isRecord(v) ? v.student : undefined;
  return isRecord(v) && isString(v.key) && isRecord(s) && isString(s.name) && isString(s.number) && isRecord(r) && isString(r.id) && isString(r.caseId) && isString(r.startedAt) && isString(r.finishedAt) && isInt(r.number, 1, 999) && Array.isArray(r.steps) && isRecord(r.settings) && isRecord(r.pass) && isRecord(r.scores);
}

/** A stored record set aside because it was damaged: its key and the record as stored. */
export interface SetAside {
  store: 'assignments' | 'attempts';
  key: IDBValidKey;
  record: unknown;
}

/** Every record of a store (or of an index range), with its key, in one read. */
async function withKeys(source: IDBObjectStore | IDBIndex, query?: IDBValidKey): Promise<{ key: IDBValidKey; value: unknown }[]> {
  const out: { key: IDBValidKey; value: unknown }[] = [];
  const request = source.openCursor(query);
  await new Promise<void>((resolve, reject) => {
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      out.push({ key: cursor.primaryKey, value: cursor.value });
      cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
  return out;
}

/** The assignments stored here; a damaged record is left in storage, returned in `setAside`, and skipped. */
export async function listAssignments(): Promise<SavedAssignment[] & { setAside?: SetAside[] }> {
  const d = await db();
  const all = await withKeys(d.transaction(ASSIGNMENTS).objectStore(ASSIGNMENTS));
  const good = all.map((r) => r.value).filter(isSavedAssignment).sort((a, b) => b.assignment.created.localeCompare(a.assignment.created));
  const setAside = all.filter((r) => !isSavedAssignment(r.value)).map((r) => ({ store: ASSIGNMENTS, key: r.key, record: r.value }) as const);
  return Object.assign(good, setAside.length ? { setAside } : {});
}

/** Records set aside, to download as they were stored (as JSON) and to discard when their notice is dismissed. */
export function keptRecords(list: readonly SetAside[]): Kept[] {
  return list.map((s) => ({
    id: `${s.store}:${String(s.key)}`,
    fileName: keptFileName(`${s.store === ASSIGNMENTS ? 'assignment' : 'attempt'}-${String(s.key)}`),
    text: JSON.stringify(s.record, null, 2) ?? String(s.record),
    discard: () => discardSetAside(s),
  }));
}

/** Removes a record that was set aside (the teacher has dismissed its notice). */
export async function discardSetAside(s: SetAside): Promise<void> {
  const d = await db();
  const tx = d.transaction(s.store, 'readwrite');
  tx.objectStore(s.store).delete(s.key);
  await done(tx);
}

export async function getAssignment(id: string): Promise<SavedAssignment | undefined> {
  const d = await db();
  const v = await result(d.transaction(ASSIGNMENTS).objectStore(ASSIGNMENTS).get(id) as IDBRequest<unknown>);
  return isSavedAssignment(v) ? v : undefined;
}

export async function saveAssignment(saved: SavedAssignment): Promise<void> {
  const d = await db();
  const tx = d.transaction(ASSIGNMENTS, 'readwrite');
  // A plain copy: reactive proxies cannot be stored.
  tx.objectStore(ASSIGNMENTS).put(JSON.parse(JSON.stringify(saved)));
  await done(tx);
}

/** The attempts stored for an assignment; damaged records are skipped and returned in `setAside`. */
export async function attemptsFor(assignmentId: string): Promise<StoredAttempt[] & { setAside?: SetAside[] }> {
  const d = await db();
  const all = await withKeys(d.transaction(ATTEMPTS).objectStore(ATTEMPTS).index('assignmentId'), assignmentId);
  const good = all.map((r) => r.value).filter(isStoredAttempt);
  const setAside = all.filter((r) => !isStoredAttempt(r.value)).map((r) => ({ store: ATTEMPTS, key: r.key, record: r.value }) as const);
  return Object.assign(good, setAside.length ? { setAside } : {});
}

/** Adds the attempts not stored yet, in one transaction; returns how many were new and how many known. */
export async function addAttempts(incoming: StoredAttempt[]): Promise<{ added: number; duplicates: number }> {
  const d = await db();
  const tx = d.transaction(ATTEMPTS, 'readwrite');
  const store = tx.objectStore(ATTEMPTS);
  const known = new Set<string>();
  await Promise.all(
    incoming.map(async (a) => {
      if ((await result(store.count(a.key))) > 0) known.add(a.key);
    }),
  );
  const { added, duplicates } = newAttempts(known, incoming);
  for (const a of added) store.add(JSON.parse(JSON.stringify(a)));
  await done(tx);
  return { added: added.length, duplicates };
}

/** Removes an assignment's results (and the assignment itself with `withAssignment`). */
export async function clearResults(assignmentId: string, withAssignment = false): Promise<void> {
  const d = await db();
  const tx = d.transaction([ATTEMPTS, ASSIGNMENTS], 'readwrite');
  const index = tx.objectStore(ATTEMPTS).index('assignmentId');
  const keys = await result(index.getAllKeys(assignmentId));
  for (const key of keys) tx.objectStore(ATTEMPTS).delete(key);
  if (withAssignment) tx.objectStore(ASSIGNMENTS).delete(assignmentId);
  await done(tx);
}

export async function getClassList(className: string): Promise<ClassList | undefined> {
  const d = await db();
  return result(d.transaction(CLASSES).objectStore(CLASSES).get(className) as IDBRequest<ClassList | undefined>);
}

export async function listClassLists(): Promise<ClassList[]> {
  const d = await db();
  return result(d.transaction(CLASSES).objectStore(CLASSES).getAll() as IDBRequest<ClassList[]>);
}

export async function saveClassList(list: ClassList): Promise<void> {
  const d = await db();
  const tx = d.transaction(CLASSES, 'readwrite');
  tx.objectStore(CLASSES).put(JSON.parse(JSON.stringify(list)));
  await done(tx);
}

export async function allAttempts(): Promise<StoredAttempt[]> {
  const d = await db();
  return result(d.transaction(ATTEMPTS).objectStore(ATTEMPTS).getAll() as IDBRequest<StoredAttempt[]>);
}

/** Adds an assignment only when its id is not stored yet: a restore never replaces. */
export async function addAssignmentIfNew(saved: SavedAssignment): Promise<boolean> {
  if (await getAssignment(saved.id)) return false;
  await saveAssignment(saved);
  return true;
}

/** Asks the browser to keep this data; false when it refuses, undefined when it cannot say. */
export async function askToPersist(): Promise<boolean | undefined> {
  try {
    if (!navigator.storage?.persist) return undefined;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return undefined;
  }
}
