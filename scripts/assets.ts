// npm run assets: puts every file of assets.manifest.json, the runtimes' WASM files and any
// derived models into public/. Set ASSET_MIRROR to a folder laid out like the manifest's
// `file` paths to copy instead of downloading.
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import manifest from '../assets.manifest.json' with { type: 'json' };
import { AssetError, materializeAsset, syncFile, type AssetSource, type Outcome } from './assets/materialize.ts';
import { deriveAll } from './assets/derive.ts';
import { makeThumbnails } from './assets/thumbnails.ts';
import { writeDownloadSizes } from './assets/download-sizes.ts';
import { bundleWorkers } from './assets/workers.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const publicDir = join(root, 'public');

/** WASM builds served from our own origin (cross-origin isolation forbids a CDN without CORP). */
const wasmFolders = [
  { from: 'node_modules/@tensorflow/tfjs-tflite/wasm', to: 'wasm/tfjs-tflite' },
  { from: 'node_modules/@litertjs/core/wasm', to: 'wasm/litert' },
];

async function copyWasm(): Promise<number> {
  let written = 0;
  for (const { from, to } of wasmFolders) {
    for (const name of await readdir(join(root, from))) {
      if (await syncFile(join(root, from, name), join(publicDir, to, name))) written++;
    }
  }
  return written;
}

async function main(): Promise<void> {
  const mirror = process.env.ASSET_MIRROR ? resolve(process.env.ASSET_MIRROR) : undefined;
  const sources: AssetSource[] = [...manifest.models, ...manifest.byo, ...manifest.labels, ...manifest.images, ...manifest.dev];
  const counts: Record<Outcome, number> = { present: 0, copied: 0, downloaded: 0, derived: 0 };
  // Two at a time: enough to overlap download latency without hammering the source host.
  const queue = [...sources];
  await Promise.all(
    [0, 1].map(async () => {
      for (let asset = queue.shift(); asset; asset = queue.shift()) {
        counts[await materializeAsset(asset, { publicDir, mirrorDir: mirror })]++;
      }
    }),
  );
  for (const outcome of await deriveAll(manifest.derived, manifest.models, publicDir)) counts[outcome]++;
  const wasm = await copyWasm();
  const workers = await bundleWorkers(root, publicDir);
  const thumbs = await makeThumbnails(manifest.images, publicDir);
  const pairModels = manifest.pairs.flatMap((p) => [p.a, p.b]);
  const modelFiles = [...manifest.models, ...manifest.derived].filter((m) => pairModels.includes(m.id)).map((m) => m.file);
  await writeDownloadSizes(publicDir, wasmFolders.map((w) => w.to), modelFiles);
  const source = mirror ? `mirror ${mirror}` : 'source URLs';
  console.log(
    `assets: ${counts.present} already present, ${counts.copied} copied, ${counts.downloaded} downloaded, ${counts.derived} derived (from ${source}); ${wasm} WASM files updated, ${workers} worker scripts bundled, ${thumbs} thumbnails made`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof AssetError) {
    console.error(`assets: ${error.message}`);
  } else {
    console.error('assets: unexpected failure', error);
  }
  process.exit(1);
});
