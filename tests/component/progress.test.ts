import { beforeEach, describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/assignment/types.ts';
import { createProgress } from '../../src/ui/assignment/progress.svelte.ts';
import { dismissNotice, notices } from '../../src/ui/notices.svelte.ts';
import { nth } from '../fixtures/present.ts';

const a: Assignment = {
  format: 1,
  id: 'week5abc0001',
  title: 'Week 5',
  className: 'Class 3',
  created: '2026-12-01T00:00:00Z',
  cases: [],
  settings: { feedback: 'immediate', hints: true, attempts: 0, showRealPath: true },
};
const key = `dispute-desk:assignment:${a.id}`;
const student = { name: 'Ann', number: '7' };
const bad = { caseId: 'x', steps: 5 };
const stored = () => JSON.parse(localStorage.getItem(key)!) as Record<string, unknown>;

beforeEach(() => {
  localStorage.clear();
  notices.list = [];
  localStorage.setItem(key, JSON.stringify({ format: 1, assignmentId: a.id, student, attempts: [bad], current: {} }));
});

describe('saved assignment work with a damaged attempt', () => {
  it('keeps the attempt, offered for download, until the notice is dismissed; then it is gone for good', async () => {
    const progress = createProgress(a, localStorage);
    expect(progress.value.damaged).toEqual([bad]);
    expect(notices.list.map((n) => [n.key, n.vars])).toEqual([['progress.damaged', { n: 1 }]]);
    const kept = nth(nth(notices.list, 0, 'the notice').kept ?? [], 0, 'the kept attempts');
    expect(JSON.parse(kept.text)).toEqual([bad]);
    expect(kept.discard).toBeTypeOf('function');
    // Other changes keep it.
    progress.setStudent(student);
    expect(stored().damaged).toEqual([bad]);

    await dismissNotice(nth(notices.list, 0, 'the notice').id);
    expect(progress.value.damaged).toBeUndefined();
    expect(stored()).not.toHaveProperty('damaged');
    expect(stored().student).toEqual(student);

    // The next visit finds nothing to say.
    createProgress(a, localStorage);
    expect(notices.list).toEqual([]);
  });

  it('dismissed after the student came back to the assignment, it is deleted from the work now in use', async () => {
    createProgress(a, localStorage);
    const again = createProgress(a, localStorage);
    expect(notices.list).toHaveLength(1);
    await dismissNotice(nth(notices.list, 0, 'the notice').id);
    expect(again.value.damaged).toBeUndefined();
    // The store in use writes next, and does not bring the attempt back.
    again.setStudent({ name: 'Ann Li', number: '7' });
    expect(stored()).not.toHaveProperty('damaged');
  });

  it('saved work that is not JSON at all is kept aside whole, with its download, until dismissed', async () => {
    localStorage.setItem(key, '{"format":1,');
    const progress = createProgress(a, localStorage);
    expect(progress.value.attempts).toEqual([]);
    const notice = notices.list.find((n) => n.key === 'progress.unreadable');
    if (!notice) throw new Error('no notice of the unreadable work');
    const kept = nth(notice.kept ?? [], 0, 'the kept work');
    expect(kept.text).toBe('{"format":1,');
    expect(kept.fileName).toMatch(new RegExp(`^damaged-save-assignment-${a.id}-\\d{4}-\\d{2}-\\d{2}\\.txt$`));
    await dismissNotice(notice.id);
    expect(localStorage.getItem(kept.id)).toBeNull();
  });
});
