// Worker scripts the site serves from public/: bundled here by esbuild into classic (IIFE) scripts,
// because LiteRT.js loads its WASM glue with importScripts(), which module workers (Vite's
// `worker.format: 'es'`, used by the quantizer) refuse.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const workers = [{ entry: 'src/lib/runtime/litert-worker/worker.ts', out: 'workers/litert-worker.js' }];

/** Bundles every worker into public/; returns how many files changed. */
export async function bundleWorkers(root: string, publicDir: string): Promise<number> {
  let written = 0;
  for (const { entry, out } of workers) {
    const target = join(publicDir, out);
    const before = await readFile(target, 'utf8').catch(() => null);
    const result = await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      // The worker gets every URL from the page; nothing in it reads the site's base.
      define: { 'import.meta.env': 'undefined' },
      write: false,
      logLevel: 'error',
      absWorkingDir: root,
    });
    const text = result.outputFiles[0]!.text;
    if (text !== before) {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
      written++;
    }
  }
  return written;
}
