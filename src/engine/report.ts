/**
 * The path report: every path through a case summarised per ending — how many paths reach it,
 * the satisfaction and compliance ranges, how many pass — plus what an author should look at:
 * endings no path reaches, replies that never lead to a pass, and the best path.
 *
 * Like ChoiceScript's quicktest or TalkMaster's "check final scores", but for both axes.
 */
import type { Case } from '../case/types.ts';
import { allPaths, bestOf } from './paths.ts';
import type { Result } from './types.ts';

export interface EndingSummary {
  ending: string;
  paths: number;
  passed: number;
  satisfaction: [number, number];
  compliance: [number, number];
}

export interface PathReport {
  paths: number;
  truncated: boolean;
  stuck: number;
  endings: EndingSummary[];
  /** Endings that no path reaches. */
  unreached: string[];
  /** Replies that are on some path, but on no passing one. */
  neverPass: string[];
  best?: Result;
}

export function pathReport(c: Case, options: { maxVisits?: number; limit?: number } = {}): PathReport {
  const walk = allPaths(c, options);
  const byEnding = new Map<string, Result[]>();
  for (const r of walk.results) {
    const list = byEnding.get(r.ending);
    if (list) list.push(r);
    else byEnding.set(r.ending, [r]);
  }
  const range = (xs: number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];
  const endings = Object.keys(c.endings)
    .filter((id) => byEnding.has(id))
    .map((id) => {
      const rs = byEnding.get(id)!;
      return {
        ending: id,
        paths: rs.length,
        passed: rs.filter((r) => r.passed).length,
        satisfaction: range(rs.map((r) => r.satisfaction)),
        compliance: range(rs.map((r) => r.compliance)),
      };
    });
  const onPath = new Set<string>();
  const onPass = new Set<string>();
  for (const r of walk.results)
    for (const s of r.path) {
      onPath.add(s.reply);
      if (r.passed) onPass.add(s.reply);
    }
  const best = bestOf(walk.results);
  return {
    paths: walk.results.length,
    truncated: walk.truncated,
    stuck: walk.stuck.length,
    endings,
    unreached: Object.keys(c.endings).filter((id) => !byEnding.has(id)),
    neverPass: [...onPath].filter((id) => !onPass.has(id)),
    ...(best ? { best } : {}),
  };
}
