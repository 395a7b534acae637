/** Generated case files for the benchmarks and tests: the same shape every run (see graph.ts). */
import { generateGraph, graphToCase, type CaseOptions } from './graph.ts';

export type GenerateOptions = CaseOptions;

/** A chain of N nodes, three replies each: one onward, two to earlier nodes (seeded, repeatable). */
export function generateCase(n: number, options: GenerateOptions = {}): string {
  return graphToCase(generateGraph(n), options);
}
