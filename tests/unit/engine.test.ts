import { afterEach, assert, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { choose, complianceOf, moodOf, offeredReplies, realPath, replay, resultOf, startAttempt, transcript } from '../../src/engine/conversation.ts';
import { conversationMachine, restoreConversation, saveConversation } from '../../src/engine/machine.ts';
import { explore } from '../../src/engine/explore.ts';
import { fixtureCase } from './helpers.ts';

const c = fixtureCase();

function play(replies: string[]) {
  const a = replay(c, replies);
  if (!a) throw new Error(`path does not fit: ${replies.join(' → ')}`);
  return a;
}

describe('scoring', () => {
  it('clamps satisfaction to 0–100 and derives the mood from it', () => {
    expect(moodOf(0)).toBe('furious');
    expect(moodOf(39)).toBe('upset');
    expect(moodOf(59)).toBe('neutral');
    expect(moodOf(60)).toBe('pleased');
    expect(moodOf(100)).toBe('delighted');
    const a = play(['opening.3']); // 40 - 20
    expect(a.satisfaction).toBe(20);
  });

  it('scores the real path: resolved, passing, compliance 100', () => {
    const a = play(['opening.1', 'photo.1']);
    const r = resultOf(c, a);
    expect(r.ending).toBe('refunded');
    expect(r.satisfaction).toBe(80);
    expect(r.compliance).toBe(100);
    expect(r.passed).toBe(true);
    expect(r.followedRealPath).toBe(true);
    expect(r.refund).toEqual({ amount: 2000, currency: 'USD' });
  });

  it('fails a happy customer when a critical rule is broken', () => {
    const r = resultOf(c, play(['opening.2']));
    expect(r.satisfaction).toBe(50);
    expect(r.compliance).toBe(50);
    expect(r.passed).toBe(false);
    expect(r.failedBecause).toContainEqual({ kind: 'critical', rules: ['P-OFFPLATFORM'] });
    expect(r.violations).toEqual([{ rule: 'P-OFFPLATFORM', severity: 'critical', turn: 1, node: 'opening', reply: 'opening.2' }]);
  });

  it('subtracts penalties by severity and never goes below zero', () => {
    expect(complianceOf(c, [{ severity: 'major' }])).toBe(80);
    expect(complianceOf(c, [{ severity: 'minor' }, { severity: 'major' }])).toBe(70);
    expect(complianceOf(c, Array(9).fill({ severity: 'critical' }))).toBe(0);
  });
});

describe('conditions and reactions', () => {
  it('offers a reply only while its flag is set', () => {
    const viaPhoto = play(['opening.1']);
    expect(offeredReplies(c, viaPhoto).map((r) => r.id)).toEqual(['photo.1', 'photo.2']);
    const withoutFlag = { ...viaPhoto, flags: [] };
    expect(offeredReplies(c, withoutFlag).map((r) => r.id)).toEqual(['photo.2']);
  });

  it('sends a buyer who is angry enough straight to escalation', () => {
    // 40 - 20 = 20 is not below 20: the buyer stays at `angry`.
    expect(play(['opening.3']).at).toBe('angry');
    // 40 + 15 - 30 = 25: still talking.
    expect(play(['opening.1', 'photo.2']).at).toBe('angry');
    const lower = { ...c, startSatisfaction: 30 };
    const a = replay(lower, ['opening.3'])!; // 30 - 20 = 10 < 20
    expect(a.at).toBe('escalated');
    expect(a.ended).toBe(true);
    expect(a.path[0]?.redirectedVia).toEqual(['angry']);
  });

  it('refuses a reply that is not offered', () => {
    expect(choose(c, startAttempt(c), 'photo.1')).toBeUndefined();
    expect(replay(c, ['opening.1', 'nonsense'])).toBeUndefined();
  });
});

describe('paths', () => {
  it('follows the real seller’s markers', () => {
    expect(realPath(c)).toEqual([
      { node: 'opening', reply: 'opening.1' },
      { node: 'photo', reply: 'photo.1' },
    ]);
  });

  it('finds a passing path and no stuck state', () => {
    const e = explore(c);
    assert.isDefined(e.passing, 'a passing path was found');
    expect(resultOf(c, play(e.passing)).passed).toBe(true);
    expect(e.stuck.size).toBe(0);
  });

  it('keeps simulated times in order, filling gaps the author left', () => {
    const a = play(['opening.1', 'photo.1']);
    expect(a.path[0]?.nodeTime).toBe('2024-03-05T10:00:00');
    expect(a.path[0]?.replyTime).toBe('2024-03-05T10:30:00');
    expect(a.path[1]?.nodeTime).toBe('2024-03-05T10:50:00');
    expect(a.path[1]?.replyTime).toBe('2024-03-05T10:55:00');
    const items = transcript(c, a);
    expect(items.map((i) => i.kind)).toEqual(['customer', 'seller', 'customer', 'seller', 'customer']);
    const times = items.map((i) => i.time!);
    expect([...times].sort()).toEqual(times);
  });
});

describe('the conversation machine', () => {
  const settings = { typingMs: 0, feedback: 'immediate' as const };

  it('goes typing → awaiting → feedback → next turn → ended', () => {
    const actor = createActor(conversationMachine, { input: { case: c, settings: { ...settings, typingMs: 60_000 } } }).start();
    expect(actor.getSnapshot().value).toBe('customerTyping');
    actor.send({ type: 'TYPED' });
    expect(actor.getSnapshot().value).toBe('awaitingReply');
    actor.send({ type: 'CHOOSE', reply: 'photo.1' }); // not offered here: ignored
    expect(actor.getSnapshot().value).toBe('awaitingReply');
    actor.send({ type: 'CHOOSE', reply: 'opening.1' });
    expect(actor.getSnapshot().value).toBe('showingFeedback');
    expect(actor.getSnapshot().context.lastStep?.delta).toBe(15);
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'TYPED' });
    actor.send({ type: 'CHOOSE', reply: 'photo.1' });
    actor.send({ type: 'CONTINUE' });
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('ended');
    expect(snap.context.result?.passed).toBe(true);
    actor.send({ type: 'RESTART' });
    expect(actor.getSnapshot().context.attempt.path).toEqual([]);
    actor.stop();
  });

  it('skips feedback in deferred mode', () => {
    const actor = createActor(conversationMachine, { input: { case: c, settings: { ...settings, feedback: 'deferred' } } }).start();
    actor.send({ type: 'CHOOSE', reply: 'opening.1' });
    expect(actor.getSnapshot().value).toBe('awaitingReply');
    actor.stop();
  });

  it('saves mid-case and restores exactly where it was', () => {
    const actor = createActor(conversationMachine, { input: { case: c, settings } }).start();
    actor.send({ type: 'CHOOSE', reply: 'opening.1' });
    const saved = JSON.parse(JSON.stringify(saveConversation(actor.getSnapshot())));
    actor.stop();
    expect(saved.replies).toEqual(['opening.1']);
    const restored = restoreConversation(c, saved);
    if (!('input' in restored)) throw new Error(restored.problem);
    const again = createActor(conversationMachine, { input: restored.input }).start();
    expect(again.getSnapshot().value).toBe('showingFeedback');
    expect(again.getSnapshot().context.attempt.satisfaction).toBe(55);
    again.send({ type: 'CONTINUE' });
    expect(again.getSnapshot().value).toBe('awaitingReply');
    expect(again.getSnapshot().context.attempt.at).toBe('photo');
    again.stop();
  });

  describe('the typing pause', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('ends by itself after the set time, and a skipped pause does not shorten the next one', () => {
      vi.useFakeTimers();
      const actor = createActor(conversationMachine, { input: { case: c, settings: { typingMs: 1000, feedback: 'immediate' } } }).start();
      vi.advanceTimersByTime(999);
      expect(actor.getSnapshot().value).toBe('customerTyping');
      vi.advanceTimersByTime(1);
      expect(actor.getSnapshot().value).toBe('awaitingReply');
      actor.send({ type: 'CHOOSE', reply: 'opening.1' });
      actor.send({ type: 'CONTINUE' });
      vi.advanceTimersByTime(400);
      actor.send({ type: 'TYPED' }); // skipped after 400 ms
      actor.send({ type: 'RESTART' });
      vi.advanceTimersByTime(999); // the skipped pause's timer would have fired at 600 ms
      expect(actor.getSnapshot().value).toBe('customerTyping');
      vi.advanceTimersByTime(1);
      expect(actor.getSnapshot().value).toBe('awaitingReply');
      actor.stop();
    });

    it('starts again when a save made while the customer was typing is restored, and stops with the actor', () => {
      vi.useFakeTimers();
      const restored = restoreConversation(c, { format: 1, caseId: c.id, caseVersion: c.version, replies: [], state: 'customerTyping', settings: { typingMs: 500 } });
      if (!('input' in restored)) throw new Error(restored.problem);
      const actor = createActor(conversationMachine, restored).start();
      expect(actor.getSnapshot().value).toBe('customerTyping');
      expect(vi.getTimerCount()).toBe(1);
      actor.stop();
      expect(vi.getTimerCount()).toBe(0);
    });

    it('is never set when typing is off or the next node has no customer message', () => {
      vi.useFakeTimers();
      const actor = createActor(conversationMachine, { input: { case: c, settings: { typingMs: 0 } } }).start();
      expect(actor.getSnapshot().value).toBe('awaitingReply');
      expect(vi.getTimerCount()).toBe(0);
      actor.stop();
    });
  });

  it('refuses saved data that is corrupted or made for another version of the case', () => {
    expect(restoreConversation(c, null)).toEqual({ problem: 'unreadable' });
    expect(restoreConversation(c, { format: 1, replies: 'x' })).toEqual({ problem: 'unreadable' });
    const base = { format: 1, caseId: c.id, caseVersion: c.version, replies: ['opening.1'], state: 'awaitingReply', settings };
    expect(restoreConversation(c, { ...base, caseId: 'other' })).toEqual({ problem: 'other-case' });
    expect(restoreConversation(c, { ...base, caseVersion: '99' })).toEqual({ problem: 'case-changed' });
    expect(restoreConversation(c, { ...base, replies: ['opening.1', 'gone.7'] })).toEqual({ problem: 'does-not-fit' });
  });
});
