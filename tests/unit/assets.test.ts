import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssetError, materializeAsset, sha256Hex, type AssetSource } from '../../scripts/assets/materialize.ts';
import manifest from '../../assets.manifest.json' with { type: 'json' };

const content = new TextEncoder().encode('background\ntench\ngoldfish\n');
const asset: AssetSource = {
  id: 'tiny-labels',
  file: 'labels/tiny.txt',
  source_url: 'https://example.invalid/tiny.txt',
  sha256: sha256Hex(content),
  bytes: content.byteLength,
};

let work: string;
let mirror: string;
let publicDir: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'assets-test-'));
  mirror = join(work, 'mirror');
  publicDir = join(work, 'public');
  await mkdir(join(mirror, 'labels'), { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true })).map(String);
  } catch {
    return [];
  }
}

function streamingResponse(chunks: Uint8Array[], failAfter?: number): Response {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && sent === failAfter) {
        controller.error(new Error('connection reset'));
        return;
      }
      const chunk = chunks[sent++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
  return new Response(body, { status: 200 });
}

describe('materializeAsset from a mirror', () => {
  it('copies a verified file, then does no work the second time', async () => {
    await writeFile(join(mirror, asset.file), content);
    expect(await materializeAsset(asset, { publicDir, mirrorDir: mirror })).toBe('copied');
    expect(new Uint8Array(await readFile(join(publicDir, asset.file)))).toEqual(content);
    expect(await materializeAsset(asset, { publicDir, mirrorDir: mirror })).toBe('present');
    expect(await filesUnder(publicDir)).toEqual(['labels', join('labels', 'tiny.txt')]);
  });

  it('names the file and the mirror when the mirror lacks it', async () => {
    const missingMirror = join(work, 'no-such-mirror');
    await expect(materializeAsset(asset, { publicDir, mirrorDir: missingMirror })).rejects.toThrow(
      new RegExp(`labels/tiny.txt: not found in mirror ${missingMirror}.*expected ${asset.bytes} bytes with sha256 ${asset.sha256}`),
    );
    expect(await filesUnder(publicDir)).toEqual([]);
  });

  it('rejects a corrupted mirror copy with expected and actual hashes, leaving nothing behind', async () => {
    const corrupted = content.slice();
    corrupted[3]! ^= 0x01;
    await writeFile(join(mirror, asset.file), corrupted);
    const error = await materializeAsset(asset, { publicDir, mirrorDir: mirror }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssetError);
    expect((error as Error).message).toContain(`has sha256 ${sha256Hex(corrupted)}, expected ${asset.sha256}`);
    expect((error as Error).message).toContain('labels/tiny.txt');
    expect(await filesUnder(join(publicDir, 'labels'))).toEqual([]);
  });

  it('reports a size mismatch before hashing', async () => {
    await writeFile(join(mirror, asset.file), content.subarray(0, 5));
    await expect(materializeAsset(asset, { publicDir, mirrorDir: mirror })).rejects.toThrow(/has 5 bytes, expected 26 bytes/);
  });

  it('replaces a wrong file already in public/', async () => {
    await mkdir(join(publicDir, 'labels'), { recursive: true });
    await writeFile(join(publicDir, asset.file), 'stale');
    await writeFile(join(mirror, asset.file), content);
    expect(await materializeAsset(asset, { publicDir, mirrorDir: mirror })).toBe('copied');
    expect(new Uint8Array(await readFile(join(publicDir, asset.file)))).toEqual(content);
  });

  it('materialises a real manifest entry from the copy npm run assets made', async () => {
    // public/ of the checkout is laid out like a mirror, and `npm test` fills it first.
    const labels = manifest.labels.find((l) => l.id === 'labels_short')!;
    const checkoutPublic = join(import.meta.dirname, '../../public');
    expect(await materializeAsset(labels, { publicDir, mirrorDir: checkoutPublic })).toBe('copied');
    expect(sha256Hex(new Uint8Array(await readFile(join(publicDir, labels.file))))).toBe(labels.sha256);
  });
});

describe('materializeAsset by download', () => {
  it('downloads and verifies', async () => {
    const fetchImpl = (async () => streamingResponse([content.subarray(0, 10), content.subarray(10)])) as unknown as typeof fetch;
    expect(await materializeAsset(asset, { publicDir, fetchImpl })).toBe('downloaded');
    expect(new Uint8Array(await readFile(join(publicDir, asset.file)))).toEqual(content);
  });

  it('fails clearly on an interrupted download and leaves no partial file', async () => {
    const fetchImpl = (async () => streamingResponse([content.subarray(0, 10), content.subarray(10)], 1)) as unknown as typeof fetch;
    await expect(materializeAsset(asset, { publicDir, fetchImpl })).rejects.toThrow(/labels\/tiny.txt: download from .* was interrupted/);
    expect(await filesUnder(publicDir)).toEqual([]);
  });

  it('fails clearly when the host is unreachable', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(materializeAsset(asset, { publicDir, fetchImpl })).rejects.toThrow(/download from https:\/\/example.invalid\/tiny.txt failed \(fetch failed\); set ASSET_MIRROR/);
  });

  it('rejects an HTTP error status', async () => {
    const fetchImpl = (async () => new Response('nope', { status: 404 })) as unknown as typeof fetch;
    await expect(materializeAsset(asset, { publicDir, fetchImpl })).rejects.toThrow(/answered HTTP 404/);
  });

  it('rejects a download whose content differs from the manifest', async () => {
    const fetchImpl = (async () => streamingResponse([new TextEncoder().encode('background\ntench\ngoldfisH\n')])) as unknown as typeof fetch;
    await expect(materializeAsset(asset, { publicDir, fetchImpl })).rejects.toThrow(/has sha256 [0-9a-f]{64}, expected/);
    expect(await filesUnder(publicDir)).toEqual([]);
  });
});

describe('the manifest', () => {
  it('has unique ids and files, and the fields the site relies on', () => {
    const all = [...manifest.models, ...manifest.byo, ...manifest.labels, ...manifest.images, ...manifest.dev, ...manifest.derived];
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    expect(new Set(all.map((a) => a.file)).size).toBe(all.length);
    for (const a of all) {
      expect(a.sha256, a.id).toMatch(/^[0-9a-f]{64}$/);
      expect(a.bytes, a.id).toBeGreaterThan(0);
      expect(a.license, a.id).not.toBe('');
      expect(a.attribution, a.id).not.toBe('');
    }
    for (const pair of manifest.pairs) {
      const ids = [...manifest.models, ...manifest.derived].map((m) => m.id);
      expect(ids).toContain(pair.a);
      expect(ids).toContain(pair.b);
    }
  });

  it('lists the models of other kinds with a pinned source and a kind, apart from the ImageNet models', () => {
    for (const m of manifest.byo) {
      expect(m.file.startsWith('byo/'), m.id).toBe(true);
      expect(m.kind, m.id).not.toBe('');
      expect(m.source_url, m.id).toMatch(/^https:\/\/raw\.githubusercontent\.com\/tensorflow\/tflite-support\/[0-9a-f]{40}\//);
    }
    const byoIds = new Set(manifest.byo.map((m) => m.id));
    expect(manifest.models.some((m) => byoIds.has(m.id))).toBe(false);
  });
});
