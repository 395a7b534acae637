/**
 * A case's fingerprint: SHA-256 over everything that decides how a transcript plays and scores —
 * the graph, reply ids, satisfaction changes, conditions, flags, rules broken with their severities,
 * penalties, pass rule, endings and simulated times.
 *
 * Prose is left out on purpose: the same Markdown becomes slightly different HTML in the build and in
 * a browser, and a false "the case changed" on a whole class's results would be worse than missing a
 * reworded sentence (which the author's `version` field is for). Two cases with the same fingerprint
 * score every transcript identically.
 */
import type { Case } from '../case/types.ts';
import { sha256Hex } from './sha256.ts';

/** JSON with object keys sorted, so equal data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function playable(c: Case) {
  const sorted = <T>(record: Record<string, T>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return {
    id: c.id,
    start: c.start,
    startSatisfaction: c.startSatisfaction,
    pass: c.pass,
    penalties: c.penalties,
    rules: sorted(c.rules).map((r) => ({ id: r.id, severity: r.severity })),
    nodes: sorted(c.nodes).map((n) => ({
      id: n.id,
      time: n.time,
      redirects: n.redirects.map((d) => ({ to: d.to, when: d.when.source })),
      replies: n.replies.map((r) => ({
        id: r.id,
        next: r.next,
        satisfaction: r.satisfaction,
        breaks: r.breaks,
        set: r.set,
        unset: r.unset,
        when: r.when?.source,
        time: r.time,
        real: r.real,
      })),
    })),
    endings: sorted(c.endings).map((e) => ({
      id: e.id,
      result: e.result,
      refund: e.refund,
      paidBy: e.paidBy,
      time: e.time,
      real: e.real,
    })),
  };
}

export function caseHash(c: Case): string {
  return sha256Hex(canonicalJson(playable(c)));
}

/**
 * Rulebooks carry no version number, so the version is the rulebook id with a short hash of the rules
 * this case cites as they stood (severity, "as of" date, and for an undated source the day it was
 * consulted, its only date) and the penalties.
 */
export function rulebookVersion(c: Case): string {
  const rules = Object.values(c.rules)
    .map((r) => ({ id: r.id, severity: r.severity, asOf: r.asOf, consulted: r.asOf ? undefined : r.consulted }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return `${c.rulebook}@${sha256Hex(canonicalJson({ rules, penalties: c.penalties })).slice(0, 12)}`;
}
