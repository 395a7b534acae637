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
