/**
 * Messages about the learner's saved data that the page must not swallow: a history or settings that
 * could not be read and were reset. Any module may add one; the page frame shows them until dismissed.
 */
import type { MessageKey, Vars } from './i18n.ts';

export interface Notice {
  id: number;
  key: MessageKey;
  vars?: Vars;
}

let next = 1;
export const notices = $state<{ list: Notice[] }>({ list: [] });

export function pushNotice(key: MessageKey, vars?: Vars): void {
  // The same problem found twice (e.g. the library read again) is said once.
  const same = notices.list.some((n) => n.key === key && JSON.stringify(n.vars) === JSON.stringify(vars));
  if (!same) notices.list.push({ id: next++, key, ...(vars ? { vars } : {}) });
}

export function dismissNotice(id: number): void {
  notices.list = notices.list.filter((n) => n.id !== id);
}
