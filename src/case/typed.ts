/**
 * Growing the typed arrays that hold many small records as numbers (the scanner's key lines, the
 * state walk's states): numbers in typed arrays cost the garbage collector nothing to keep.
 */

/** `to`, a larger array, with `from` copied into its start. */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
