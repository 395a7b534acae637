/**
 * The student page's side of an LMS package: finds the SCORM API the LMS provides (1.2 `API` or
 * 2004 `API_1484_11`, in a parent frame or the opener), reads who the learner is and what the LMS
 * kept from earlier sessions, and sends the values `scorm.ts` works out. Every call is guarded: an
 * LMS that misbehaves must not stop the case.
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
  /** What the LMS kept from earlier sessions: the learner's work, where they were, the score. */
  stored: { suspendData: string; location: string; score: string; status: string };
  get(key: string): string;
  /** Sets the values (and the session time) and commits them. */
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

const safe = <R>(f: () => R, fallback: R): R => {
  try {
    return f();
  } catch {
    return fallback;
  }
};

/** The two versions' calls under one shape. */
interface Calls {
  init(): string;
  get(k: string): string;
  set(k: string, v: string): string;
  commit(): string;
  end(): string;
}

function calls(version: ScormVersion): Calls | undefined {
  if (version === '1.2') {
    const api = findApi<Api12>('API');
    return api && { init: () => api.LMSInitialize(''), get: (k) => api.LMSGetValue(k), set: (k, v) => api.LMSSetValue(k, v), commit: () => api.LMSCommit(''), end: () => api.LMSFinish('') };
  }
  const api = findApi<Api2004>('API_1484_11');
  return api && { init: () => api.Initialize(''), get: (k) => api.GetValue(k), set: (k, v) => api.SetValue(k, v), commit: () => api.Commit(''), end: () => api.Terminate('') };
}

export function connectLms(version: ScormVersion): Lms | undefined {
  const started = Date.now();
  const api = calls(version);
  if (!api || safe(() => api.init(), 'false') !== 'true') return undefined;
  const get = (k: string) => String(safe(() => api.get(k), '') ?? '');
  const v12 = version === '1.2';
  const sessionTime = (): [string, string] =>
    v12 ? ['cmi.core.session_time', timespan12((Date.now() - started) / 1000)] : ['cmi.session_time', duration2004((Date.now() - started) / 1000)];
  const stored = {
    suspendData: get('cmi.suspend_data'),
    location: get(v12 ? 'cmi.core.lesson_location' : 'cmi.location'),
    score: get(v12 ? 'cmi.core.score.raw' : 'cmi.score.raw'),
    status: get(v12 ? 'cmi.core.lesson_status' : 'cmi.success_status'),
  };
  let finished = false;
  return {
    version,
    learner: {
      name: displayName(get(v12 ? 'cmi.core.student_name' : 'cmi.learner_name')),
      id: get(v12 ? 'cmi.core.student_id' : 'cmi.learner_id').trim(),
    },
    stored,
    get,
    send(values) {
      if (finished) return;
      for (const [k, v] of [...values, sessionTime()]) safe(() => api.set(k, v), '');
      safe(() => api.commit(), '');
    },
    finish() {
      if (finished) return;
      finished = true;
      const [k, v] = sessionTime();
      safe(() => api.set(k, v), '');
      safe(() => api.end(), '');
    },
  };
}
