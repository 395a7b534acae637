/** Small statistics for the benchmark: medians and percentiles of timings. */

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The value below which a fraction `p` of the samples fall (nearest rank). */
export const percentile = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** `✓` when a figure meets its goal, `✗` when not: the benchmark reports, it never fails. */
export const mark = (ok: boolean): string => (ok ? '✓' : '✗');
