/**
 * An assignment as an LMS package (SCORM 1.2 or 2004): the manifest, the launch page, and the data
 * model values the player reports — score, passed or failed, time, and every reply as an interaction.
 *
 * Pure: the teacher page zips the built site with these files, and the student page sends the
 * values through the LMS's API object. The LMS score is the mean over the assignment's cases of
 * (satisfaction + compliance) / 2 for the attempt that counts; a case not yet played counts 0.
 * Passed means every case passed.
 */
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

/** Status and score, in the order the data model wants them set. */
export function statusValues(version: ScormVersion, o: ReturnType<typeof overall>): [string, string][] {
  if (version === '1.2')
    return [
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.score.raw', String(o.score)],
      ['cmi.core.lesson_status', !o.done ? 'incomplete' : o.passed ? 'passed' : 'failed'],
    ];
  return [
    ['cmi.score.min', '0'],
    ['cmi.score.max', '100'],
    ['cmi.score.raw', String(o.score)],
    ['cmi.score.scaled', String(o.score / 100)],
    ['cmi.completion_status', o.done ? 'completed' : 'incomplete'],
    ['cmi.success_status', !o.done ? 'unknown' : o.passed ? 'passed' : 'failed'],
  ];
}

/** An identifier from ids an author chose: letters, digits, `-`, `_` and `.` only. */
const ident = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');

/**
 * One interaction per reply of a finished attempt, numbered from `start` (interactions are append-only
 * in SCORM 1.2). A reply that broke a rule or lowered satisfaction is "wrong", one that raised it is
 * "correct", anything else neutral.
 */
export function interactionValues(version: ScormVersion, record: AttemptRecord, result: Result, start: number): [string, string][] {
  const out: [string, string][] = [];
  let previous = Date.parse(record.startedAt);
  result.path.forEach((step, i) => {
    const at = Date.parse(record.steps[i]?.at ?? record.finishedAt);
    const latency = Math.max(0, (at - previous) / 1000);
    previous = at;
    const verdict = step.violations.length > 0 || step.delta < 0 ? 'wrong' : step.delta > 0 ? 'correct' : 'neutral';
    const n = `cmi.interactions.${start + i}`;
    const id = ident(`${record.caseId}.a${record.number}.t${step.turn}.${step.node}`).slice(0, 250);
    if (version === '1.2') {
      const time = new Date(at).toISOString().slice(11, 19);
      out.push([`${n}.id`, id], [`${n}.type`, 'choice'], [`${n}.student_response`, ident(step.reply)], [`${n}.result`, verdict], [`${n}.time`, time], [`${n}.latency`, timespan12(latency)]);
    } else {
      const timestamp = new Date(at).toISOString().slice(0, 19);
      out.push(
        [`${n}.id`, id],
        [`${n}.type`, 'choice'],
        [`${n}.timestamp`, timestamp],
        [`${n}.learner_response`, ident(step.reply)],
        [`${n}.result`, verdict === 'wrong' ? 'incorrect' : verdict],
        [`${n}.latency`, duration2004(latency)],
        [`${n}.description`, `${record.caseId} · turn ${step.turn}`],
      );
    }
  });
  return out;
}
