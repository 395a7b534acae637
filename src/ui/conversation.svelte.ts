/**
 * The one place the UI talks to the engine: wraps the conversation actor, mirrors its snapshot into
 * Svelte state, keeps a save in localStorage after every step so a reload continues the attempt,
 * records each finished attempt in the case's history, and tells whoever follows the attempt (an
 * assignment's progress) what the learner did.
 *
 * Components never see the actor; they read the view data below and call its methods. A save that
 * cannot be used starts the case again rather than leave a page that will not open: a damaged one is
 * first set aside (kept for download, with a notice), one from another version of the case is said so.
 */
import { createActor } from 'xstate';
import type { Case } from '../case/types.ts';
import type { Attempt, Result, Settings } from '../engine/types.ts';
import {
  conversationMachine,
  restoreConversation,
  saveConversation,
  stateOfSnapshot,
  type ConversationInput,
  type ConversationSnapshot,
  type ConversationState,
} from '../engine/machine.ts';
import { complianceOf, moodOf, realPath, replay, resultOf, transcript, type ChatItem } from '../engine/conversation.ts';
import { shownReplies } from '../engine/order.ts';
import { bestPath } from '../engine/paths.ts';
import { saveKey } from './saves.ts';
import { clamp, resolveTarget, startAttempt } from '../engine/conversation.ts';
import { appendHistory, readHistory, type HistoryEntry, type HistoryProblem } from './history.ts';
import { pickText } from './i18n.ts';
import { keepCopy, keptCopy } from './kept.ts';
import { pushNotice } from './notices.svelte.ts';
import { defaultStorage, readItem, writeItem } from './storage.ts';

export type Phase = ConversationState;
export type TranscriptItem = ChatItem;
/** What the page tells the learner about their save; shown once, dismissible. */
export type SaveNotice = 'restored' | 'discarded' | 'outdated';


/** What the learner did, told as it happens to whoever follows the attempt. */
export type PlayerEvent =
  /** The page opened on an attempt: a new one, or one restored from its save. */
  | { type: 'opened'; attempt: Attempt }
  /** A new attempt from the first message ("play again", "start over"). */
  | { type: 'restarted'; attempt: Attempt }
  | { type: 'replied'; attempt: Attempt }
  /** The attempt reached an ending, with how it scores; right after the reply that ended it (or on opening an ended one). */
  | { type: 'ended'; attempt: Attempt; result: Result };

/** Paths explored at most when looking for the best one; enough for any hand-written case. */
const BEST_PATH_LIMIT = 20_000;

export interface ConversationOptions {
  /** The settings in force (student's choice, an assignment's lock, this device's motion preference). */
  settings?: Partial<Settings>;
  storage?: Storage | null;
  /** The learner's real clock, for the date in the history. */
  now?: () => Date;
  /** Start here instead of at the case's start (the studio's "test from here"); such a run is never saved. */
  from?: StartPoint;
  /** Shuffle the replies for each attempt (the default); the studio's test run keeps the file's order. */
  shuffle?: boolean;
  /** Told what the learner does, as it happens. */
  onplay?: (event: PlayerEvent) => void;
}

/** Runs `task` once the browser has painted what is on screen now; a task later where nothing paints. */
function afterPaint(task: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(task));
  else setTimeout(task);
}

export function createConversation(c: Case, options: ConversationOptions = {}) {
  const storage = options.from ? null : options.storage === undefined ? defaultStorage() : options.storage;
  const now = options.now ?? (() => new Date());
  const key = saveKey(c.id);
  const found = readSaveKeepingDamaged(c, storage, key);
  const shuffle = options.shuffle ?? !options.from;
  const seed = () => (shuffle ? newSeed() : undefined);
  const input = found.input ?? { case: c, attempt: options.from ? attemptAt(c, options.from) : startAttempt(c, seed()) };
  let attemptId = found.attemptId ?? newAttemptId();

  const read = readHistory(storage, c.id);
  let history = $state.raw<HistoryEntry[]>(read.entries);

  const actor = createActor(conversationMachine, {
    input: { ...input, settings: { ...input.settings, ...options.settings } },
  });

  let snapshot = $state.raw<ConversationSnapshot>(actor.getSnapshot());
  /**
   * The attempt one reply ago, kept in play so the studio's runs from a point can be compared too.
   * Plain variables, not state: the subscription runs inside effects that send events, and must not
   * make them depend on what it writes.
   */
  let previous: Attempt | undefined;
  let latest: Attempt = actor.getSnapshot().context.attempt;
  let notice = $state<SaveNotice | undefined>(found.notice);
  const tell = (type: 'opened' | 'restarted' | 'replied', a: Attempt) => {
    if (!options.onplay) return;
    options.onplay({ type, attempt: a });
    if (a.ended) options.onplay({ type: 'ended', attempt: a, result: resultOf(c, a) });
  };
  /**
   * Did the last reply make a pass impossible? Asked of the path check once the reply is on screen:
   * on a long case the check takes longer than a frame, and the reply must not wait for it. The check
   * loads then too, so the playing page starts without it; a newer reply overrules a late answer.
   */
  let passLost = $state(false);
  /** The last answer, so the attempt before a reply, which was the last one checked, is not walked again. */
  let checked: { attempt: Attempt; possible: boolean } | undefined;
  const checkPassLost = (a: Attempt) => {
    passLost = false;
    // Only immediate feedback says it; deferred feedback leaves it to the debrief.
    if (!a.path.length || actor.getSnapshot().context.settings.feedback !== 'immediate') return;
    // The attempt before this reply: as seen in play, or replayed after a reload.
    const before = previous?.path.length === a.path.length - 1 ? previous : replay(c, a.path.slice(0, -1).map((step) => step.reply));
    if (!before) return;
    afterPaint(async () => {
      if (latest !== a) return;
      const { passPossible } = await import('../engine/hope.ts');
      const possibleBefore = checked?.attempt === before ? checked.possible : passPossible(c, before);
      const possible = passPossible(c, a);
      checked = { attempt: a, possible };
      if (latest === a) passLost = !possible && possibleBefore;
    });
  };
  const subscription = actor.subscribe((s) => {
    const changed = s.context.attempt !== latest;
    if (changed) {
      previous = latest;
      latest = s.context.attempt;
    }
    snapshot = s;
    writeItem(storage, key, JSON.stringify({ ...saveConversation(s), attemptId }));
    if (changed) {
      tell(latest.path.length ? 'replied' : 'restarted', latest);
      checkPassLost(latest);
    }
    const result = s.context.result;
    if (s.value === 'ended' && result && !history.some((e) => e.id === attemptId))
      history = appendHistory(storage, c.id, historyEntry(result, attemptId, s.context.settings, now()));
  });
  actor.start();
  tell('opened', latest);
  // After a reload, for the feedback still on screen.
  checkPassLost(latest);

  const phase = $derived(stateOfSnapshot(snapshot));
  const attempt = $derived(snapshot.context.attempt);
  // The customer's next message stays hidden while they "type" and while feedback is on screen.
  const thread = $derived(transcript(c, attempt, phase === 'awaitingReply' || phase === 'ended'));
  // In the order this attempt shows them, which the number keys follow.
  const replies = $derived(phase === 'awaitingReply' ? shownReplies(c, attempt) : []);
  const real = realPath(c);

  // Both walk the case, so they are worked out only when the debrief asks, and once.
  let best: { value?: Result } | undefined;
  let realResult: { value?: Result } | undefined;

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
    /** The last reply made a pass impossible (shown with its feedback). */
    get passLost() { return phase === 'showingFeedback' && passLost; },
    get result() { return snapshot.context.result; },
    get settings() { return snapshot.context.settings; },
    /** The real seller's replies, for the debrief. */
    realPath: real,
    /** How the real seller's path scores, if it reaches an ending. */
    get realResult(): Result | undefined {
      realResult ??= { value: scoreOf(c, real.map((r) => r.reply)) };
      return realResult.value;
    },
    /** The best-scoring path through the case (passing, then compliance, then satisfaction). */
    get bestResult(): Result | undefined {
      best ??= { value: bestPath(c, { limit: BEST_PATH_LIMIT }) };
      return best.value;
    },
    /** Finished attempts at this case, oldest first. */
    get history() { return history; },
    /** Set when the stored history could not be (fully) read and was cleaned up. */
    historyProblem: read.problem as HistoryProblem | undefined,
    get notice() { return notice; },
    dismissNotice() { notice = undefined; },
    choose(replyId: string) { actor.send({ type: 'CHOOSE', reply: replyId }); },
    continue() { actor.send({ type: 'CONTINUE' }); },
    skipTyping() { actor.send({ type: 'TYPED' }); },
    updateSettings(settings: Partial<Settings>) { actor.send({ type: 'SETTINGS', settings }); },
    /** A new attempt from the first message; the finished one (if any) stays in the history. */
    restart() {
      notice = undefined;
      attemptId = newAttemptId();
      actor.send({ type: 'RESTART', seed: seed() });
    },
    stop() {
      subscription.unsubscribe();
      actor.stop();
    },
  };
}

export type Conversation = ReturnType<typeof createConversation>;

function scoreOf(c: Case, replies: string[]): Result | undefined {
  const a = replay(c, replies);
  return a?.ended ? resultOf(c, a) : undefined;
}

function historyEntry(r: Result, id: string, settings: Settings, at: Date): HistoryEntry {
  return {
    id,
    finishedAt: at.toISOString(),
    caseVersion: r.caseVersion,
    ending: r.ending,
    result: r.result,
    passed: r.passed,
    satisfaction: r.satisfaction,
    compliance: r.compliance,
    violations: r.violations.map((v) => v.rule),
    replies: r.path.map((s) => s.reply),
    feedback: settings.feedback,
    hints: settings.hints,
  };
}

/** A node to start at, with the satisfaction and flags the learner is assumed to have by then. */
export interface StartPoint {
  node: string;
  satisfaction: number;
  flags: readonly string[];
}

/** An attempt that has just arrived at `from.node` (whose `go to` reactions apply, as in play). */
function attemptAt(c: Case, from: StartPoint): Attempt {
  const satisfaction = clamp(Math.round(from.satisfaction));
  const flags = [...new Set(from.flags)];
  const { at, via } = resolveTarget(c, from.node, satisfaction, flags);
  return { ...startAttempt(c), at, ended: at in c.endings, satisfaction, flags, atVia: via, atTime: c.nodes[at]?.time ?? c.endings[at]?.time };
}

/** A fresh seed per attempt: where the best reply sits must not be predictable. */
function newSeed(): number {
  const one = new Uint32Array(1);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(one);
  else one[0] = Math.floor(Math.random() * 0x100000000);
  return one[0] ?? 0;
}

function newAttemptId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The save under `key`, read. A damaged one is copied under a key of its own before the fresh
 * attempt's save replaces it, and the page-wide notice offers it for download; only if it could not
 * be copied (storage full) does the case's own notice say it was discarded.
 */
function readSaveKeepingDamaged(c: Case, storage: Storage | null, key: string): ReturnType<typeof readSave> {
  const raw = readItem(storage, key);
  const found = readSave(c, raw);
  if (found.notice !== 'discarded' || raw === null) return found;
  const keptAs = keepCopy(storage, key, raw);
  const kept = keptAs && keptCopy(storage, keptAs);
  if (!kept) return found;
  pushNotice('save.setAside', { title: pickText(c.title) }, [kept]);
  return {};
}

/** A stored save turned back into machine input, or the reason it cannot be used. */
export function readSave(c: Case, raw: string | null): { input?: ConversationInput; notice?: SaveNotice; attemptId?: string } {
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
  const id = (data as { attemptId?: unknown }).attemptId;
  return {
    input: restored.input,
    ...(started > 0 && restored.input.state !== 'ended' ? { notice: 'restored' as const } : {}),
    ...(typeof id === 'string' && id ? { attemptId: id } : {}),
  };
}

