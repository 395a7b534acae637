/**
 * Money, dates and score changes as the learner reads them, via Intl.
 *
 * Case times are simulated marketplace times written without a zone ("2018-05-03T22:30:51"). They
 * are read and shown as UTC so that every learner sees exactly what the author wrote, whatever the
 * time zone of their phone.
 */
import type { Money } from '../case/types.ts';
import type { UiLang } from './locale.svelte.ts';

/** Digits after the decimal point for a currency (USD 2, JPY 0, KWD 3), from Intl itself. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "USD 80.00": the currency code rather than "$", since buyers and sellers use different dollars. */
export function formatMoney(money: Money, lang: UiLang): string {
  const digits = minorDigits(money.currency);
  const major = money.amount / 10 ** digits;
  try {
    return new Intl.NumberFormat(lang, {
      style: 'currency',
      currency: money.currency,
      currencyDisplay: 'code',
    }).format(major);
  } catch {
    // An unknown code (a typo in a hand-written case) still shows the number.
    return `${money.currency} ${major.toFixed(digits)}`;
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?$/;

/** Reads an ISO date or zone-less date-time as UTC; undefined when it is not a date at all. */
export function parseCaseTime(iso: string): Date | undefined {
  let normalised = iso.trim();
  if (DATE_ONLY.test(normalised)) normalised += 'T00:00:00Z';
  else {
    const m = LOCAL_DATE_TIME.exec(normalised);
    if (m) normalised = `${m[1]}T${m[2]}${m[3] ?? ':00'}Z`;
  }
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A simulated time in the UI language, as the author wrote it (no time-zone shift); the raw text if unreadable. */
function formatWith(iso: string, lang: UiLang, options: Intl.DateTimeFormatOptions): string {
  const date = parseCaseTime(iso);
  return date ? new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(date) : iso;
}

/** Seconds are shown only when the author wrote them, as marketplace chat logs do. */
const seconds = (iso: string) => (/\d{2}:\d{2}:\d{2}/.test(iso) ? ('2-digit' as const) : undefined);

export function formatDate(iso: string, lang: UiLang): string {
  return formatWith(iso, lang, { dateStyle: 'medium' });
}

/** A source's date: "Aug 25, 2020", or "Aug 2020" when the source gives only the month (no day is made up). */
export function formatSourceDate(iso: string, lang: UiLang): string {
  return /^\d{4}-\d{2}$/.test(iso.trim()) ? formatWith(iso, lang, { year: 'numeric', month: 'short' }) : formatDate(iso, lang);
}

export function formatDateTime(iso: string, lang: UiLang): string {
  return formatWith(iso, lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: seconds(iso), hourCycle: 'h23' });
}

/** "+10", "−15" (a real minus sign, read correctly by screen readers) or "±0". */
export function formatDelta(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `−${Math.abs(delta)}`;
  return '±0';
}

/** "22:30" (with seconds when the author wrote them): chat bubbles under a day heading need no date. */
export function formatTime(iso: string, lang: UiLang): string {
  return formatWith(iso, lang, { hour: '2-digit', minute: '2-digit', second: seconds(iso), hourCycle: 'h23' });
}

/** "Thursday, May 3, 2018": the heading above a day's messages. */
export function formatDay(iso: string, lang: UiLang): string {
  return formatWith(iso, lang, { dateStyle: 'full' });
}

/** "Thu 22:30": the buyer's clock, as a chat header shows it. */
export function formatClock(iso: string, lang: UiLang): string {
  return formatWith(iso, lang, { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** The case day of a simulated time, for grouping chat messages by day. */
export function dayOf(iso: string | undefined): string | undefined {
  return iso ? parseCaseTime(iso)?.toISOString().slice(0, 10) : undefined;
}

/** A real moment (when an attempt was finished), in the learner's own time zone. */
export function formatMoment(iso: string, lang: UiLang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
