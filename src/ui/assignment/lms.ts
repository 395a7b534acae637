/**
 * The student page's side of an LMS package: finds the SCORM API the LMS provides (1.2 `API` or
 * 2004 `API_1484_11`, in a parent frame or the opener), reads who the learner is, and sends the
 * values `scorm.ts` works out. Every call is guarded: an LMS that misbehaves must not stop the case.
 */
import { duration2004, timespan12, type ScormVersion } from '../../assignment/scorm.ts';

interface Api12 {
  LMSInitialize(s: string): string;
  LMSFinish(s: string): string;
  LMSGetValue(k: string): string;
  LMSSetValue(k: string, v: string): string;
  LMSCommit(s: string): string;
}
interface Api2004 {
  Initialize(s: string): string;
  Terminate(s: string): string;
  GetValue(k: string): string;
  SetValue(k: string, v: string): string;
  Commit(s: string): string;
}

export interface Lms {
  version: ScormVersion;
  learner: { name: string; id: string };
  /** How many interactions the LMS holds already (new ones are appended). */
  interactionCount(): number;
  send(values: readonly [string, string][]): void;
  finish(): void;
}

function findApi<T>(name: string): T | undefined {
  const look = (w: Window | null): T | undefined => {
    for (let i = 0; w && i < 10; i++) {
      try {
        const api = (w as unknown as Record<string, unknown>)[name];
        if (api) return api as T;
      } catch {
        return undefined; // a frame of another origin
      }
      if (w.parent === w) break;
      w = w.parent;
    }
    return undefined;
  };
  return look(window) ?? look(window.opener as Window | null);
}

/** "Zhang, San" (SCORM's "last, first") reads better as "San Zhang"; a Chinese name has no comma. */
const displayName = (n: string) => (n.includes(',') ? n.split(',').map((p) => p.trim()).reverse().join(' ') : n.trim());

export function lmsVersionFromUrl(search: string): ScormVersion | undefined {
  const v = new URLSearchParams(search).get('lms');
  return v === 'scorm12' ? '1.2' : v === 'scorm2004' ? '2004' : undefined;
}

export function connectLms(version: ScormVersion): Lms | undefined {
  const started = Date.now();
  const safe = <R>(f: () => R, fallback: R): R => {
    try {
      return f();
    } catch {
      return fallback;
    }
  };
  if (version === '1.2') {
    const api = findApi<Api12>('API');
    if (!api || safe(() => api.LMSInitialize(''), 'false') !== 'true') return undefined;
    if (['not attempted', ''].includes(safe(() => api.LMSGetValue('cmi.core.lesson_status'), ''))) safe(() => api.LMSSetValue('cmi.core.lesson_status', 'incomplete'), '');
    let finished = false;
    return {
      version,
      learner: { name: displayName(safe(() => api.LMSGetValue('cmi.core.student_name'), '')), id: safe(() => api.LMSGetValue('cmi.core.student_id'), '') },
      interactionCount: () => Number(safe(() => api.LMSGetValue('cmi.interactions._count'), '0')) || 0,
      send(values) {
        for (const [k, v] of values) safe(() => api.LMSSetValue(k, v), '');
        safe(() => api.LMSSetValue('cmi.core.session_time', timespan12((Date.now() - started) / 1000)), '');
        safe(() => api.LMSCommit(''), '');
      },
      finish() {
        if (finished) return;
        finished = true;
        safe(() => api.LMSSetValue('cmi.core.session_time', timespan12((Date.now() - started) / 1000)), '');
        safe(() => api.LMSFinish(''), '');
      },
    };
  }
  const api = findApi<Api2004>('API_1484_11');
  if (!api || safe(() => api.Initialize(''), 'false') !== 'true') return undefined;
  let finished = false;
  return {
    version,
    learner: { name: displayName(safe(() => api.GetValue('cmi.learner_name'), '')), id: safe(() => api.GetValue('cmi.learner_id'), '') },
    interactionCount: () => Number(safe(() => api.GetValue('cmi.interactions._count'), '0')) || 0,
    send(values) {
      for (const [k, v] of values) safe(() => api.SetValue(k, v), '');
      safe(() => api.SetValue('cmi.session_time', duration2004((Date.now() - started) / 1000)), '');
      safe(() => api.Commit(''), '');
    },
    finish() {
      if (finished) return;
      finished = true;
      safe(() => api.SetValue('cmi.session_time', duration2004((Date.now() - started) / 1000)), '');
      safe(() => api.SetValue('cmi.exit', 'suspend'), '');
      safe(() => api.Terminate(''), '');
    },
  };
}
