/**
 * Which script each module of the learner's pages goes in, worked out from the import graph.
 *
 * The library and a case page are each loaded on demand (the app's lazy `import()` of the page).
 * What the main script imports, and what both pages import, goes in one `app` script; what only the
 * case page imports goes in one `player` script. Fewer, larger scripts compress better and arrive
 * together. A module is placed by what imports it, so a new component lands with its page without
 * being listed anywhere; everything else (the teacher's pages, the studio, the library's own code)
 * splits by page as usual.
 */

/** The part of the bundler's module information this needs. */
export interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

export interface PageChunkRoots {
  /** The main script's module. */
  main: string;
  /** Pages whose shared modules join the main script's (the library, the case page). */
  pages: readonly string[];
  /** The page that gets a script of its own for everything only it imports. */
  player: string;
}

/** Every module `root` imports without a dynamic `import()`, itself included. */
export function staticClosure(graph: ModuleGraph, root: string): Set<string> {
  const seen = new Set<string>();
  const todo = [root];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/** The chunk name of each module of the main script and the learner's pages; others are not placed. */
export function pageChunks(graph: ModuleGraph, roots: PageChunkRoots): Map<string, 'app' | 'player'> {
  const placed = new Map<string, 'app' | 'player'>();
  for (const id of staticClosure(graph, roots.main)) placed.set(id, 'app');
  const reached = new Map<string, number>();
  for (const page of roots.pages) for (const id of staticClosure(graph, page)) reached.set(id, (reached.get(id) ?? 0) + 1);
  for (const [id, count] of reached) if (count > 1) placed.set(id, 'app');
  for (const id of staticClosure(graph, roots.player)) if (!placed.has(id)) placed.set(id, 'player');
  return placed;
}

/**
 * The bundler's chunk-name function for these roots (absolute module ids). The graph is complete by
 * the time chunks are named, so it is read once, on the first call.
 */
export function pageChunkName(roots: PageChunkRoots): (id: string, ctx: ModuleGraph) => string | null {
  let placed: Map<string, 'app' | 'player'> | undefined;
  return (id, ctx) => {
    placed ??= pageChunks(ctx, roots);
    return placed.get(id) ?? null;
  };
}
