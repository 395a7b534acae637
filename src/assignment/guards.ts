/**
 * Small checks for data that arrives from outside (a link, a file, a pasted code): every field is
 * read through these, so a missing or mistyped field becomes a named problem, never a crash later.
 */

export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
export const isString = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
export const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
export const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
/** Whole seconds, UTC: how files store a time, so a code round-trips exactly. */
export const instant = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
/** An ISO date-time that `Date` can read. */
export const isInstant = (v: unknown): v is string => isString(v, 40) && !Number.isNaN(Date.parse(v));

/** Thrown inside a parser with the field that is wrong; caught at its edge and turned into a message. */
export class ShapeError extends Error {
  constructor(readonly field: string) {
    super(`unexpected value in “${field}”`);
  }
}

export function need<T>(ok: boolean, field: string, value: T): T {
  if (!ok) throw new ShapeError(field);
  return value;
}

/** A check that narrows its value's type, so a field read through it needs no cast. */
export type Guard<T> = (v: unknown) => v is T;

/** The value, typed by the check it passed; otherwise a ShapeError naming the field. */
export function want<T>(v: unknown, ok: Guard<T>, field: string): T {
  if (!ok(v)) throw new ShapeError(field);
  return v;
}

/** A text of at most `max` characters; `filled`: not blank either. */
export const text =
  (max: number, filled = false): Guard<string> =>
  (v): v is string =>
    isString(v, max) && (!filled || v.trim() !== '');
export const int =
  (min: number, max: number): Guard<number> =>
  (v): v is number =>
    isInt(v, min, max);
export const isNumber: Guard<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);
/** A list of at most `max` items, not yet checked one by one. */
export const list =
  (max: number): Guard<unknown[]> =>
  (v): v is unknown[] =>
    Array.isArray(v) && v.length <= max;
export const oneOf =
  <const T extends string>(...values: T[]): Guard<T> =>
  (v): v is T =>
    values.some((x) => x === v);
/** A list read by position: exactly `n` items, or up to `optional` more. */
export const slots =
  (n: number, optional = 0): Guard<unknown[]> =>
  (v): v is unknown[] =>
    Array.isArray(v) && v.length >= n && v.length <= n + optional;
