/** Types of the build-time case module provided by `cases-plugin.ts`. */
declare module 'virtual:cases' {
  type Case = import('../case/types.ts').Case;
  export const summaries: import('./cases-plugin.ts').CaseSummary[];
  export const rulebooks: Record<string, import('../case/types.ts').Rulebook>;
  export function loadCase(id: string): Promise<(Case & { rendered: true }) | undefined>;
}
