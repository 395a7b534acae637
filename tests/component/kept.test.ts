import { beforeEach, describe, expect, it } from 'vitest';
import { keepCopy, keptFileName } from '../../src/ui/kept.ts';
import { dismissNotice, noticeKeptCopies, notices, pushNotice } from '../../src/ui/notices.svelte.ts';
import { nth } from '../fixtures/present.ts';

beforeEach(() => {
  localStorage.clear();
  notices.list = [];
});

describe('records set aside', () => {
  it('are named for what they were and the day they were kept', () => {
    expect(keptFileName('save-studio:draft', new Date('2026-12-05T10:00:00Z'))).toBe('damaged-save-studio-draft-2026-12-05.txt');
    expect(keptFileName('../../etc', new Date('2026-12-05T10:00:00Z'))).toBe('damaged-etc-2026-12-05.txt');
  });

  it('go with the notice that speaks of them, once, and are removed only when it is dismissed', async () => {
    const keptAs = keepCopy(localStorage, 'dispute-desk:studio:draft', '{not json', Date.parse('2026-12-05T10:00:00Z'))!;
    pushNotice('studio.draftUnreadable');
    pushNotice('studio.draftUnreadable');
    expect(notices.list).toHaveLength(1);
    expect(nth(notices.list, 0, 'the notice').kept?.map((k) => [k.fileName, k.text])).toEqual([['damaged-save-studio-draft-2026-12-05.txt', '{not json']]);
    // Already offered: not offered again by the look for earlier copies.
    noticeKeptCopies();
    expect(notices.list).toHaveLength(1);
    expect(localStorage.getItem(keptAs)).toBe('{not json');
    await dismissNotice(nth(notices.list, 0).id);
    expect(localStorage.getItem(keptAs)).toBeNull();
  });

  it('kept on an earlier visit are said again, with their downloads', () => {
    keepCopy(localStorage, 'dispute-desk:history:mug', '[1,', 1);
    keepCopy(localStorage, 'dispute-desk:assignment:a1', '{', 2);
    localStorage.setItem('another-site:x:unreadable:3', 'not ours');
    noticeKeptCopies();
    expect(notices.list.map((n) => [n.key, n.vars, n.kept?.map((k) => k.text)])).toEqual([['kept.copies', { n: 2 }, ['{', '[1,']]]);
  });
});
