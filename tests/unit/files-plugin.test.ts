/** The build's list of its own files, which the LMS package is made from. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_LIST, filesPlugin } from '../../src/build/files-plugin.ts';
import { nth } from '../fixtures/present.ts';

describe('files plugin', () => {
  it('lists every output file and every public file once, sorted, without itself', () => {
    const publicDir = mkdtempSync(join(tmpdir(), 'public-'));
    mkdirSync(join(publicDir, 'img'));
    writeFileSync(join(publicDir, 'img', 'logo.png'), 'x');
    writeFileSync(join(publicDir, 'robots.txt'), 'x');
    const plugin = filesPlugin();
    (plugin.configResolved as (c: unknown) => void)({ publicDir });
    const emitted: { fileName: string; source: string }[] = [];
    const bundle = { 'index.html': {}, 'assets/index-abc.js': {}, 'robots.txt': {}, [FILE_LIST]: {} };
    (plugin.generateBundle as (this: unknown, o: unknown, b: unknown) => void).call({ emitFile: (f: { fileName: string; source: string }) => emitted.push(f) }, {}, bundle);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]?.fileName).toBe('files.json');
    expect(JSON.parse(nth(emitted, 0).source)).toEqual({ files: ['assets/index-abc.js', 'img/logo.png', 'index.html', 'robots.txt'] });
    expect(plugin.apply).toBe('build');
  });
});
