// The starter's build: Vite bundles the page and the worker; the runtime's WASM, the model, its
// labels and a sample photo are copied next to them, so the output runs from any static server.
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const site = join(here, '../..');
// The site's `npm run assets` puts the model, labels and photos in public/ (never committed).
const files: Array<[from: string, to: string]> = [
  [join(site, 'node_modules/@litertjs/core/wasm'), 'wasm'],
  [join(site, 'public/models/mobilenet_v1_0.25_224_quant.tflite'), 'mobilenet_v1_0.25_224_quant.tflite'],
  [join(site, 'public/labels/labels_short.txt'), 'labels.txt'],
  [join(site, 'public/images/grace_hopper.jpg'), 'grace_hopper.jpg'],
];

function copyRuntimeAndModel(outDir: string): Plugin {
  return {
    name: 'copy-runtime-and-model',
    apply: 'build',
    closeBundle() {
      mkdirSync(outDir, { recursive: true });
      for (const [from, to] of files) cpSync(from, join(outDir, to), { recursive: true });
    },
  };
}

// Outside the source folder, beside the site's own dist/ (ignored by git and by the type check).
const outDir = join(site, 'dist-example-web');
export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  // assetsDir '': the worker sits next to index.html, so its relative URLs (./wasm/, the model) match the page's.
  build: { outDir, emptyOutDir: true, assetsDir: '', target: 'es2022' },
  worker: { format: 'iife' },
  plugins: [copyRuntimeAndModel(outDir)],
});
