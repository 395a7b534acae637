/**
 * Records keyed by strings from outside (node and ending ids from files, case ids, student numbers):
 * made without a prototype, so a key like `constructor`, `toString` or `__proto__` finds only what
 * was put there, never something inherited from `Object`.
 */
export function table<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out: Record<string, T> = Object.create(null);
  for (const [key, value] of entries) out[key] = value;
  return out;
}
