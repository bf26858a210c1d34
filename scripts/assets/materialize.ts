// Materialises the asset manifest into public/: copy from a mirror directory or download
// from the pinned source URL, verify size and sha256, and write atomically.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface AssetSource {
  id: string;
  file: string;
  source_url: string;
  sha256: string;
  bytes: number;
}

export class AssetError extends Error {
  override name = 'AssetError';
}

export type Outcome = 'present' | 'copied' | 'downloaded' | 'derived';

export interface MaterializeOptions {
  publicDir: string;
  mirrorDir?: string;
  fetchImpl?: typeof fetch;
  /** Per-file download timeout; a stalled download must not hang the build. */
  timeoutMs?: number;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function describeMismatch(asset: AssetSource, bytes: Uint8Array, where: string): string | null {
  if (bytes.byteLength !== asset.bytes) {
    return `${asset.file}: ${where} has ${bytes.byteLength} bytes, expected ${asset.bytes} bytes (sha256 ${asset.sha256})`;
  }
  const actual = sha256Hex(bytes);
  if (actual !== asset.sha256) {
    return `${asset.file}: ${where} has sha256 ${actual}, expected ${asset.sha256}`;
  }
  return null;
}

/** True when the file already in public/ is exactly the manifest's file (size checked first: cheap). */
export async function isPresentAndCorrect(path: string, asset: AssetSource): Promise<boolean> {
  try {
    const s = await stat(path);
    if (s.size !== asset.bytes) return false;
    return sha256Hex(await readFile(path)) === asset.sha256;
  } catch {
    return false;
  }
}

/** Writes via a temp file in the same directory then renames, so readers never see a partial file. */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

async function readFromMirror(asset: AssetSource, mirrorDir: string): Promise<Uint8Array> {
  const path = join(mirrorDir, asset.file);
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AssetError(
      `${asset.file}: not found in mirror ${mirrorDir} (${code ?? String(error)}); expected ${asset.bytes} bytes with sha256 ${asset.sha256}`,
    );
  }
}

async function download(asset: AssetSource, fetchImpl: typeof fetch, timeoutMs: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(asset.source_url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new AssetError(`${asset.file}: download from ${asset.source_url} failed (${(error as Error).message}); set ASSET_MIRROR to a folder holding the files to work offline`);
  }
  if (!response.ok) {
    throw new AssetError(`${asset.file}: download from ${asset.source_url} answered HTTP ${response.status}`);
  }
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new AssetError(`${asset.file}: download from ${asset.source_url} was interrupted (${(error as Error).message})`);
  }
}

export async function materializeAsset(asset: AssetSource, options: MaterializeOptions): Promise<Outcome> {
  const target = join(options.publicDir, asset.file);
  if (await isPresentAndCorrect(target, asset)) return 'present';
  const fromMirror = options.mirrorDir !== undefined;
  const bytes = fromMirror
    ? await readFromMirror(asset, options.mirrorDir!)
    : await download(asset, options.fetchImpl ?? fetch, options.timeoutMs ?? 120_000);
  const mismatch = describeMismatch(asset, bytes, fromMirror ? `the mirror copy (${join(options.mirrorDir!, asset.file)})` : `the download from ${asset.source_url}`);
  if (mismatch) throw new AssetError(mismatch);
  await writeAtomically(target, bytes);
  return fromMirror ? 'copied' : 'downloaded';
}

export async function fileIsCurrent(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const existing = await readFile(path);
    return existing.byteLength === bytes.byteLength && Buffer.compare(existing, bytes) === 0;
  } catch {
    return false;
  }
}

/** Copies a file only when its content differs, atomically. Returns whether it wrote. */
export async function syncFile(from: string, to: string): Promise<boolean> {
  const bytes = new Uint8Array(await readFile(from));
  if (await fileIsCurrent(to, bytes)) return false;
  await writeAtomically(to, bytes);
  return true;
}

export async function writeFileIfChanged(path: string, text: string): Promise<boolean> {
  const bytes = new TextEncoder().encode(text);
  if (await fileIsCurrent(path, bytes)) return false;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return true;
}
