import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversation, type Conversation } from '../../src/ui/conversation.svelte.ts';
import { saveKey } from '../../src/ui/saves.ts';
import { mugCase } from './fixtures.ts';

const key = saveKey(mugCase.id);
let open: Conversation[] = [];

function start(settings = { typingMs: 0 }) {
  const convo = createConversation(mugCase, { settings, storage: localStorage });
  open.push(convo);
  return convo;
}

beforeEach(() => localStorage.clear());
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
    expect(convo.replies.map((r) => r.id)).toEqual(['opening.1', 'opening.2']);
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

  it('discards a corrupted save with a notice instead of failing', () => {
    localStorage.setItem(key, '{"format":1, "replies": [');
    const convo = start();
    expect(convo.notice).toBe('discarded');
    expect(convo.phase).toBe('awaitingReply');
    expect(convo.attempt.path).toEqual([]);
  });

  it('discards a save that does not fit the case', () => {
    localStorage.setItem(
      key,
      JSON.stringify({ format: 1, caseId: mugCase.id, caseVersion: '1', replies: ['nope'], state: 'awaitingReply' }),
    );
    expect(start().notice).toBe('discarded');
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
