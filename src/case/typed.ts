/**
 * Growing the typed arrays the path explorer (`src/engine/explore.ts`) keeps its states in: a walk
 * over a large case holds hundreds of thousands of them.
 */

/** `to`, a larger array, with `from` copied into its start. */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
