/**
 * Cross-reference checks once every node and ending is read: targets exist, cited rules exist in
 * the rulebook, tested flags are set somewhere, reply ids are unique, and the rules a case sets out
 * to practise are cited. A wrong reference is reported at the value where it is written.
 */
import { didYouMean, type Reporter } from './diagnostics.ts';
import type { NodeRead, ReplyRead } from './entries.ts';
import { valueAt } from './fields.ts';
import type { CaseIds } from './ids.ts';
import { nearest } from './keys.ts';
import type { Meta } from './meta.ts';
import type { Located } from './syntax.ts';
import type { Condition, Rulebook } from './types.ts';

interface Context {
  ids: CaseIds;
  rulebook: Rulebook | undefined;
  report: Reporter;
  /** Without the endings section, a target naming an ending cannot be checked: that is the same mistake. */
  targetsUnknowable: boolean;
  flagsSet: Set<string>;
  /** The rules the replies cite; a misspelt one counts as the rule it was meant to be. */
  cited: Set<string>;
  /** Cited rules the rulebook does not have, each looked up once. */
  unknownRules: Set<string>;
}

/** `nodes` in the order of `ids`. Returns the rules the replies cite. */
export function checkReferences(meta: Meta, ids: CaseIds, nodes: NodeRead[], rulebook: Rulebook | undefined, report: Reporter, targetsUnknowable = false): Set<string> {
  const cited = new Set<string>();
  const flagsSet = new Set<string>();
  for (const { replies } of nodes)
    for (const { reply } of replies) {
      for (const list of [reply.follows, reply.breaks]) for (const id of list) cited.add(id);
      for (const flag of reply.set) flagsSet.add(flag);
    }
  const unknownRules = new Set(rulebook ? [...cited].filter((id) => !rulebook.rules[id]) : []);
  const context: Context = { ids, rulebook, report, targetsUnknowable, flagsSet, cited, unknownRules };
  checkReplyIds(nodes, report);
  for (const { node, replies } of nodes) {
    for (const d of node.redirects) if (!ids.index.has(d.to)) missingTarget(context, d.to, d.at);
    for (const read of replies) checkReply(context, read);
    for (const d of node.redirects) checkFlags(context, d.at, d.when);
  }
  if (rulebook) checkObjectives(meta, rulebook, cited, report);
  return cited;
}

function checkReply(context: Context, { reply, syntax }: ReplyRead): void {
  const at = (key: string) => valueAt(syntax.keys, key) ?? reply.at;
  if (reply.next && !context.ids.index.has(reply.next)) missingTarget(context, reply.next, at('next'));
  if (context.unknownRules.size)
    for (const list of [reply.follows, reply.breaks])
      for (const id of list) if (context.unknownRules.has(id)) unknownRule(context, id, at(reply.breaks.includes(id) ? 'breaks' : 'follows'));
  if (reply.when) checkFlags(context, at('if'), reply.when);
}

/** Reply ids an author gives must be unique in the case, like the default ones (`node-id.N`). */
function checkReplyIds(nodes: NodeRead[], report: Reporter): void {
  const firstLine = new Map<string, number>();
  for (const { reply, syntax } of nodes.flatMap((n) => n.replies)) {
    const first = firstLine.get(reply.id);
    if (first === undefined) {
      firstLine.set(reply.id, reply.at.line);
      continue;
    }
    const at = valueAt(syntax.keys, 'id') ?? reply.at;
    report.report('DUPLICATE_ID', at.line, at.column, { id: reply.id, first }, {
      zh: '每条回复的 id 在整个案例中必须唯一；改掉其中一个，或删掉 id 行用默认编号。',
      en: 'Reply ids must be unique in the case: change one, or remove the id line to use the default.',
    });
  }
}

function missingTarget(context: Context, id: string, at: Located): void {
  if (context.targetsUnknowable) return;
  const guess = nearest(id, context.ids.names);
  context.report.report('TARGET_NOT_FOUND', at.line, at.column, { id }, guess ? didYouMean(guess) : {
    zh: `在 # Dialogue 下加 ## ${id}，或在 # Endings 下加结局。`,
    en: `Add ## ${id} under # Dialogue, or an ending under # Endings.`,
  });
}

function unknownRule(context: Context, id: string, at: Located): void {
  const { rulebook } = context;
  if (!rulebook) return;
  const guess = nearest(id, Object.keys(rulebook.rules));
  context.report.report('RULE_NOT_FOUND', at.line, at.column, { id, rulebook: rulebook.id }, guess ? didYouMean(guess) : undefined);
  if (guess) context.cited.add(guess);
}

/** Flags a condition tests must be set by some reply; reported where the condition is written. */
function checkFlags(context: Context, at: Located, condition: Condition): void {
  for (const test of condition.tests) {
    if (test.kind !== 'flag' || context.flagsSet.has(test.flag)) continue;
    const guess = nearest(test.flag, context.flagsSet);
    context.report.report('FLAG_NEVER_SET', at.line, at.column, { flag: test.flag }, guess ? didYouMean(guess) : {
      zh: `在某条回复下加 - set: ${test.flag}`,
      en: `Add - set: ${test.flag} under some reply.`,
    });
  }
}

/** The rules the case sets out to practise exist, and some reply follows or breaks each. */
function checkObjectives(meta: Meta, rulebook: Rulebook, cited: Set<string>, report: Reporter): void {
  for (const { id, at } of meta.objectives) {
    if (!rulebook.rules[id]) {
      const guess = nearest(id, Object.keys(rulebook.rules));
      report.report('RULE_NOT_FOUND', at.line, at.column, { id, rulebook: rulebook.id }, guess ? didYouMean(guess) : undefined);
    } else if (!cited.has(id))
      report.report('RULE_NEVER_CITED', at.line, at.column, { id }, {
        zh: '让某条回复 follows 或 breaks 这条规则，或把它从 rules 中删掉。',
        en: 'Have a reply follow or break it, or remove it from rules.',
      });
  }
}
