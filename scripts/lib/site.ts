/**
 * The built site for the browser benchmarks: `vite build` into a temporary folder (with hidden
 * source maps, so the benchmark can tell which libraries each script contains without changing
 * what the browser downloads) and `vite preview` serving it on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';

export interface Site {
  outDir: string;
  /** Ends with `/`. */
  url: string;
  close(): Promise<void>;
}

export async function buildAndServe(root: string): Promise<Site> {
  const outDir = mkdtempSync(join(tmpdir(), 'dispute-desk-bench-'));
  try {
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: 'hidden' } });
    const server = await preview({
      root,
      logLevel: 'warn',
      build: { outDir },
      // BENCH_PORT: another port, so two checkouts can run the bench side by side.
      preview: { host: '127.0.0.1', port: Number(process.env.BENCH_PORT ?? 4373), strictPort: false, open: false },
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report its address');
    return {
      outDir,
      url: url.endsWith('/') ? url : `${url}/`,
      async close() {
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}
