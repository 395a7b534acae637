/**
 * Finding things in a compiled case by the ids the engine records (reply ids, rule ids, endings).
 * A missing id gives undefined rather than an exception: a view should degrade, not crash.
 */
import type { Case, Ending, Reply, Rule } from '../case/types.ts';

export function findReply(c: Case, nodeId: string, replyId: string): Reply | undefined {
  return c.nodes[nodeId]?.replies.find((r) => r.id === replyId);
}

export function findRule(c: Case, ruleId: string): Rule | undefined {
  return c.rules[ruleId];
}

export function findEnding(c: Case, endingId: string): Ending | undefined {
  return c.endings[endingId];
}

/** The first letter of a name, for the round avatar beside a chat message. */
export function initial(name: string): string {
  return (Array.from(name.trim())[0] ?? '?').toUpperCase();
}

/** A rule's `source` may list several public pages separated by " ; ". */
export function sources(rule: Rule): string[] {
  return rule.source
    .split(/\s*;\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}
