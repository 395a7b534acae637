/**
 * The conversation machine: customer typing → awaiting the seller's reply → feedback shown →
 * (next turn or) ended.
 *
 * One machine for every case: the compiled case graph lives in the context and the dialogue nodes
 * are data, not states, so building it costs the same for 10 nodes or 10,000. The rules of play
 * are the pure functions in `conversation.ts`; this file only sequences them.
 */
import { assign, createMachine, type SnapshotFrom } from 'xstate';
import type { Case } from '../case/types.ts';
import { choose, offeredReplies, replay, resultOf, startAttempt } from './conversation.ts';
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
  resumeAt?: ConversationState;
}

export type ConversationEvent =
  | { type: 'TYPED' }
  | { type: 'CHOOSE'; reply: string }
  | { type: 'CONTINUE' }
  | { type: 'RESTART' }
  /** The learner (or an assignment) changed a setting mid-attempt; it applies from the next step. */
  | { type: 'SETTINGS'; settings: Partial<Settings> };

// createMachine with its implementations rather than setup(): setup() also brings every action
// creator xstate has (sendTo, emit, spawnChild …), which the player would download for nothing.
export const conversationMachine = createMachine({
  types: {} as {
    context: ConversationContext;
    events: ConversationEvent;
    input: ConversationInput;
    // Declared so that a misspelt name in the states below is a type error.
    actions: { type: 'choose' } | { type: 'finish' } | { type: 'restart' } | { type: 'resumed' } | { type: 'updateSettings' };
    guards:
      | { type: 'ended' }
      | { type: 'immediateFeedback' }
      | { type: 'noTyping' }
      | { type: 'offered' }
      | { type: 'resumeInFeedback' }
      | { type: 'resumeAwaiting' };
    delays: 'typing';
  },
  id: 'conversation',
  context: ({ input }) => ({
    case: input.case,
    settings: { ...DEFAULT_SETTINGS, ...input.settings },
    attempt: input.attempt ?? startAttempt(input.case),
    ...(input.lastStep ? { lastStep: input.lastStep } : {}),
    ...(input.state ? { resumeAt: input.state } : {}),
  }),
  initial: 'resuming',
  on: {
    RESTART: { target: '.customerTyping', actions: 'restart' },
    SETTINGS: { actions: 'updateSettings' },
  },
  states: {
    resuming: {
      always: [
        { guard: 'resumeInFeedback', target: 'showingFeedback', actions: 'resumed' },
        { guard: 'ended', target: 'ended', actions: ['finish', 'resumed'] },
        { guard: 'resumeAwaiting', target: 'awaitingReply', actions: 'resumed' },
        { target: 'customerTyping', actions: 'resumed' },
      ],
    },
    customerTyping: {
      always: { guard: 'noTyping', target: 'awaitingReply' },
      after: { typing: 'awaitingReply' },
      on: { TYPED: 'awaitingReply' },
    },
    awaitingReply: {
      on: { CHOOSE: { guard: 'offered', actions: 'choose', target: 'answered' } },
    },
    answered: {
      always: [{ guard: 'immediateFeedback', target: 'showingFeedback' }, { target: 'advancing' }],
    },
    showingFeedback: {
      on: { CONTINUE: 'advancing' },
    },
    advancing: {
      always: [{ guard: 'ended', target: 'ended', actions: 'finish' }, { target: 'customerTyping' }],
    },
    ended: {},
  },
}, {
  delays: { typing: ({ context }) => context.settings.typingMs },
  guards: {
    ended: ({ context }) => context.attempt.ended,
    immediateFeedback: ({ context }) => context.settings.feedback === 'immediate',
    // Nobody types before narration that has no customer message.
    noTyping: ({ context }) => context.settings.typingMs <= 0 || !context.case.nodes[context.attempt.at]?.message,
    offered: ({ context, event }) =>
      event.type === 'CHOOSE' && offeredReplies(context.case, context.attempt).some((r) => r.id === event.reply),
    resumeInFeedback: ({ context }) => context.resumeAt === 'showingFeedback' && !!context.lastStep,
    resumeAwaiting: ({ context }) => context.resumeAt === 'awaitingReply',
  },
  actions: {
    choose: assign(({ context, event }) => {
      if (event.type !== 'CHOOSE') return {};
      const next = choose(context.case, context.attempt, event.reply);
      return next ? { attempt: next.attempt, lastStep: next.step } : {};
    }),
    finish: assign(({ context }) => ({ result: resultOf(context.case, context.attempt) })),
    restart: assign(({ context }) => ({
      attempt: startAttempt(context.case),
      lastStep: undefined,
      result: undefined,
      resumeAt: undefined,
    })),
    resumed: assign({ resumeAt: undefined }),
    updateSettings: assign(({ context, event }) =>
      event.type === 'SETTINGS' ? { settings: { ...context.settings, ...normaliseSettings(event.settings) } } : {},
    ),
  },
});

export type ConversationSnapshot = SnapshotFrom<typeof conversationMachine>;

/** What is saved between visits: the transcript, not the scores, so it is replayed against the case. */
export interface SavedConversation {
  format: 1;
  caseId: string;
  caseVersion: string;
  replies: string[];
  state: ConversationState;
  settings: Settings;
}

export function stateOf(snapshot: ConversationSnapshot): ConversationState {
  const v = snapshot.value as string;
  if (v === 'showingFeedback' || v === 'ended' || v === 'awaitingReply') return v;
  return 'customerTyping';
}

export function saveConversation(snapshot: ConversationSnapshot): SavedConversation {
  const { attempt, settings, case: c } = snapshot.context;
  return {
    format: 1,
    caseId: c.id,
    caseVersion: c.version,
    replies: attempt.path.map((s) => s.reply),
    state: stateOf(snapshot),
    settings,
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
  const attempt = replay(c, s.replies);
  if (!attempt) return { problem: 'does-not-fit' };
  const settings = normaliseSettings(s.settings);
  const state = (['customerTyping', 'awaitingReply', 'showingFeedback', 'ended'] as const).find((x) => x === s.state) ?? 'customerTyping';
  const lastStep = attempt.path.at(-1);
  return { input: { case: c, settings, attempt, ...(lastStep ? { lastStep } : {}), state } };
}
