/** Grading with a class: class lists, plausibility notes, rows for every student, backups, pasted links. */
import { describe, expect, it } from 'vitest';
import { makeBackup, readBackup } from '../../src/assignment/backup.ts';
import { attemptsOf } from '../../src/assignment/dedupe.ts';
import { parseClassList } from '../../src/assignment/roster.ts';
import { buildTable, plausibility } from '../../src/assignment/summary.ts';
import type { Assignment } from '../../src/assignment/types.ts';
import { trimPasted } from '../../src/ui/trim-pasted.ts';
import { encodeAssignment } from '../../src/assignment/assignment.ts';
import { assignmentOf, c, cases, resultFile } from './fixtures/results.ts';
import { get, nth } from '../fixtures/present.ts';

const assignment = assignmentOf({ settings: { attempts: 2 } });
const file = (name: string, number: string, attempts: number, start?: string) => resultFile(assignment, { name, number }, attempts, start);

describe('class lists', () => {
  it('read a paste from a spreadsheet, a CSV with a header, semicolons, quotes and either column order', () => {
    expect(parseClassList('02023001\t张三\n02023002\t李四\n')).toEqual({ students: [{ number: '02023001', name: '张三' }, { number: '02023002', name: '李四' }], skipped: [] });
    expect(parseClassList('\uFEFF姓名,学号\r\n"Wang, Wu",="2023003"\r\n赵六,2023004\r\n,\r\n孙七,\r\n')).toEqual({
      students: [{ number: '2023003', name: 'Wang, Wu' }, { number: '2023004', name: '赵六' }],
      skipped: [5],
    });
    expect(parseClassList('学号;姓名\n2023005;钱八').students).toEqual([{ number: '2023005', name: '钱八' }]);
    expect(parseClassList('nothing here').students).toEqual([]);
  });
});

describe('the class table', () => {
  it('lists everyone on the class list, matches by number, and flags a different name or a stranger', () => {
    const stored = [...attemptsOf(file('张三', '２０２３００１', 1), 'a', 'now'), ...attemptsOf(file('Li Si', '2023002', 1), 'b', 'now'), ...attemptsOf(file('X', '9999', 1), 'c', 'now')];
    const rows = buildTable(assignment, stored, cases, [
      { number: '2023001', name: '张三' },
      { number: '2023002', name: '李四' },
      { number: '2023003', name: '王五' },
    ]);
    expect(rows.map((r) => [r.number, r.name, r.handedIn, r.flags])).toEqual([
      ['9999', 'X', true, ['not-on-list']],
      ['2023001', '张三', true, []],
      ['2023002', '李四', true, ['name-mismatch']],
      ['2023003', '王五', false, []],
    ]);
    expect(rows[2]?.names).toEqual(['Li Si']);
  });

  it('shows attempts past the limit without counting them, and flags one number under two names', () => {
    const rows = buildTable(assignment, [...attemptsOf(file('张三', '2023001', 3), 'a', 'now'), ...attemptsOf(file('王五', '2023001', 1, '2026-11-22T02:00:00Z'), 'b', 'now')], cases);
    const cell = get(nth(rows, 0).cells, c.id);
    expect(cell.attempts.map((a) => a.flags.includes('over-limit'))).toEqual([false, false, true, true]);
    expect(cell.best?.stored.record.number).toBe(2);
    expect(rows[0]?.flags).toEqual(['number-shared']);
  });

  it('points out attempts too quick or too long, and times out of order', () => {
    const times = (startedAt: string, steps: string[], finishedAt: string) => ({ startedAt, finishedAt, steps: steps.map((at) => ({ at })) });
    expect(plausibility(times('2026-01-01T00:00:00Z', ['2026-01-01T00:00:02Z', '2026-01-01T00:00:04Z'], '2026-01-01T00:00:05Z'))).toEqual(['too-quick']);
    expect(plausibility(times('2026-01-01T00:00:00Z', ['2026-01-01T00:01:00Z'], '2026-01-01T05:00:00Z'))).toEqual(['too-slow']);
    expect(plausibility(times('2026-01-01T00:10:00Z', ['2026-01-01T00:20:00Z'], '2026-01-01T00:05:00Z'))).toEqual(['time-order']);
    expect(plausibility(times('2026-01-01T00:00:00Z', ['2026-01-01T00:01:00Z'], '2026-01-01T00:02:00Z'))).toEqual([]);
  });

  it('keeps each version’s results apart and gives a student their own link’s extra attempt', () => {
    const v2: Assignment = { ...assignment, id: 'asg2', series: 'asg1', revision: 2, settings: { ...assignment.settings, attempts: 3 }, for: { name: '张三', number: '2023001' } };
    const three = file('张三', '2023001', 3);
    const stored = attemptsOf(three, 'a', 'now').map((a, i) => (i === 2 ? { ...a, assignmentId: 'asg2' } : a));
    const versions = new Map([[assignment.id, assignment], [v2.id, v2]]);
    const rows = buildTable(assignment, [...stored, ...attemptsOf(file('李四', '2023002', 3), 'b', 'now')], cases, [], versions);
    expect(rows[0]?.cells[c.id]?.attempts.map((a) => a.flags.includes('over-limit'))).toEqual([false, false, false]);
    expect(rows[1]?.cells[c.id]?.attempts.map((a) => a.flags.includes('over-limit'))).toEqual([false, false, true]);
    // Li using Zhang's own link: shown, not counted.
    const borrowed = attemptsOf(file('李四', '2023002', 1, '2026-11-25T02:00:00Z'), 'c', 'now').map((a) => ({ ...a, assignmentId: 'asg2' }));
    const withBorrowed = buildTable(assignment, borrowed, cases, [], versions);
    expect(withBorrowed[0]?.cells[c.id]).toMatchObject({ best: undefined, flags: expect.arrayContaining(['other-student']) });
  });
});

describe('backups', () => {
  it('round-trip assignments, class lists and attempts, and leave damaged parts out', () => {
    const attempts = attemptsOf(file('张三', '2023001', 1), 'a.json', '2026-11-21T03:00:00Z');
    const text = makeBackup({
      savedAt: '2026-11-22T00:00:00Z',
      assignments: [{ id: assignment.id, assignment, payload: encodeAssignment(assignment), savedAt: '2026-11-20T00:00:00Z' }],
      classes: [{ className: '2班', students: [{ number: '02023001', name: '张三' }], savedAt: '2026-11-20T00:00:00Z' }],
      attempts,
    });
    expect(readBackup(text)).toEqual({ backup: { assignments: [expect.objectContaining({ assignment })], classes: [expect.objectContaining({ className: '2班' })], attempts }, damaged: 0 });
    const damaged = JSON.parse(text);
    damaged.attempts[0].record.steps = 'x';
    damaged.assignments.push({ payload: 'DDA2.broken' });
    expect(readBackup(JSON.stringify(damaged))).toMatchObject({ backup: { attempts: [], assignments: [{ id: 'asg1' }] }, damaged: 2 });
    expect(readBackup('{"format":"other"}')).toEqual({ problem: 'foreign' });
    expect(readBackup('{')).toEqual({ problem: 'json' });
  });
});

describe('pasted links', () => {
  it('lose the punctuation and spaces a chat put after them, typed or percent-encoded', () => {
    for (const tail of ['。', '）', '，', ' ', '%E3%80%82', '%EF%BC%89%20', '.', ')', '%20%20'])
      expect(trimPasted(`/a/DDA2.abc-_${tail}`)).toBe('/a/DDA2.abc-_');
    expect(trimPasted('/case/x')).toBe('/case/x');
  });
});
