// Finishes each page's Content-Security-Policy <meta> after the build (security.csp in
// astro.config.mjs writes it):
// - Astro hashes the scripts it processes, but not the `is:inline` scripts Starlight renders (theme
//   provider, sidebar state, search shortcut): their sha256 are added, so script-src stays 'self'
//   plus hashes.
// - tfjs-tflite's Emscripten glue (embind) builds functions with `new Function`, which only
//   'unsafe-eval' allows (the package ships no build without it). Pages whose islands can load that
//   runtime get 'unsafe-eval'; every other page (lessons without demos, LiteRT-only pages) does not.
//   Which pages is read from the bundle: islands whose chunk graph reaches the tfjs-tflite adapter.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** Chunks that load tfjs-tflite (its adapter and the library), by file name in _astro/. */
const EVAL_CHUNK = /^(tfjs-tflite|tf-tflite)\./;
const ISLAND_URL = /component-url="([^"]+)"/g;
const CHUNK_REF = /["'`]\.\/([\w.-]+\.js)["'`]/g;

/** Adds the hashes of the page's inline scripts to its CSP meta tag; returns the page unchanged without one. */
export function addInlineScriptHashes(html, { allowEval = false } = {}) {
  const meta = META.exec(html);
  if (!meta) return html;
  const hashes = new Set();
  for (const [, body] of html.matchAll(INLINE_SCRIPT)) {
    if (body.trim()) hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  const policy = meta[2].replace(/(script-src [^;]*)/, (directive) => {
    const missing = [...hashes].filter((h) => !directive.includes(h));
    if (allowEval && !directive.includes("'unsafe-eval'")) missing.unshift("'unsafe-eval'");
    return missing.length ? `${directive.trimEnd()} ${missing.join(' ')}` : directive;
  });
  return html.replace(META, `$1${policy}$3`);
}

async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** @returns {import('astro').AstroIntegration} */
export default function cspInlineHashes() {
  return {
    name: 'tflite-lab-csp-inline-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const astroDir = join(root, '_astro');
        const memo = new Map();
        /** Whether chunk `name` (in _astro/) imports, statically or dynamically, a tfjs-tflite chunk. */
        const loadsTflite = async (name) => {
          if (EVAL_CHUNK.test(name)) return true;
          if (memo.has(name)) return memo.get(name);
          memo.set(name, false);
          const code = await readFile(join(astroDir, name), 'utf8').catch(() => '');
          for (const [, ref] of code.matchAll(CHUNK_REF)) {
            if (await loadsTflite(ref)) {
              memo.set(name, true);
              return true;
            }
          }
          return false;
        };
        let pages = 0;
        const evalPages = [];
        for await (const file of htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          let allowEval = false;
          for (const [, url] of html.matchAll(ISLAND_URL)) allowEval ||= await loadsTflite(url.split('/').pop());
          if (allowEval) evalPages.push(file.slice(root.length));
          const updated = addInlineScriptHashes(html, { allowEval });
          if (updated !== html) {
            await writeFile(file, updated);
            pages++;
          }
        }
        logger.info(`hashed the inline scripts of ${pages} pages into their CSP; 'unsafe-eval' for tfjs-tflite on ${evalPages.length}: ${evalPages.join(' ')}`);
      },
    },
  };
}
