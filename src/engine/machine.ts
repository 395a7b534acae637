/**
 * The conversation machine: customer typing → awaiting the seller's reply → feedback shown →
 * (next turn or) ended.
 *
 * One machine for every case: the compiled case graph lives in the context and the dialogue nodes
 * are data, not states, so building it costs the same for 10 nodes or 10,000. The rules of play
 * are the pure functions in `conversation.ts`; this file only sequences them.
 *
 * It is XState actor logic written as a transition function, not a `createMachine` statechart:
 * the machine has four states and no nesting, and the statechart interpreter alone is 8.7 kB gzip,
 * a fifth of what the case page may load. `createActor` runs it the same way (send, subscribe,
 * getSnapshot, stop), and the typing pause is an event scheduled with the actor system's scheduler,
 * which stopping the actor cancels.
 */
import type { ActorLogic, ActorScope } from 'xstate';
import type { Case } from '../case/types.ts';
import { choose, replay, resultOf, startAttempt } from './conversation.ts';
import { isSeed } from './order.ts';
import type { Attempt, Result, Settings, Step } from './types.ts';

export type ConversationState = 'customerTyping' | 'awaitingReply' | 'showingFeedback' | 'ended';

export const DEFAULT_SETTINGS: Settings = { feedback: 'immediate', typingMs: 900, hints: false };

/** The valid parts of settings from outside (a save, a settings store); anything else is dropped. */
export function normaliseSettings(raw: unknown): Partial<Settings> {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: Partial<Settings> = {};
  if (s.feedback === 'immediate' || s.feedback === 'deferred') out.feedback = s.feedback;
  if (typeof s.typingMs === 'number' && Number.isFinite(s.typingMs) && s.typingMs >= 0) out.typingMs = Math.min(s.typingMs, 5000);
  if (typeof s.hints === 'boolean') out.hints = s.hints;
  return out;
}

export interface ConversationInput {
  case: Case;
  settings?: Partial<Settings>;
  attempt?: Attempt;
  lastStep?: Step;
  /** Where to resume a restored conversation. */
  state?: ConversationState;
}

export interface ConversationContext {
  case: Case;
  settings: Settings;
  attempt: Attempt;
  lastStep?: Step;
  result?: Result;
}

export type ConversationEvent =
  | { type: 'TYPED' }
  | { type: 'CHOOSE'; reply: string }
  | { type: 'CONTINUE' }
  /** A new attempt; `seed` shuffles its replies (see `order.ts`), none keeps the file order. */
  | { type: 'RESTART'; seed?: number }
  /** The learner (or an assignment) changed a setting mid-attempt; it applies from the next step. */
  | { type: 'SETTINGS'; settings: Partial<Settings> };

export interface ConversationSnapshot {
  status: 'active';
  output: undefined;
  error: undefined;
  value: ConversationState;
  context: ConversationContext;
}

type Scope = ActorScope<ConversationSnapshot, ConversationEvent>;

/** The id of the scheduled end of the customer's typing; one is pending at most. */
const TYPING = 'typing';

export const conversationMachine: ActorLogic<ConversationSnapshot, ConversationEvent, ConversationInput> = {
  getInitialSnapshot: (_scope, input) => resume(input),
  start: (snapshot, scope) => {
    if (snapshot.value === 'customerTyping') scheduleTyping(snapshot, scope);
  },
  transition: (snapshot, event, scope) => {
    const { value, context } = snapshot;
    switch (event.type) {
      case 'SETTINGS':
        return { ...snapshot, context: { ...context, settings: { ...context.settings, ...normaliseSettings(event.settings) } } };
      case 'RESTART':
        return enter(nextTurn({ case: context.case, settings: context.settings, attempt: startAttempt(context.case, event.seed) }), scope);
      case 'TYPED':
        return value === 'customerTyping' ? enter(at('awaitingReply', context), scope) : snapshot;
      case 'CHOOSE': {
        // `choose` refuses a reply that is not offered now.
        const next = value === 'awaitingReply' ? choose(context.case, context.attempt, event.reply) : undefined;
        if (!next) return snapshot;
        const answered = { ...context, attempt: next.attempt, lastStep: next.step };
        return enter(answered.settings.feedback === 'immediate' ? at('showingFeedback', answered) : advance(answered), scope);
      }
      case 'CONTINUE':
        return value === 'showingFeedback' ? enter(advance(context), scope) : snapshot;
    }
    return snapshot;
  },
  getPersistedSnapshot: (snapshot) => snapshot,
};

const at = (value: ConversationState, context: ConversationContext): ConversationSnapshot => ({
  status: 'active',
  output: undefined,
  error: undefined,
  value,
  context,
});

/** After a reply (and its feedback): the ending, or the customer's next turn. */
const advance = (context: ConversationContext) =>
  context.attempt.ended ? at('ended', { ...context, result: resultOf(context.case, context.attempt) }) : nextTurn(context);

/** The customer types before their message; nobody types with typing turned off, or before narration. */
const nextTurn = (context: ConversationContext) =>
  context.settings.typingMs <= 0 || !context.case.nodes[context.attempt.at]?.message ? at('awaitingReply', context) : at('customerTyping', context);

function resume(input: ConversationInput): ConversationSnapshot {
  const context: ConversationContext = {
    case: input.case,
    settings: { ...DEFAULT_SETTINGS, ...input.settings },
    attempt: input.attempt ?? startAttempt(input.case),
    ...(input.lastStep ? { lastStep: input.lastStep } : {}),
  };
  if (input.state === 'showingFeedback' && context.lastStep) return at('showingFeedback', context);
  if (context.attempt.ended) return advance(context);
  return input.state === 'awaitingReply' ? at('awaitingReply', context) : nextTurn(context);
}

/** A state entered by a transition: any pending end of typing is dropped, and a new one set if typing. */
function enter(snapshot: ConversationSnapshot, scope: Scope): ConversationSnapshot {
  scope.defer(() => {
    scope.system.scheduler.cancel(scope.self, TYPING);
    if (snapshot.value === 'customerTyping') scheduleTyping(snapshot, scope);
  });
  return snapshot;
}

function scheduleTyping(snapshot: ConversationSnapshot, scope: Scope) {
  scope.system.scheduler.schedule(scope.self, scope.self, { type: 'TYPED' }, snapshot.context.settings.typingMs, TYPING);
}

/** What is saved between visits: the transcript, not the scores, so it is replayed against the case. */
export interface SavedConversation {
  format: 1;
  caseId: string;
  caseVersion: string;
  replies: string[];
  state: ConversationState;
  settings: Settings;
  /** The attempt's seed; absent in saves from before replies were shuffled (they keep the file order). */
  seed?: number;
}

export function saveConversation(snapshot: ConversationSnapshot): SavedConversation {
  const { attempt, settings, case: c } = snapshot.context;
  return {
    format: 1,
    caseId: c.id,
    caseVersion: c.version,
    replies: attempt.path.map((s) => s.reply),
    state: snapshot.value,
    settings,
    ...(attempt.seed === undefined ? {} : { seed: attempt.seed }),
  };
}

export type RestoreProblem = 'unreadable' | 'other-case' | 'case-changed' | 'does-not-fit';

/**
 * Turn saved data back into machine input. Saved data comes from storage that may be corrupted or
 * written for an older version of the case, so everything is checked and the transcript replayed.
 */
export function restoreConversation(c: Case, saved: unknown): { input: ConversationInput } | { problem: RestoreProblem } {
  if (!saved || typeof saved !== 'object') return { problem: 'unreadable' };
  const s = saved as Partial<SavedConversation>;
  if (s.format !== 1 || !Array.isArray(s.replies) || !s.replies.every((r) => typeof r === 'string')) return { problem: 'unreadable' };
  if (s.caseId !== c.id) return { problem: 'other-case' };
  if (s.caseVersion !== c.version) return { problem: 'case-changed' };
  const attempt = replay(c, s.replies, isSeed(s.seed) ? s.seed : undefined);
  if (!attempt) return { problem: 'does-not-fit' };
  const settings = normaliseSettings(s.settings);
  const state = (['customerTyping', 'awaitingReply', 'showingFeedback', 'ended'] as const).find((x) => x === s.state) ?? 'customerTyping';
  const lastStep = attempt.path.at(-1);
  return { input: { case: c, settings, attempt, ...(lastStep ? { lastStep } : {}), state } };
}
