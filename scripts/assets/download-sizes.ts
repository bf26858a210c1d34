// Sizes of what a demo downloads, for the page to state the true first-visit download: every
// WASM/JS file of the runtimes and every model of a pair, raw and gzip -9 (what a static host that
// compresses sends). Written to public/download-sizes.json (a few hundred bytes, fetched by the
// classifier). Cached by file size + mtime, since gzip -9 of ~60 MB takes a while.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeFileIfChanged } from './materialize.ts';

export const DOWNLOAD_SIZES_FILE = 'download-sizes.json';

interface Sized {
  bytes: number;
  gzip: number;
  mtimeMs?: number;
}

export async function writeDownloadSizes(publicDir: string, wasmDirs: readonly string[], modelFiles: readonly string[]): Promise<boolean> {
  const target = join(publicDir, DOWNLOAD_SIZES_FILE);
  const previous: Record<string, Sized> = await readFile(target, 'utf8').then((t) => JSON.parse(t).files as Record<string, Sized>, () => ({}));
  const files = [...modelFiles];
  for (const dir of wasmDirs) for (const name of await readdir(join(publicDir, dir))) files.push(`${dir}/${name}`);
  const sizes: Record<string, Sized> = {};
  for (const file of files.sort()) {
    const info = await stat(join(publicDir, file));
    const old = previous[file];
    if (old && old.bytes === info.size && old.mtimeMs === info.mtimeMs) {
      sizes[file] = old;
      continue;
    }
    const gzip = gzipSync(await readFile(join(publicDir, file)), { level: 9 }).byteLength;
    sizes[file] = { bytes: info.size, gzip, mtimeMs: info.mtimeMs };
  }
  return writeFileIfChanged(target, `${JSON.stringify({ files: sizes }, null, 1)}\n`);
}
