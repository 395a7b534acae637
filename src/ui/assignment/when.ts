/**
 * Real-world times for assignments (due dates, when an attempt was finished), in the reader's time
 * zone unless one is given — unlike case times, which are simulated and shown as written.
 */
import type { UiLang } from '../locale.svelte.ts';

export function formatInstant(iso: string, lang: UiLang, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}) }).format(date);
  } catch {
    // An unknown time zone name from an old browser: the reader's own zone still gives the right moment.
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

/** "12 min", "1 h 5 min", "40 s". */
export function formatDuration(seconds: number, lang: UiLang): string {
  const s = Math.round(seconds);
  const zh = lang === 'zh-CN';
  if (s < 60) return zh ? `${s} 秒` : `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return zh ? `${m} 分钟` : `${m} min`;
  const h = Math.floor(m / 60);
  return zh ? `${h} 小时 ${m % 60} 分钟` : `${h} h ${m % 60} min`;
}

/** The value for a datetime-local input from an ISO instant, in this browser's zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An ISO instant from a datetime-local value, read in this browser's zone; undefined if empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
