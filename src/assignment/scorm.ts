/**
 * An assignment as an LMS package (SCORM 1.2 or 2004): the manifest, the launch page, and the data
 * model values the player reports. The LMS is the record: the learner's work travels in
 * `suspend_data` (the sealed result code, compressed) and the case being played in the location, so
 * the learner resumes on any computer; nothing of another learner's browser is read.
 *
 * The LMS score is the mean over the assignment's cases of (satisfaction + compliance) / 2 for the
 * attempt that counts; a case not yet played counts 0; it never drops below the score the LMS already
 * holds. Passed means every case passed. Each decision point of each case is one interaction id, the
 * same for every learner and attempt, with the best reply as the correct response, so the LMS's item
 * analysis works; each case is an objective.
 *
 * Pure: the teacher page zips the built site with these files, and the student page sends the
 * values through the LMS's API object.
 */
import type { Case, CaseNode, Reply } from '../case/types.ts';
import type { Result } from '../engine/types.ts';
import type { AttemptRecord } from './types.ts';
import { sha256 } from './sha256.ts';

export type ScormVersion = '1.2' | '2004';

const xml = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Files the package must not list twice, and the manifest itself. */
export const LAUNCH_FILE = 'lms.html';

export function manifest(version: ScormVersion, o: { id: string; title: string; files: readonly string[] }): string {
  const files = [...new Set([LAUNCH_FILE, ...o.files])].map((f) => `      <file href="${xml(f)}"/>`).join('\n');
  const ident = `dispute-desk-${o.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const title = xml(o.title);
  if (version === '1.2')
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ident}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${title}</title>
      <item identifier="item" identifierref="sco" isvisible="true">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH_FILE}">
${files}
    </resource>
  </resources>
</manifest>
`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ident}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${title}</title>
      <item identifier="item" identifierref="sco">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="${LAUNCH_FILE}">
${files}
    </resource>
  </resources>
</manifest>
`;
}

/** The query the launch page adds, telling the student page which API to look for. */
export const lmsParam = (version: ScormVersion) => (version === '1.2' ? 'scorm12' : 'scorm2004');

/**
 * The page the LMS opens: it goes on to the player with the assignment in the hash. A separate page,
 * because some LMSs drop or mangle a query or hash in the manifest's launch address. The payload is
 * base64url, so it needs no escaping inside the script or the attribute.
 */
export function launchPage(version: ScormVersion, payload: string, title: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(payload)) throw new Error('payload is not base64url');
  const target = `index.html?lms=${lmsParam(version)}#/a/${payload}`;
  const script = `location.replace(${JSON.stringify(target)});`;
  // Only this one script may run, named by its hash; nothing else loads.
  const policy = `default-src 'none'; script-src 'sha256-${btoa(String.fromCharCode(...sha256(script)))}'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${xml(title)}</title>
<script>${script}</script>
</head>
<body>
<p><a href="${target}">开始 · Start</a></p>
</body>
</html>
`;
}

const pad = (n: number, w = 2) => String(Math.floor(n)).padStart(w, '0');

/** SCORM 1.2 CMITimespan, HHHH:MM:SS. */
export function timespan12(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${pad(s / 3600, 4)}:${pad((s % 3600) / 60)}:${pad(s % 60)}`;
}

/** SCORM 2004 timeinterval, e.g. PT1H2M3S. */
export function duration2004(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s % 60 || (!h && !m) ? `${s % 60}S` : ''}`;
}

export interface CaseOutcome {
  caseId: string;
  /** The attempt that counts, recomputed; absent while the case is not finished. */
  result?: Result;
}

/** The LMS score (0–100) and status over every case of the assignment. */
export function overall(outcomes: readonly CaseOutcome[]): { score: number; done: boolean; passed: boolean } {
  const per = outcomes.map((o) => (o.result ? (o.result.satisfaction + o.result.compliance) / 2 : 0));
  const score = outcomes.length ? Math.round(per.reduce((a, b) => a + b, 0) / outcomes.length) : 0;
  const done = outcomes.every((o) => o.result);
  return { score, done, passed: done && outcomes.every((o) => o.result?.passed) };
}

/** What the LMS held when the session started, so nothing sent makes the grade go backwards. */
export interface Held {
  score?: number;
  passed?: boolean;
}

/** Reads a score the LMS returned ("" when never set). */
export function heldScore(raw: string): number | undefined {
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? Math.max(0, Math.min(100, n)) : undefined;
}

/** Status, score and exit, in the order the data model wants them set. */
export function statusValues(version: ScormVersion, o: ReturnType<typeof overall>, held: Held = {}): [string, string][] {
  const score = Math.max(o.score, held.score ?? 0);
  const passed = o.passed || (o.done && !!held.passed);
  // Suspend keeps the learner's data for the next session; once every case is done the attempt is over.
  if (version === '1.2')
    return [
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.score.raw', String(score)],
      ['cmi.core.lesson_status', !o.done ? 'incomplete' : passed ? 'passed' : 'failed'],
      ['cmi.core.exit', o.done ? '' : 'suspend'],
    ];
  return [
    ['cmi.score.min', '0'],
    ['cmi.score.max', '100'],
    ['cmi.score.raw', String(score)],
    ['cmi.score.scaled', String(score / 100)],
    ['cmi.completion_status', o.done ? 'completed' : 'incomplete'],
    ['cmi.success_status', !o.done ? 'unknown' : passed ? 'passed' : 'failed'],
    ['cmi.exit', o.done ? 'normal' : 'suspend'],
  ];
}

/** The learner's work and where they are, for the next session on any computer. */
export function suspendValues(version: ScormVersion, code: string, location: string): [string, string][] {
  return version === '1.2'
    ? [
        ['cmi.suspend_data', code],
        ['cmi.core.lesson_location', location.slice(0, 255)],
      ]
    : [
        ['cmi.suspend_data', code],
        ['cmi.location', location.slice(0, 1000)],
      ];
}

/** The most `suspend_data` holds: SCORM 1.2 guarantees 4,096 characters, 2004 64,000. */
export const suspendLimit = (version: ScormVersion): number => (version === '1.2' ? 4096 : 64_000);

/** An identifier from ids an author chose: letters, digits, `-`, `_` and `.` only. */
const ident = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');

/** The interaction id of a decision point: the same for every learner and every attempt. */
export const interactionId = (caseId: string, node: string): string => ident(`${caseId}.${node}`).slice(0, 250);

/** Plain text of a message's HTML, for a description field. */
const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The reply to teach from at a node: fewest rules broken, then the most satisfaction; the first on a tie. */
export function bestReply(node: CaseNode): Reply | undefined {
  return node.replies.reduce<Reply | undefined>((best, r) => {
    if (!best) return r;
    if (r.breaks.length !== best.breaks.length) return r.breaks.length < best.breaks.length ? r : best;
    return r.satisfaction > best.satisfaction ? r : best;
  }, undefined);
}

/**
 * The interactions of a finished attempt: one per decision point, at the index `slot` gives for its
 * id (SCORM 1.2 interactions can only be appended; in 2004 an id already there is updated, so the LMS
 * keeps one entry per decision point with the latest reply). Correct is the best reply; a reply that
 * broke a rule or lowered satisfaction is wrong; anything else neutral.
 */
export function interactionValues(version: ScormVersion, c: Case, record: AttemptRecord, result: Result, slot: (id: string) => number): [string, string][] {
  const out: [string, string][] = [];
  let previous = Date.parse(record.startedAt);
  result.path.forEach((step, i) => {
    const at = Date.parse(record.steps[i]?.at ?? record.finishedAt);
    const latency = Math.max(0, (at - previous) / 1000);
    previous = at;
    const node = c.nodes[step.node];
    const best = node && bestReply(node);
    const chosen = node?.replies.find((r) => r.id === step.reply);
    const verdict = best?.id === step.reply ? 'correct' : step.violations.length > 0 || step.delta < 0 ? 'wrong' : 'neutral';
    const id = interactionId(record.caseId, step.node);
    const n = `cmi.interactions.${slot(id)}`;
    if (version === '1.2') {
      const time = new Date(at).toISOString().slice(11, 19);
      out.push(
        [`${n}.id`, id],
        [`${n}.type`, 'choice'],
        [`${n}.time`, time],
        [`${n}.correct_responses.0.pattern`, ident(best?.id ?? step.reply)],
        [`${n}.student_response`, ident(step.reply)],
        [`${n}.result`, verdict],
        [`${n}.latency`, timespan12(latency)],
      );
    } else {
      const buyer = clip(plain(node?.message ?? ''), 160);
      const reply = plain(chosen?.text ?? '');
      out.push(
        [`${n}.id`, id],
        [`${n}.type`, 'choice'],
        [`${n}.description`, clip(`${buyer} → ${step.reply}: ${reply}`, 250)],
        [`${n}.timestamp`, new Date(at).toISOString().slice(0, 19)],
        [`${n}.correct_responses.0.pattern`, ident(best?.id ?? step.reply)],
        [`${n}.learner_response`, ident(step.reply)],
        [`${n}.result`, verdict === 'wrong' ? 'incorrect' : verdict],
        [`${n}.latency`, duration2004(latency)],
      );
    }
  });
  return out;
}

/** One objective per case, in the assignment's order, with the score of the attempt that counts. */
export function objectiveValues(version: ScormVersion, outcomes: readonly CaseOutcome[], started: ReadonlySet<string>): [string, string][] {
  return outcomes.flatMap((o, i): [string, string][] => {
    const n = `cmi.objectives.${i}`;
    const score = o.result ? Math.round((o.result.satisfaction + o.result.compliance) / 2) : undefined;
    const scores: [string, string][] =
      score === undefined
        ? []
        : [
            [`${n}.score.min`, '0'],
            [`${n}.score.max`, '100'],
            [`${n}.score.raw`, String(score)],
          ];
    if (version === '1.2')
      return [[`${n}.id`, ident(o.caseId)], ...scores, [`${n}.status`, o.result ? (o.result.passed ? 'passed' : 'failed') : started.has(o.caseId) ? 'incomplete' : 'not attempted']];
    return [
      [`${n}.id`, ident(o.caseId)],
      ...scores,
      ...(score === undefined ? [] : ([[`${n}.score.scaled`, String(score / 100)]] as [string, string][])),
      [`${n}.success_status`, o.result ? (o.result.passed ? 'passed' : 'failed') : 'unknown'],
      [`${n}.completion_status`, o.result ? 'completed' : started.has(o.caseId) ? 'incomplete' : 'not attempted'],
    ];
  });
}
