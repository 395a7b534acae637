/**
 * The player's settings as layers: the defaults, what the student chose, and (later) what an
 * assignment fixes. The value in force is the top-most layer that sets it; a locked setting is shown
 * but cannot be changed by the student.
 *
 * Pure functions over plain data; the reactive store around them is `settings.svelte.ts`.
 */
import type { Text } from '../case/types.ts';

export type FeedbackMode = 'immediate' | 'deferred';

export interface PlayerSettings {
  /** Feedback after each reply, or all of it in the debrief. */
  feedback: FeedbackMode;
  /** Show a reply's hint (where the case gives one) before choosing. */
  hints: boolean;
  /** Show "… is typing" before each customer message (never with reduced motion). */
  typing: boolean;
}

export type SettingKey = keyof PlayerSettings;

export const SETTING_KEYS: readonly SettingKey[] = ['feedback', 'hints', 'typing'];

export const PLAYER_DEFAULTS: PlayerSettings = { feedback: 'immediate', hints: false, typing: true };

/** Settings fixed from outside, and who fixed them (e.g. an assignment's title). */
export interface SettingsLock {
  values: Partial<PlayerSettings>;
  by?: Text;
}

export interface SettingsLayers {
  student: Partial<PlayerSettings>;
  locked?: SettingsLock;
}

export interface ResolvedSettings {
  value: PlayerSettings;
  locked: SettingKey[];
}

export function resolveSettings(layers: SettingsLayers): ResolvedSettings {
  const lockedValues = cleanSettings(layers.locked?.values).value;
  return {
    value: { ...PLAYER_DEFAULTS, ...cleanSettings(layers.student).value, ...lockedValues },
    locked: SETTING_KEYS.filter((k) => k in lockedValues),
  };
}

/**
 * The valid settings in stored or received data. `dropped` counts values that were present but
 * not usable, so the caller can say that something was reset.
 */
export function cleanSettings(raw: unknown): { value: Partial<PlayerSettings>; dropped: number } {
  if (raw === undefined || raw === null) return { value: {}, dropped: 0 };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { value: {}, dropped: 1 };
  const r = raw as Record<string, unknown>;
  const value: Partial<PlayerSettings> = {};
  let dropped = 0;
  if ('feedback' in r) {
    if (r.feedback === 'immediate' || r.feedback === 'deferred') value.feedback = r.feedback;
    else dropped++;
  }
  for (const key of ['hints', 'typing'] as const) {
    if (!(key in r)) continue;
    if (typeof r[key] === 'boolean') value[key] = r[key];
    else dropped++;
  }
  return { value, dropped };
}

export const SETTINGS_FORMAT = 1;

/** What is stored: only the student's own layer, never a lock. */
export function storedSettings(student: Partial<PlayerSettings>): string {
  return JSON.stringify({ format: SETTINGS_FORMAT, ...cleanSettings(student).value });
}

/** Stored settings back, or why they could not (all or partly) be used. */
export function readStoredSettings(stored: { value?: unknown; corrupt?: true }): {
  student: Partial<PlayerSettings>;
  problem?: 'unreadable' | 'partly';
} {
  if (stored.corrupt) return { student: {}, problem: 'unreadable' };
  if (stored.value === undefined) return { student: {} };
  const v = stored.value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || Array.isArray(v) || v.format !== SETTINGS_FORMAT) return { student: {}, problem: 'unreadable' };
  const { format: _format, ...rest } = v;
  const { value, dropped } = cleanSettings(rest);
  return dropped ? { student: value, problem: 'partly' } : { student: value };
}
