import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConversation, type Conversation, type PlayerEvent } from '../../src/ui/conversation.svelte.ts';
import { shownReplies } from '../../src/engine/order.ts';
import { dismissNotice, notices } from '../../src/ui/notices.svelte.ts';
import { saveKey } from '../../src/ui/saves.ts';
import { mugCase } from './fixtures.ts';
import { nth } from '../fixtures/present.ts';

const key = saveKey(mugCase.id);
let open: Conversation[] = [];

function start(settings = { typingMs: 0 }) {
  const convo = createConversation(mugCase, { settings, storage: localStorage });
  open.push(convo);
  return convo;
}

beforeEach(() => {
  localStorage.clear();
  notices.list = [];
});
afterEach(() => {
  for (const c of open) c.stop();
  open = [];
});

describe('the conversation adapter', () => {
  it('holds the first message back while the customer types', () => {
    const convo = start({ typingMs: 60_000 });
    expect(convo.phase).toBe('customerTyping');
    expect(convo.thread).toEqual([]);
    convo.skipTyping();
    expect(convo.phase).toBe('awaitingReply');
    expect(convo.thread.map((i) => i.kind)).toEqual(['customer']);
    // Shuffled for this attempt: both offered, in the order its seed gives.
    expect(convo.replies.map((r) => r.id).sort()).toEqual(['opening.1', 'opening.2']);
    expect(convo.replies).toEqual(shownReplies(mugCase, convo.attempt));
    expect(convo.attempt.seed).toBeTypeOf('number');
  });

  it('shows the replies in the same order after a reload, and in a new order for a new attempt', () => {
    const orders = new Set<string>();
    for (let i = 0; i < 12; i++) {
      localStorage.clear();
      const first = start();
      const shown = first.replies.map((r) => r.id).join();
      orders.add(shown);
      const seed = first.attempt.seed;
      first.stop();
      const again = start();
      expect(again.attempt.seed).toBe(seed);
      expect(again.replies.map((r) => r.id).join()).toBe(shown);
      again.restart();
      expect(again.attempt.seed).not.toBe(seed);
    }
    // Two replies, twelve fresh attempts: both orders turn up (1 in 2048 that they do not).
    expect(orders.size).toBe(2);
  });

  it('keeps the file order when asked not to shuffle (the studio’s test run)', () => {
    const convo = createConversation(mugCase, { settings: { typingMs: 0 }, storage: null, shuffle: false });
    open.push(convo);
    expect(convo.replies.map((r) => r.id)).toEqual(['opening.1', 'opening.2']);
    expect(convo.attempt.seed).toBeUndefined();
  });

  it('says when a reply made a pass impossible, from the path check, once the reply is on screen', async () => {
    const convo = start();
    convo.choose('opening.2');
    // Not while the reply is being shown: the check runs after the next paint.
    expect(convo.passLost).toBe(false);
    await vi.waitFor(() => expect(convo.passLost).toBe(true));
    // An answer still to come for an attempt that was started over is not shown.
    convo.restart();
    convo.choose('opening.2');
    convo.restart();
    // After a frame, the check's task and its (cached) import have had time to run.
    const checked = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300)));
    await checked();
    expect(convo.passLost).toBe(false);
    convo.choose('opening.1');
    await checked();
    expect(convo.passLost).toBe(false);
  });

  it('shows feedback after a reply and hides the next message until it is typed', () => {
    const convo = start();
    convo.choose('opening.2');
    expect(convo.phase).toBe('showingFeedback');
    expect(convo.lastStep?.violations.map((v) => v.rule)).toEqual(['P-OFFPLATFORM']);
    expect(convo.satisfaction).toBe(50);
    expect(convo.compliance).toBe(50);
    expect(convo.thread.map((i) => i.kind)).toEqual(['customer', 'seller']);
    convo.continue();
    expect(convo.phase).toBe('awaitingReply');
    expect(convo.thread.map((i) => i.kind)).toEqual(['customer', 'seller', 'customer']);
  });

  it('ends with a result and the real path, and restarts', () => {
    const convo = start();
    convo.choose('opening.1');
    convo.continue();
    convo.choose('photo.1');
    convo.continue();
    expect(convo.phase).toBe('ended');
    expect(convo.result?.passed).toBe(true);
    expect(convo.realPath).toEqual([
      { node: 'opening', reply: 'opening.1' },
      { node: 'photo', reply: 'photo.1' },
    ]);
    convo.restart();
    expect(convo.phase).toBe('awaitingReply');
    expect(convo.attempt.path).toEqual([]);
  });

  it('tells what the learner does: opening, each reply, the ending with its result, a new attempt', () => {
    const told: PlayerEvent[] = [];
    const first = createConversation(mugCase, { settings: { typingMs: 0 }, storage: localStorage, onplay: (e) => told.push(e) });
    open.push(first);
    first.choose('opening.1');
    first.continue();
    first.choose('photo.1');
    first.continue(); // the ending was told with the reply that reached it
    first.restart();
    expect(told.map((e) => [e.type, e.attempt.path.map((s) => s.reply)])).toEqual([
      ['opened', []],
      ['replied', ['opening.1']],
      ['replied', ['opening.1', 'photo.1']],
      ['ended', ['opening.1', 'photo.1']],
      ['restarted', []],
    ]);
    const ended = told.find((e) => e.type === 'ended');
    expect(ended?.type === 'ended' && ended.result.passed).toBe(true);

    // Opening a save of an attempt in progress tells where it stands, and nothing else.
    first.choose('opening.1');
    first.stop();
    told.length = 0;
    open.push(createConversation(mugCase, { settings: { typingMs: 0 }, storage: localStorage, onplay: (e) => told.push(e) }));
    expect(told.map((e) => [e.type, e.attempt.path.map((s) => s.reply)])).toEqual([['opened', ['opening.1']]]);
  });

  it('saves after every step and continues from the save', () => {
    const first = start();
    first.choose('opening.1');
    expect(JSON.parse(localStorage.getItem(key) ?? '{}')).toMatchObject({
      replies: ['opening.1'],
      state: 'showingFeedback',
    });
    first.stop();

    const again = start();
    expect(again.notice).toBe('restored');
    expect(again.phase).toBe('showingFeedback');
    expect(again.lastStep?.reply).toBe('opening.1');
    again.dismissNotice();
    expect(again.notice).toBeUndefined();
  });

  it('sets a corrupted save aside for download, with a notice, and starts again', async () => {
    const stored = '{"format":1, "replies": [';
    localStorage.setItem(key, stored);
    const convo = start();
    expect(convo.notice).toBeUndefined();
    expect(convo.phase).toBe('awaitingReply');
    expect(convo.attempt.path).toEqual([]);
    // The fresh attempt's save replaced the damaged one; the copy is kept apart until the notice goes.
    expect(JSON.parse(localStorage.getItem(key)!)).toMatchObject({ replies: [] });
    expect(notices.list.map((n) => [n.key, n.vars, n.kept?.map((k) => k.text)])).toEqual([['save.setAside', { title: 'The broken mug' }, [stored]]]);
    const kept = nth(nth(notices.list, 0, 'the notice').kept ?? [], 0, 'the kept copy');
    expect(kept.fileName).toMatch(new RegExp(`^damaged-save-conversation-${mugCase.id}-\\d{4}-\\d{2}-\\d{2}\\.txt$`));
    expect(localStorage.getItem(kept.id)).toBe(stored);
    await dismissNotice(nth(notices.list, 0).id);
    expect(localStorage.getItem(kept.id)).toBeNull();
  });

  it('sets aside a save that does not fit the case', () => {
    const stored = JSON.stringify({ format: 1, caseId: mugCase.id, caseVersion: '1', replies: ['nope'], state: 'awaitingReply' });
    localStorage.setItem(key, stored);
    expect(start().notice).toBeUndefined();
    expect(nth(notices.list, 0, 'the notice').kept?.map((k) => k.text)).toEqual([stored]);
  });

  it('says the save was discarded when it cannot even be copied aside (storage full)', () => {
    const full = {
      getItem: (k: string) => (k === key ? '{"format":1, "replies": [' : null),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    const convo = createConversation(mugCase, { settings: { typingMs: 0 }, storage: full });
    open.push(convo);
    expect(convo.notice).toBe('discarded');
    expect(notices.list).toEqual([]);
  });

  it('starts again, saying why, when the case has changed since the save', () => {
    localStorage.setItem(
      key,
      JSON.stringify({ format: 1, caseId: mugCase.id, caseVersion: '0', replies: ['opening.1'], state: 'awaitingReply' }),
    );
    const convo = start();
    expect(convo.notice).toBe('outdated');
    expect(convo.attempt.path).toEqual([]);
  });
});
