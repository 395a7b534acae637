/** Types of the build-time modules provided by `cases-plugin.ts`. */
declare module 'virtual:cases' {
  type Case = import('../case/types.ts').Case;
  /** Fetches one compiled case; undefined for an id no shipped case has. */
  export function loadCase(id: string): Promise<(Case & { rendered: true }) | undefined>;
}

/** The library's list: every shipped case's summary. */
declare module 'virtual:case-summaries' {
  export const summaries: import('./compile-cases.ts').CaseSummary[];
  /** Files with errors, shown as cards with their diagnostics; always empty in a build (it fails instead). */
  export const problems: import('./compile-cases.ts').CaseProblem[];
}

/** Only for checking a case file opened in the browser: import it lazily. */
declare module 'virtual:rulebooks' {
  export const rulebooks: Record<string, import('../case/types.ts').Rulebook>;
}
