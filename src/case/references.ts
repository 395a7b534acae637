/**
 * Cross-reference checks once every node and ending is read: targets exist, cited rules exist in
 * the rulebook, tested flags are set somewhere, and the rules a case sets out to practise are cited.
 */
import { didYouMean, type Reporter } from './diagnostics.ts';
import type { KeyPositions } from './entries.ts';
import type { CaseIds } from './ids.ts';
import { nearest } from './keys.ts';
import type { Meta } from './meta.ts';
import type { CaseNode, Condition, Reply, Rulebook } from './types.ts';

export function checkReferences(
  meta: Meta,
  ids: CaseIds,
  rulebook: Rulebook | undefined,
  report: Reporter,
  positions: KeyPositions,
  targetsUnknowable = false,
): Set<string> {
  const nodeList = ids.nodes;
  const missingTarget = (id: string, line: number, column: number) =>
    targetsUnknowable ||
    report.report('TARGET_NOT_FOUND', line, column, { id }, (() => {
      const guess = nearest(id, ids.names());
      return guess ? didYouMean(guess) : { zh: `在 # Dialogue 下加 ## ${id}，或在 # Endings 下加结局。`, en: `Add ## ${id} under # Dialogue, or an ending under # Endings.` };
    })());

  const setFlags = new Set<string>();
  const cited = new Set<string>();
  for (const node of nodeList)
    for (const r of node.replies) {
      for (const flag of r.set) setFlags.add(flag);
      for (const id of r.follows) cited.add(id);
      for (const id of r.breaks) cited.add(id);
    }

  const replyIds = new Map<string, number>();
  if (positions.explicitIds)
    for (const node of nodeList)
      for (const r of node.replies) {
        const first = replyIds.get(r.id);
        if (first === undefined) replyIds.set(r.id, r.at.line);
        else {
          const pos = positions.of(node, r, 'id');
          report.report('DUPLICATE_ID', pos.line, pos.column, { id: r.id, first }, {
            zh: '每条回复的 id 在整个案例中必须唯一；改掉其中一个，或删掉 id 行用默认编号。',
            en: 'Reply ids must be unique in the case: change one, or remove the id line to use the default.',
          });
        }
      }

  // Each cited id is looked up in the rulebook once; most cases cite a few rules many times.
  const unknownRules = new Set<string>();
  if (rulebook) for (const id of cited) if (!rulebook.rules[id]) unknownRules.add(id);

  const unknownRule = (node: CaseNode, r: Reply, id: string) => {
    const pos = positions.of(node, r, r.breaks.includes(id) ? 'breaks' : 'follows');
    const guess = nearest(id, Object.keys(rulebook!.rules));
    report.report('RULE_NOT_FOUND', pos.line, pos.column, { id, rulebook: rulebook!.id }, guess ? didYouMean(guess) : undefined);
    if (guess) cited.add(guess);
  };
  // Reported where the condition is written: the reply's `if` line or the node's `go to` line.
  const flagTests = (at: { line: number; column: number }, c: Condition | undefined) => {
    if (c)
      for (const t of c.tests)
        if (t.kind === 'flag' && !setFlags.has(t.flag)) {
          const guess = nearest(t.flag, setFlags);
          report.report('FLAG_NEVER_SET', at.line, at.column, { flag: t.flag }, guess ? didYouMean(guess) : {
            zh: `在某条回复下加 - set: ${t.flag}`,
            en: `Add - set: ${t.flag} under some reply.`,
          });
        }
  };
  for (let i = 0; i < nodeList.length; i++) {
    const node = nodeList[i];
    for (const red of node.redirects) if (!ids.index.has(red.to)) missingTarget(red.to, red.at.line, red.at.column);
    for (let j = 0; j < node.replies.length; j++) {
      const r = node.replies[j];
      if (r.next && ids.replyTarget[ids.replyStart[i] + j] < 0) {
        const pos = positions.of(node, r, 'next');
        missingTarget(r.next, pos.line, pos.column);
      }
      if (unknownRules.size) {
        for (const id of r.follows) if (unknownRules.has(id)) unknownRule(node, r, id);
        for (const id of r.breaks) if (unknownRules.has(id)) unknownRule(node, r, id);
      }
      if (r.when) flagTests(positions.of(node, r, 'if'), r.when);
    }
    for (const d of node.redirects) flagTests(d.at, d.when);
  }

  if (rulebook)
    for (const o of meta.objectivesAt) {
      if (!rulebook.rules[o.id]) {
        const guess = nearest(o.id, Object.keys(rulebook.rules));
        report.report('RULE_NOT_FOUND', o.line, o.column, { id: o.id, rulebook: rulebook.id }, guess ? didYouMean(guess) : undefined);
      } else if (!cited.has(o.id))
        report.report('RULE_NEVER_CITED', o.line, o.column, { id: o.id }, {
          zh: '让某条回复 follows 或 breaks 这条规则，或把它从 rules 中删掉。',
          en: 'Have a reply follow or break it, or remove it from rules.',
        });
    }
  // The rules the replies cite; the value of a case is built only when none was unknown.
  return cited;
}
