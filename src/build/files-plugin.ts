/**
 * Vite plugin: writes `files.json`, the list of every file in the built site (relative paths), so the
 * site can package itself — the teacher page fetches these files to build an LMS (SCORM) package.
 * Runs last, so `index.html` and every chunk are in the list; files from the public folder too.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

export const FILE_LIST = 'files.json';

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    out = statSync(path).isDirectory() ? [...out, ...walk(path)] : [...out, path];
  }
  return out;
}

export function filesPlugin(): Plugin {
  let publicDir = '';
  return {
    name: 'dispute-desk-files',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const fromPublic = publicDir ? (() => { try { return walk(publicDir).map((f) => relative(publicDir, f).split(sep).join('/')); } catch { return []; } })() : [];
      const files = [...new Set([...Object.keys(bundle), ...fromPublic])].filter((f) => f !== FILE_LIST).sort();
      this.emitFile({ type: 'asset', fileName: FILE_LIST, source: `${JSON.stringify({ files }, null, 1)}\n` });
    },
  };
}
