/** Small statistics for the benchmark: medians and percentiles of timings. */

/** The value below which a fraction `p` of the samples fall (nearest rank); NaN for no samples. */
export const percentile = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

export const median = (xs: number[]): number => percentile(xs, 0.5);

/** `✓` when a figure meets its goal, `✗` when not: the benchmark reports, it never fails. */
export const mark = (ok: boolean): string => (ok ? '✓' : '✗');
