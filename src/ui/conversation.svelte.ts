/**
 * The one place the UI talks to the engine: wraps the conversation actor, mirrors its snapshot into
 * Svelte state, and keeps a save in localStorage after every step so a reload continues the attempt.
 *
 * Components never see the actor; they read the view data below and call its methods. A save that
 * cannot be used (corrupted, from another version of the case) is discarded with a notice: losing
 * progress is better than a page that will not open.
 */
import { createActor } from 'xstate';
import type { Case } from '../case/types.ts';
import type { Settings } from '../engine/types.ts';
import {
  conversationMachine,
  restoreConversation,
  saveConversation,
  stateOf,
  type ConversationInput,
  type ConversationSnapshot,
  type ConversationState,
} from '../engine/machine.ts';
import { complianceOf, moodOf, offeredReplies, realPath, transcript, type ChatItem } from '../engine/conversation.ts';

export type Phase = ConversationState;
export type TranscriptItem = ChatItem;
/** What the page tells the learner about their save; shown once, dismissible. */
export type SaveNotice = 'restored' | 'discarded' | 'outdated';

export const saveKey = (caseId: string) => `dispute-desk:conversation:${caseId}`;

export interface ConversationOptions {
  /** This device's preferences (e.g. no typing delay with reduced motion); they win over a save's. */
  settings?: Partial<Settings>;
  storage?: Storage | null;
}

export function createConversation(c: Case, options: ConversationOptions = {}) {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const key = saveKey(c.id);
  const found = readSave(c, read(storage, key));
  const input = found.input ?? { case: c };
  const actor = createActor(conversationMachine, {
    input: { ...input, settings: { ...input.settings, ...options.settings } },
  });

  let snapshot = $state.raw<ConversationSnapshot>(actor.getSnapshot());
  let notice = $state<SaveNotice | undefined>(found.notice);
  const subscription = actor.subscribe((s) => {
    snapshot = s;
    write(storage, key, JSON.stringify(saveConversation(s)));
  });
  actor.start();

  const phase = $derived(stateOf(snapshot));
  const attempt = $derived(snapshot.context.attempt);
  // The customer's next message stays hidden while they "type" and while feedback is on screen.
  const thread = $derived(transcript(c, attempt, phase === 'awaitingReply' || phase === 'ended'));
  const replies = $derived(phase === 'awaitingReply' ? offeredReplies(c, attempt) : []);

  return {
    case: c,
    get phase() { return phase; },
    get attempt() { return attempt; },
    get thread() { return thread; },
    get replies() { return replies; },
    get satisfaction() { return attempt.satisfaction; },
    get mood() { return moodOf(attempt.satisfaction); },
    get compliance() { return complianceOf(c, attempt.violations); },
    get violations() { return attempt.violations; },
    get lastStep() { return snapshot.context.lastStep; },
    get result() { return snapshot.context.result; },
    get settings() { return snapshot.context.settings; },
    /** The real seller's replies, for the debrief. */
    realPath: realPath(c),
    get notice() { return notice; },
    dismissNotice() { notice = undefined; },
    choose(replyId: string) { actor.send({ type: 'CHOOSE', reply: replyId }); },
    continue() { actor.send({ type: 'CONTINUE' }); },
    skipTyping() { actor.send({ type: 'TYPED' }); },
    restart() {
      notice = undefined;
      actor.send({ type: 'RESTART' });
    },
    stop() {
      subscription.unsubscribe();
      actor.stop();
    },
  };
}

export type Conversation = ReturnType<typeof createConversation>;

/** A stored save turned back into machine input, or the reason it cannot be used. */
export function readSave(c: Case, raw: string | null): { input?: ConversationInput; notice?: SaveNotice } {
  if (raw === null) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { notice: 'discarded' };
  }
  const restored = restoreConversation(c, data);
  if ('problem' in restored) return { notice: restored.problem === 'case-changed' ? 'outdated' : 'discarded' };
  const started = restored.input.attempt?.path.length ?? 0;
  return { input: restored.input, notice: started > 0 ? 'restored' : undefined };
}

function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

// Storage may be full or blocked (private mode, an LMS iframe): playing matters more than saving.
function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
function write(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    /* not saved this time; the next step tries again */
  }
}
