/**
 * The SCORM package with the LMS as the record, against scorm-again as the LMS (1.2 and 2004): two
 * learners on one computer each see only their own work, and a learner resumes on a fresh browser
 * from nothing but the CMI data the LMS stored. The package is the built site plus the launch page.
 */
import { expect, test, type BrowserContext, type FrameLocator } from '@playwright/test';
import { assignCase, encodeAssignment } from '../../src/assignment/assignment.ts';
import { decodeResultCode, encodeResultCode, makeInProgressRecord, makeResultFile } from '../../src/assignment/result-file.ts';
import { LAUNCH_FILE, launchPage, type ScormVersion } from '../../src/assignment/scorm.ts';
import type { Assignment } from '../../src/assignment/types.ts';
import { loadCase } from '../unit/helpers.ts';
import { REAL_PATH, SEED } from './helpers.ts';
import { builtSite, learner, openLms, type Cmi } from './lms.ts';

test.use({ locale: 'en-US' });

const assignment: Assignment = {
  format: 1,
  id: 'lmsrecord001',
  className: 'LMS class',
  title: 'Price drop',
  created: '2026-12-01T00:00:00Z',
  settings: { feedback: 'immediate', hints: true, attempts: 2, showRealPath: true },
  cases: [assignCase(loadCase('scenarios', `${SEED}.md`))],
};

/** The package: the built site plus the launch page for `version`. */
const launch = (context: BrowserContext, version: ScormVersion, cmi: Cmi) =>
  openLms(context, version, cmi, builtSite({ [LAUNCH_FILE]: launchPage(version, encodeAssignment(assignment), assignment.title) }));

async function play(course: FrameLocator, replies: readonly string[]) {
  for (const reply of replies) {
    await course.getByRole('button', { name: reply }).click();
    await course.getByRole('button', { name: 'Continue', exact: true }).click();
  }
}


/** The learner's work as the LMS holds it. */
const suspended = (cmi: Cmi) => decodeResultCode(cmi.suspend_data);

for (const version of ['1.2', '2004'] as const) {
  test(`SCORM ${version}: two learners one after the other on one computer see only their own work`, async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-US' });
    const zhang = await launch(context, version, learner(version, 'S-001', 'Zhang, San'));
    await expect(zhang.course.getByText('San Zhang (S-001)')).toBeVisible();
    await zhang.course.getByRole('button', { name: 'Start', exact: true }).click();
    await play(zhang.course, REAL_PATH.slice(0, 2));
    // Zhang's work went to the LMS: the replies so far, where he is, and "not finished".
    await expect.poll(() => {
      const r = zhang.commits.length ? suspended(zhang.commits.at(-1)!) : undefined;
      return r && 'file' in r ? r.file.inProgress?.[0]?.steps.map((s) => s.reply) : [];
    }).toEqual(['dispute-opened.1', 'price-check.1']);
    const stored = zhang.commits.at(-1)!;
    expect(version === '1.2' ? stored.core.lesson_location : stored.location).toBe(SEED);
    expect(version === '1.2' ? stored.core.lesson_status : stored.completion_status).toBe('incomplete');
    expect(version === '1.2' ? stored.core.exit : stored.exit).toBe('suspend');
    // …and none of it into this browser's storage.
    expect(await zhang.page.frames()[1]?.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('assignment')))).toEqual([]);
    await zhang.page.close();

    // Li, in the same browser: nothing of Zhang's is shown or sent.
    const li = await launch(context, version, learner(version, 'S-002', 'Li, Na'));
    await expect(li.course.getByText('Na Li (S-002)')).toBeVisible();
    await expect(li.course.getByTestId(`case-${SEED}`)).toContainText('Not started');
    await expect.poll(() => li.commits.length).toBeGreaterThan(0);
    const first = li.commits.at(-1)!;
    const read = suspended(first);
    expect('file' in read && read.file.student.number).toBe('S-002');
    expect('file' in read && [read.file.attempts, read.file.inProgress]).toEqual([[], undefined]);
    expect(version === '1.2' ? first.core.score.raw : first.score.raw).toBe('0');
    await context.close();
  });

  test(`SCORM ${version}: a learner goes on from the LMS's data alone on a fresh browser, and the LMS gets one item per decision point`, async ({ browser }) => {
    // What the LMS stored after two replies on another computer (as the test above sees it sent).
    const c = loadCase('scenarios', `${SEED}.md`);
    const started = '2026-12-02T01:00:00Z';
    const steps = [
      { node: 'dispute-opened', reply: 'dispute-opened.1', at: '2026-12-02T01:00:30Z' },
      { node: 'price-check', reply: 'price-check.1', at: '2026-12-02T01:01:10Z' },
    ];
    const student = { name: 'San Zhang', number: 'S-001' };
    const code = encodeResultCode(makeResultFile(assignment, student, [], started, [makeInProgressRecord(assignment, student, c.id, { number: 1, startedAt: started, steps })]));
    const cmi = version === '1.2'
      ? { core: { student_id: 'S-001', student_name: 'Zhang, San', lesson_location: SEED, score: { raw: '0' } }, suspend_data: code }
      : { learner_id: 'S-001', learner_name: 'Zhang, San', location: SEED, suspend_data: code, score: { raw: '0' } };
    const context = await browser.newContext({ locale: 'en-US' });
    const lms = await launch(context, version, cmi);
    // Straight back into the case, at the third reply.
    await play(lms.course, REAL_PATH.slice(2));
    await expect(lms.course.getByTestId('verdict')).toHaveText(/Passed/);
    await expect.poll(() => (version === '1.2' ? lms.commits.at(-1)?.core.lesson_status : lms.commits.at(-1)?.success_status)).toBe('passed');
    const done = lms.commits.at(-1)!;
    expect(version === '1.2' ? done.core.score.raw : done.score.raw).toBe(String(Math.round((83 + 100) / 2)));
    expect(version === '1.2' ? done.core.exit : done.exit).toBe(version === '1.2' ? '' : 'normal');
    const read = suspended(done);
    expect('file' in read && read.file.attempts.map((a) => a.steps.length)).toEqual([5]);
    // One interaction per decision point, named by case and node only: the same for every learner.
    const items = Object.values(done.interactions) as Cmi[];
    expect(items.map((i) => i.id)).toEqual(['dispute-opened', 'price-check', 'unfair', 'understands', 'confirm-8'].map((n) => `${SEED}.${n}`));
    expect(items[0]).toMatchObject({ type: 'choice', result: 'correct', [version === '1.2' ? 'student_response' : 'learner_response']: 'dispute-opened.1' });
    expect(items[0]?.correct_responses['0']?.pattern).toBe('dispute-opened.1');
    if (version === '2004') expect(items[0]?.description).toMatch(/→ dispute-opened\.1: We feel so sorry/);
    const objective = Object.values(done.objectives)[0] as Cmi;
    expect(objective).toMatchObject({ id: SEED, [version === '1.2' ? 'status' : 'success_status']: 'passed' });
    await context.close();
  });
}
