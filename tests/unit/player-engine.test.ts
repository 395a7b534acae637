/** What the player needs from the engine beyond playing: the best path, and settings changed mid-attempt. */
import { assert, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { replay, resultOf } from '../../src/engine/conversation.ts';
import { conversationMachine, normaliseSettings, restoreConversation, saveConversation } from '../../src/engine/machine.ts';
import { allPaths, bestPath, byBest } from '../../src/engine/paths.ts';
import { fixtureCase, loadCase } from './helpers.ts';

const c = fixtureCase();

describe('the best path', () => {
  it('is a result no other complete path beats', () => {
    const best = bestPath(c)!;
    expect(best.passed).toBe(true);
    for (const r of allPaths(c).results) expect(byBest(r, best)).toBeGreaterThanOrEqual(0);
  });

  it('is the real seller’s path when nothing scores better', () => {
    const seed = loadCase('scenarios', 'aliexpress-price-drop.md');
    const best = bestPath(seed)!;
    // Another opening scores exactly the same; the real seller's wins the tie.
    expect(best.followedRealPath).toBe(true);
    expect(best.path.map((s) => s.reply)).toEqual([
      'dispute-opened.1',
      'price-check.1',
      'unfair.1',
      'understands.1',
      'confirm-8.1',
    ]);
  });

  it('prefers passing over a happier buyer, then compliance over satisfaction', () => {
    const results = allPaths(c).results;
    const failedHappy = results.filter((r) => !r.passed).sort((a, b) => b.satisfaction - a.satisfaction)[0];
    assert.isDefined(failedHappy, 'some path fails');
    const best = bestPath(c);
    assert.isDefined(best, 'some path is best');
    expect(byBest(best, failedHappy)).toBeLessThan(0);
    const a = { passed: true, compliance: 90, satisfaction: 100 };
    const b = { passed: true, compliance: 100, satisfaction: 60 };
    expect(byBest(a, b)).toBeGreaterThan(0);
  });

  it('is recomputable from its transcript', () => {
    const best = bestPath(c)!;
    const again = replay(c, best.path.map((s) => s.reply))!;
    expect(resultOf(c, again)).toEqual(best);
  });
});

describe('settings', () => {
  it('keeps only valid values from outside', () => {
    expect(normaliseSettings({ feedback: 'deferred', hints: true, typingMs: 300 })).toEqual({
      feedback: 'deferred',
      hints: true,
      typingMs: 300,
    });
    expect(normaliseSettings({ feedback: 'later', hints: 'yes', typingMs: -1 })).toEqual({});
    expect(normaliseSettings({ typingMs: 99_999 })).toEqual({ typingMs: 5000 });
    expect(normaliseSettings('garbage')).toEqual({});
  });

  it('change mid-attempt: deferred feedback applies from the next reply', () => {
    const actor = createActor(conversationMachine, { input: { case: c, settings: { typingMs: 0 } } }).start();
    expect(actor.getSnapshot().context.settings).toMatchObject({ feedback: 'immediate', hints: false });
    actor.send({ type: 'SETTINGS', settings: { feedback: 'deferred', hints: true } });
    actor.send({ type: 'CHOOSE', reply: 'opening.1' });
    expect(actor.getSnapshot().value).toBe('awaitingReply');
    actor.send({ type: 'SETTINGS', settings: { feedback: 'immediate' } });
    actor.send({ type: 'CHOOSE', reply: 'photo.1' });
    expect(actor.getSnapshot().value).toBe('showingFeedback');
    expect(actor.getSnapshot().context.settings.hints).toBe(true);
    actor.stop();
  });

  it('are saved with the attempt and restored', () => {
    const actor = createActor(conversationMachine, { input: { case: c, settings: { typingMs: 0, hints: true } } }).start();
    const saved = JSON.parse(JSON.stringify(saveConversation(actor.getSnapshot())));
    actor.stop();
    const restored = restoreConversation(c, saved);
    if (!('input' in restored)) throw new Error(restored.problem);
    expect(restored.input.settings).toMatchObject({ hints: true, typingMs: 0 });
  });
});
