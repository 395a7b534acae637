/** The learner's scripts follow the import graph: a module lands with the pages that import it. */
import { describe, expect, it } from 'vitest';
import { pageChunks, staticClosure, type ModuleGraph } from '../../src/build/page-chunks.ts';

/** A graph given as each module's static imports; dynamic imports are simply not listed. */
const graphOf = (imports: Record<string, string[]>): ModuleGraph => ({
  getModuleInfo: (id) => (id in imports ? { importedIds: imports[id] ?? [] } : null),
});

const graph = graphOf({
  main: ['App', 'svelte'],
  App: ['router', 'svelte'],
  Home: ['CaseCard', 'cases', 'svelte'],
  CaseCard: ['CaseFacts'],
  CasePage: ['CasePlay', 'cases'],
  CasePlay: ['Chat', 'NewPanel', 'xstate', 'format'],
  Chat: ['format'],
  NewPanel: ['format'],
  Teacher: ['format', 'csv'],
  cases: [],
  CaseFacts: [],
});
const roots = { main: 'main', pages: ['Home', 'CasePage'], player: 'CasePage' };

describe('page chunks', () => {
  it('follow static imports only, each module once, through cycles', () => {
    expect([...staticClosure(graphOf({ a: ['b'], b: ['a', 'c'], c: [] }), 'a')].sort()).toEqual(['a', 'b', 'c']);
    expect([...staticClosure(graph, 'Teacher')].sort()).toEqual(['Teacher', 'csv', 'format']);
  });

  it('put the main script and what both pages share in app, what only the case page imports in player', () => {
    const placed = pageChunks(graph, roots);
    expect(Object.fromEntries([...placed].sort())).toEqual({
      App: 'app',
      CasePage: 'player',
      CasePlay: 'player',
      Chat: 'player',
      NewPanel: 'player',
      cases: 'app',
      format: 'player',
      main: 'app',
      router: 'app',
      svelte: 'app',
      xstate: 'player',
    });
    // The library's own modules and other pages' modules split by page as usual.
    for (const id of ['Home', 'CaseCard', 'CaseFacts', 'Teacher', 'csv']) expect(placed.has(id)).toBe(false);
  });
});
