/**
 * The browser storage the player keeps its saves, history and settings in, reached safely.
 *
 * Storage may be missing, full or blocked (private mode, a sandboxed iframe in an LMS): every call
 * here fails quietly, because playing matters more than remembering.
 */

export const STORAGE_PREFIX = 'dispute-desk:';

export function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readItem(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeItem(storage: Storage | null, key: string, value: string): boolean {
  try {
    if (!storage) return false;
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeItem(storage: Storage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    /* nothing to do: the item stays, and is checked again when read */
  }
}

/** JSON from storage; `undefined` when absent, `{ corrupt: true }` when it is not JSON. */
export function readJson(storage: Storage | null, key: string): { value?: unknown; corrupt?: true } {
  const raw = readItem(storage, key);
  if (raw === null) return {};
  try {
    return { value: JSON.parse(raw) };
  } catch {
    return { corrupt: true };
  }
}
