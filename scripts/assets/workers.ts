// Worker scripts the site serves from public/, bundled into classic (IIFE) scripts: LiteRT.js loads
// its WASM glue with importScripts(), which module workers (Vite's `worker.format: 'es'`, used by the
// quantizer) refuse. The worker gets every URL from the page, so nothing in it reads the site's base.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bundlePageScript } from '../../src/lib/node/page-script.ts';

const workers = [{ entry: 'src/lib/runtime/litert-worker/worker.ts', out: 'workers/litert-worker.js' }];

/** Bundles every worker into public/; returns how many files changed. */
export async function bundleWorkers(root: string, publicDir: string): Promise<number> {
  let written = 0;
  for (const { entry, out } of workers) {
    const target = join(publicDir, out);
    const text = await bundlePageScript(root, join(root, entry));
    if (text === (await readFile(target, 'utf8').catch(() => null))) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    written++;
  }
  return written;
}
