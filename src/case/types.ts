/**
 * The case format's data model: what a parsed case file and a parsed rulebook look like.
 *
 * Everything here is plain, JSON-serialisable data so that a case can be compiled once (at build
 * time, in a worker, in Node) and shipped or saved as JSON. Prose fields hold Markdown until the
 * player's renderer turns them into sanitised HTML (see `render.ts`).
 */

import type { DiagnosticCode } from './diagnostics.ts';

export type Lang = 'zh' | 'en';

/** Text an author may give in Chinese, English or both. At least one is present. */
export interface Text {
  zh?: string;
  en?: string;
}

export type RuleSeverity = 'critical' | 'major' | 'minor';

/**
 * Whose rule it is: the platform's own published rule, or a standard the course sets (often on
 * the platform's grounds) where no platform text says so. Learners must be able to tell them apart.
 */
export type RuleKind = 'platform' | 'course';

export interface Rule {
  id: string;
  severity: RuleSeverity;
  /** Absent in a rulebook that does not say. */
  kind?: RuleKind;
  text: Text;
  source: string;
  /**
   * The date of the source's own version (ISO date, or year and month); absent when the source
   * states none ("undated"), so that the date it was read is never passed off as its own.
   */
  asOf?: string;
  /** ISO date the sources were read; always given for an undated source. */
  consulted?: string;
}

export interface Rulebook {
  id: string;
  platform: string;
  title: Text;
  /** Compliance points lost per violation, by severity. */
  penalties: Record<RuleSeverity, number>;
  rules: Record<string, Rule>;
}

/** An amount in integer minor units (cents for USD) with its ISO 4217 code. */
export interface Money {
  amount: number;
  currency: string;
}

export interface OrderCard {
  number: string;
  item: Text;
  total: Money;
  /** ISO date, e.g. 2018-04-30. */
  created: string;
  status: Text;
  disputeReason: Text;
}

export interface Person {
  name: string;
  country?: Text;
  shop?: Text;
}

export interface PassRule {
  minSatisfaction: number;
  minCompliance: number;
  criticalFails: boolean;
}

export type ComparisonOp = '<' | '<=' | '>' | '>=' | '=';

/** One test inside a condition; a condition holds when all its tests hold. */
export type Test =
  | { kind: 'satisfaction'; op: ComparisonOp; value: number }
  | { kind: 'flag'; flag: string; present: boolean };

export interface Condition {
  /** The condition as the author wrote it, for messages and the studio. */
  source: string;
  tests: Test[];
}

/** Where an element came from in the case file (1-based). */
export interface Span {
  line: number;
  column: number;
}

export interface Reply {
  /** Stable within the case: `nodeId.n` unless the author gave an `id`. */
  id: string;
  /** What the seller says (English Markdown). */
  text: string;
  next: string;
  satisfaction: number;
  follows: readonly string[];
  breaks: readonly string[];
  feedback: Text;
  hint?: Text;
  set: readonly string[];
  unset: readonly string[];
  when?: Condition;
  /** Simulated time the seller's message is sent, `YYYY-MM-DDTHH:MM[:SS]`. */
  time?: string;
  /** The real seller chose this reply. */
  real: boolean;
  /**
   * Where the reply stays when the replies are shuffled for an attempt: first or last, for a reply
   * whose place carries meaning ("end the chat" last). Absent: it is shuffled with the others.
   */
  keep?: 'first' | 'last';
  at: Span;
}

/** A customer reaction that depends on state: entering the node goes to `to` instead. */
export interface Redirect {
  to: string;
  when: Condition;
  at: Span;
}

export interface CaseNode {
  id: string;
  /** The customer's message (English Markdown); absent for a narration-only step. */
  message?: string;
  /** Narration shown in the chat as an event, e.g. what the seller finds in the order history. */
  note?: Text;
  /** Chinese gloss of the customer's message, shown on request. */
  gloss?: string;
  /** Where to look before choosing (not which reply to pick), shown when hints are on. */
  hint?: Text;
  time?: string;
  redirects: Redirect[];
  replies: Reply[];
  at: Span;
}

export type EndingResult = 'resolved' | 'escalated' | 'lost' | 'cancelled' | 'failed';

export interface Ending {
  id: string;
  /** The customer's last message, if any. */
  message?: string;
  note?: Text;
  time?: string;
  result: EndingResult;
  /** What the learner is told happened, e.g. "Refund only USD 8.00 (EUR 6.89), paid by the seller". */
  outcome: Text;
  refund?: Money;
  paidBy?: 'seller' | 'platform' | 'buyer';
  real: boolean;
  at: Span;
}

export interface Phrase {
  en: string;
  zh: string;
}

export interface Case {
  id: string;
  version: string;
  title: Text;
  platform: string;
  rulebook: string;
  /** The language of prose written without a language tag (feedback, analysis …). */
  lang: Lang;
  disputeType?: Text;
  difficulty?: number;
  minutes?: number;
  order: OrderCard;
  customer: Person;
  seller: Person;
  start: string;
  startSatisfaction: number;
  pass: PassRule;
  /** Rules the case sets out to practise; each must be cited by some reply. */
  objectives: string[];
  phrases: Phrase[];
  briefing?: Text;
  analysis?: Text;
  /**
   * The published record the case follows (a teaching case, a court file …). Only a case that names
   * one calls its `real: yes` path the real seller's; in any other case that path is a model answer.
   */
  source?: string;
  nodes: Record<string, CaseNode>;
  endings: Record<string, Ending>;
  /** The rules this case cites, copied from its rulebook so a compiled case stands alone. */
  rules: Record<string, Rule>;
  penalties: Record<RuleSeverity, number>;
}

export type DiagnosticSeverity = 'error' | 'warning';

export interface Diagnostic {
  /** One of the catalogue's codes (`diagnostics.ts`), each documented in the authors' guide. */
  code: DiagnosticCode;
  severity: DiagnosticSeverity;
  file: string;
  line: number;
  column: number;
  message: { zh: string; en: string };
  hint?: { zh: string; en: string };
}

export interface ParseResult<T> {
  /** Absent when the file is too broken to play. */
  value?: T;
  diagnostics: Diagnostic[];
}
