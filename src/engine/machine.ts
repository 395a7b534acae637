/**
 * The conversation machine: the customer types → the seller's reply is awaited → feedback on it is
 * shown → the customer's next turn, or the conversation has ended.
 *
 * One statechart for every case: the case lives in the context and its dialogue nodes are data, not
 * states, so building the machine costs the same for 10 nodes or 10,000. The rules of play are the
 * pure functions in `conversation.ts` (`choose` applies the one rule of play, `applyReply`); the
 * guards and actions below only call them, so the machine decides when, never what.
 *
 * Besides the four states there is one choice point, `next`, with no events of its own: it sends a
 * new turn (or a restored save) to the state it belongs in. The customer's typing is an `after`
 * delay, set by `settings.typingMs` (0 skips it, for reduced motion and the tests); leaving the state
 * or stopping the actor cancels it.
 */
import { and, assign, setup, type SnapshotFrom } from 'xstate';
import type { Case } from '../case/types.ts';
import { choose, offeredReplies, replay, resultOf, startAttempt } from './conversation.ts';
import { isSeed } from './order.ts';
import type { Attempt, Result, Settings, Step } from './types.ts';

export type ConversationState = 'customerTyping' | 'awaitingReply' | 'showingFeedback' | 'ended';
const STATES: readonly ConversationState[] = ['customerTyping', 'awaitingReply', 'showingFeedback', 'ended'];

/** The state a value names, if it is one of the four (a save, a snapshot). */
export const asState = (value: unknown): ConversationState | undefined => STATES.find((x) => x === value);

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
  /** Where a restored save was; cleared once the machine is there. */
  resume?: ConversationState;
}

export type ConversationEvent =
  | { type: 'TYPED' }
  | { type: 'CHOOSE'; reply: string }
  | { type: 'CONTINUE' }
  /** A new attempt; `seed` shuffles its replies (see `order.ts`), none keeps the file order. */
  | { type: 'RESTART'; seed?: number }
  /** The learner (or an assignment) changed a setting mid-attempt; it applies from the next step. */
  | { type: 'SETTINGS'; settings: Partial<Settings> };

function contextOf(input: ConversationInput): ConversationContext {
  return {
    case: input.case,
    settings: { ...DEFAULT_SETTINGS, ...input.settings },
    attempt: input.attempt ?? startAttempt(input.case),
    ...(input.lastStep ? { lastStep: input.lastStep } : {}),
    ...(input.state ? { resume: input.state } : {}),
  };
}

export const conversationMachine = setup({
  types: {
    context: {} as ConversationContext,
    events: {} as ConversationEvent,
    input: {} as ConversationInput,
  },
  guards: {
    /** The reply chosen is offered now; `choose` would refuse any other. */
    offered: ({ context, event }) => event.type === 'CHOOSE' && offeredReplies(context.case, context.attempt).some((r) => r.id === event.reply),
    feedbackNow: ({ context }) => context.settings.feedback === 'immediate',
    hasEnded: ({ context }) => context.attempt.ended,
    resumesFeedback: ({ context }) => context.resume === 'showingFeedback' && !!context.lastStep,
    resumesAwaiting: ({ context }) => context.resume === 'awaitingReply',
    /** The customer types before their message; nobody types with typing turned off, or before narration. */
    customerTypes: ({ context }) => context.settings.typingMs > 0 && !!context.case.nodes[context.attempt.at]?.message,
  },
  actions: {
    choose: assign(({ context }, params: { reply: string }) => {
      const next = choose(context.case, context.attempt, params.reply);
      return next ? { attempt: next.attempt, lastStep: next.step } : {};
    }),
    score: assign({ result: ({ context }) => resultOf(context.case, context.attempt) }),
    resumed: assign({ resume: undefined }),
    restart: assign(({ context }, params: { seed: number | undefined }) => ({
      attempt: startAttempt(context.case, params.seed),
      lastStep: undefined,
      result: undefined,
      resume: undefined,
    })),
    applySettings: assign(({ context }, params: { settings: Partial<Settings> }) => ({
      settings: { ...context.settings, ...normaliseSettings(params.settings) },
    })),
  },
  delays: {
    typing: ({ context }) => context.settings.typingMs,
  },
}).createMachine({
  id: 'conversation',
  context: ({ input }) => contextOf(input),
  initial: 'next',
  on: {
    SETTINGS: { actions: { type: 'applySettings', params: ({ event }) => ({ settings: event.settings }) } },
    RESTART: { target: '.next', reenter: true, actions: { type: 'restart', params: ({ event }) => ({ seed: event.seed }) } },
  },
  states: {
    next: {
      exit: 'resumed',
      always: [
        { guard: 'resumesFeedback', target: 'showingFeedback' },
        { guard: 'hasEnded', target: 'ended' },
        { guard: 'resumesAwaiting', target: 'awaitingReply' },
        { guard: 'customerTypes', target: 'customerTyping' },
        { target: 'awaitingReply' },
      ],
    },
    customerTyping: {
      after: { typing: 'awaitingReply' },
      on: { TYPED: 'awaitingReply' },
    },
    awaitingReply: {
      on: {
        CHOOSE: [
          {
            guard: and(['offered', 'feedbackNow']),
            target: 'showingFeedback',
            actions: { type: 'choose', params: ({ event }) => ({ reply: event.reply }) },
          },
          {
            guard: 'offered',
            target: 'next',
            actions: { type: 'choose', params: ({ event }) => ({ reply: event.reply }) },
          },
        ],
      },
    },
    showingFeedback: {
      on: { CONTINUE: 'next' },
    },
    ended: {
      entry: 'score',
    },
  },
});

export type ConversationSnapshot = SnapshotFrom<typeof conversationMachine>;

/** The state a snapshot rests in: always one of the four, as `next` is left at once. */
export const stateOfSnapshot = (snapshot: ConversationSnapshot): ConversationState => asState(snapshot.value) ?? 'awaitingReply';

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
    state: stateOfSnapshot(snapshot),
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
  const state = asState(s.state) ?? 'customerTyping';
  const lastStep = attempt.path.at(-1);
  return { input: { case: c, settings, attempt, ...(lastStep ? { lastStep } : {}), state } };
}
