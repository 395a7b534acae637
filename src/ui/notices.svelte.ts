/**
 * Messages about the learner's saved data that the page must not swallow: a history or settings that
 * could not be read and were reset, records set aside because they were damaged. Any module may add
 * one; the page frame shows them until dismissed. A notice about set-aside records carries them
 * (`kept`), to download; dismissing it discards them.
 */
import type { MessageKey, Vars } from './i18n.ts';
import { keptCopies, type Kept } from './kept.ts';
import { STORAGE_PREFIX } from './storage.ts';

export interface Notice {
  id: number;
  key: MessageKey;
  vars?: Vars;
  kept?: Kept[];
}

/**
 * Notices about a record copied aside in localStorage (see `kept.ts`), and which copies they are
 * about: those copies are attached to the notice when it is added, wherever it is added from.
 */
const COPIES: Partial<Record<MessageKey, RegExp>> = {
  'studio.draftUnreadable': new RegExp(`^${STORAGE_PREFIX}studio:draft:`),
  'history.unreadable': new RegExp(`^${STORAGE_PREFIX}history:`),
  'history.partly': new RegExp(`^${STORAGE_PREFIX}history:`),
};

let next = 1;
export const notices = $state<{ list: Notice[] }>({ list: [] });

const attached = () => new Set(notices.list.flatMap((n) => (n.kept ?? []).map((k) => k.id)));

export function pushNotice(key: MessageKey, vars?: Vars, kept: Kept[] = []): void {
  const pattern = COPIES[key];
  const has = attached();
  const all = [...kept, ...(pattern ? keptCopies(pattern) : [])].filter((k) => !has.has(k.id));
  // The same problem found twice (e.g. the library read again) is said once, with anything new it kept.
  const same = notices.list.find((n) => n.key === key && JSON.stringify(n.vars) === JSON.stringify(vars));
  if (same) {
    if (all.length) same.kept = [...(same.kept ?? []), ...all];
  } else notices.list.push({ id: next++, key, ...(vars ? { vars } : {}), ...(all.length ? { kept: all } : {}) });
}

/** Copies kept from an earlier visit, still not dismissed: said again, each with its download. */
export function noticeKeptCopies(): void {
  const copies = keptCopies().filter((k) => !attached().has(k.id));
  if (copies.length) pushNotice('kept.copies', { n: copies.length }, copies);
}

export async function dismissNotice(id: number): Promise<void> {
  const notice = notices.list.find((n) => n.id === id);
  // The notice goes once what it set aside is deleted, so a reload right after cannot bring it back.
  for (const k of notice?.kept ?? []) await k.discard?.();
  notices.list = notices.list.filter((n) => n.id !== id);
}
