/** The adapter beyond playing: the attempt history, settings changed mid-case, the paths for the debrief. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversation, readSave, type Conversation } from '../../src/ui/conversation.svelte.ts';
import { saveKey, savedProgress } from '../../src/ui/saves.ts';
import { historyKey } from '../../src/ui/history.ts';
import { mugCase } from './fixtures.ts';

let open: Conversation[] = [];
const clock = () => new Date('2026-11-20T09:30:00Z');
function start(settings = {}) {
  const convo = createConversation(mugCase, { settings: { typingMs: 0, ...settings }, storage: localStorage, now: clock });
  open.push(convo);
  return convo;
}
function finish(convo: Conversation, replies = ['opening.1', 'photo.1']) {
  for (const r of replies) {
    convo.choose(r);
    if (convo.phase === 'showingFeedback') convo.continue();
  }
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  for (const c of open) c.stop();
  open = [];
});

describe('the attempt history', () => {
  it('records a finished attempt once, with its scores and how it was played', () => {
    const convo = start({ feedback: 'deferred', hints: true });
    finish(convo, ['opening.2', 'photo.1']);
    expect(convo.history).toHaveLength(1);
    expect(convo.history[0]).toMatchObject({
      finishedAt: '2026-11-20T09:30:00.000Z',
      caseVersion: '1',
      ending: 'end',
      result: 'resolved',
      passed: false,
      satisfaction: 75,
      compliance: 50,
      violations: ['P-OFFPLATFORM'],
      replies: ['opening.2', 'photo.1'],
      feedback: 'deferred',
      hints: true,
    });
    convo.stop();
    // Opening the finished attempt again (a reload on the debrief) does not record it twice.
    const again = start();
    expect(again.phase).toBe('ended');
    expect(again.history).toHaveLength(1);
  });

  it('starts a new attempt on restart and records it separately', () => {
    const convo = start();
    finish(convo);
    convo.restart();
    expect(convo.phase).toBe('awaitingReply');
    finish(convo, ['opening.2', 'photo.2']);
    expect(convo.history.map((e) => e.passed)).toEqual([true, false]);
    expect(new Set(convo.history.map((e) => e.id)).size).toBe(2);
  });

  it('reports a corrupted history and starts it afresh', () => {
    localStorage.setItem(historyKey(mugCase.id), 'not json');
    const convo = start();
    expect(convo.historyProblem).toBe('unreadable');
    expect(convo.history).toEqual([]);
    finish(convo);
    expect(convo.history).toHaveLength(1);
  });
});

describe('settings during an attempt', () => {
  it('switching to deferred feedback skips the feedback from the next reply on', () => {
    const convo = start();
    convo.updateSettings({ feedback: 'deferred' });
    convo.choose('opening.1');
    expect(convo.phase).toBe('awaitingReply');
    expect(convo.settings.feedback).toBe('deferred');
  });
});

describe('paths for the debrief', () => {
  it('scores the real seller’s path and finds the best one', () => {
    const convo = start();
    expect(convo.realResult).toMatchObject({ passed: true, followedRealPath: true });
    expect(convo.bestResult?.path.map((s) => s.reply)).toEqual(['opening.1', 'photo.1']);
  });
});

describe('the save', () => {
  it('carries the attempt id, so a reload continues the same attempt', () => {
    const convo = start();
    convo.choose('opening.1');
    const saved = localStorage.getItem(saveKey(mugCase.id));
    const id = JSON.parse(saved!).attemptId;
    expect(typeof id).toBe('string');
    expect(readSave(mugCase, saved).attemptId).toBe(id);
  });

  it('tells the library how far an unfinished attempt got, and nothing for a finished or broken one', () => {
    const convo = start();
    convo.choose('opening.1');
    expect(savedProgress(mugCase.id, localStorage)).toEqual({ turn: 1 });
    convo.continue();
    convo.choose('photo.1');
    convo.continue();
    expect(savedProgress(mugCase.id, localStorage)).toBeUndefined();
    localStorage.setItem(saveKey(mugCase.id), '{oops');
    expect(savedProgress(mugCase.id, localStorage)).toBeUndefined();
  });
});
