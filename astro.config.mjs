// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import starlightLinksValidator from 'starlight-links-validator';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import baseLinks from './config/base-links.mjs';
import cspInlineHashes from './config/csp-inline-hashes.mjs';

// Any host, any path: BASE_PATH ('/tflite-lab/' for https://user.github.io/tflite-lab/) and SITE_URL
// (the public origin, for the sitemap and canonical links) are read at build time. Code reaches the
// base only through src/lib/site-path.ts; content links are prefixed by config/base-links.mjs.
const base = `/${(process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const site = process.env.SITE_URL || 'https://tflite-lab.example.org';

// The service worker (public/sw.js: cross-origin isolation without header control, offline cache)
// keeps models, photos and WASM in a cache versioned by the asset manifest's sha256 (and the
// runtimes' versions, whose WASM it holds), pages and scripts in one versioned by the build.
/** @param {string} name */
const packageVersion = (name) => JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
const assetVersion = createHash('sha256')
  .update(readFileSync(new URL('./assets.manifest.json', import.meta.url)))
  .update(`${packageVersion('@litertjs/core')} ${packageVersion('@tensorflow/tfjs-tflite')}`)
  .digest('hex')
  .slice(0, 16);
const buildVersion = Date.now().toString(36);
const serviceWorkerScript = {
  tag: /** @type {const} */ ('script'),
  attrs: { src: `${base}register-sw.js?assets=${assetVersion}&build=${buildVersion}`, async: true },
};
// `astro dev` serves modules that change on every save: no service worker there.
const isDev = process.argv.includes('dev');

// Threads in WASM need SharedArrayBuffer, which browsers grant only to cross-origin isolated pages.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};


// @tensorflow/tfjs-tflite starts loading its WASM the moment it is imported, from a path relative to
// `document.currentScript` (null in bundled code), i.e. from the current page's folder: a 404 on every
// page that imports it. The site loads the WASM itself after setWasmPath(), so drop that eager load.
const EAGER_TFLITE_WASM_LOAD =
  /module\$exports\$google3\$third_party\$tensorflow_lite_support\$web\$task\$codegen\$common\$emscripten_module_loader\.EmscriptenModuleLoader\.getInstance\("","tflite_web_api",'(?:[^'\\]|\\.)*'\)\.load\(!0\);/;
/** @returns {import('vite').Plugin} */
function tfliteNoEagerWasm() {
  return {
    name: 'tfjs-tflite-no-eager-wasm',
    transform(code, id) {
      if (!id.includes('tf-tflite.fesm')) return null;
      const patched = code.replace(EAGER_TFLITE_WASM_LOAD, '');
      if (patched === code) this.warn('tfjs-tflite: eager WASM load not found; the library may have changed');
      return { code: patched, map: null };
    },
  };
}

/**
 * Drops two build warnings that are understood and harmless, and passes every other log on:
 * - "use astro:head-inject" (MODULE_LEVEL_DIRECTIVE): a marker Astro's content plugin adds to each
 *   MDX page module and reads itself; the bundler only notes that it does not keep directives.
 * - direct `eval` (EVAL) in tfjs-tflite's bundle: Closure's debug module loader
 *   (goog.loadModuleFromSource_), never called in the compiled library.
 * @type {NonNullable<NonNullable<NonNullable<import('vite').UserConfig['build']>['rolldownOptions']>['onLog']>}
 */
const quietKnownBuildLogs = (level, log, handler) => {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
  if (log.code === 'EVAL' && (log.id ?? log.message).includes('tf-tflite')) return;
  handler(level, log);
};

export default defineConfig({
  site,
  base,
  // A strict Content-Security-Policy as a <meta> tag on every page (hosts need no header config):
  // scripts only from this site or with the hash Astro computes for each inline script, WebAssembly
  // compilation allowed ('wasm-unsafe-eval', not 'unsafe-eval'), workers from this site or blob:
  // (Emscripten's thread pools). Inline styles stay allowed (Starlight and Expressive Code set style
  // attributes). Starlight's is:inline scripts are hashed after the build (config/csp-inline-hashes.mjs).
  // frame-ancestors cannot be set by a meta tag: public/_headers sends it where a host reads it.
  // Code blocks are highlighted by Starlight's Expressive Code (classes and CSS variables); Astro's
  // own Shiki pass is unused and would only warn that its inline styles do not suit a CSP.
  markdown: { syntaxHighlight: false },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "font-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  server: { headers: isolationHeaders },
  integrations: [
    baseLinks(),
    starlight({
      title: { en: 'TFLite Lab', ja: 'TFLite Lab' },
      description: 'Learn TensorFlow Lite and quantization by running real models in your browser.',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        ja: { label: '日本語', lang: 'ja' },
      },
      // The site title is shown next to the logo: an empty alt keeps screen readers from reading it twice.
      logo: { src: './src/assets/logo.svg', alt: '' },
      customCss: ['./src/styles/custom.css'],
      components: { SkipLink: './src/components/SkipLinks.astro' },
      lastUpdated: false,
      sidebar: [
        { label: 'Start here', translations: { ja: 'はじめに' }, items: ['index'] },
        { label: 'Course', translations: { ja: 'コース' }, items: [{ autogenerate: { directory: 'lessons' } }] },
        { label: 'Labs', translations: { ja: 'ラボ' }, items: [{ autogenerate: { directory: 'labs' } }] },
        { label: 'Reference', translations: { ja: 'リファレンス' }, items: [{ autogenerate: { directory: 'reference' } }] },
      ],
      routeMiddleware: './src/route-data.ts',
      head: isDev ? [] : [serviceWorkerScript],
      plugins: [starlightLinksValidator({ errorOnInconsistentLocale: true })],
    }),
    preact(),
    cspInlineHashes(),
  ],
  vite: {
    plugins: [tfliteNoEagerWasm()],
    build: {
      // The one chunk above Vite's 500 kB default is tfjs-tflite's own closure-compiled bundle
      // (about 1.2 MB), loaded only when a reader picks that runtime; anything larger still warns.
      chunkSizeWarningLimit: 1300,
      rolldownOptions: { onLog: quietKnownBuildLogs },
    },
    server: { headers: isolationHeaders },
    preview: { headers: isolationHeaders },
    resolve: {
      alias: {
        // The package's `module` entry imports a file it does not ship; its flat ES module is complete.
        '@tensorflow/tfjs-tflite': fileURLToPath(new URL('./node_modules/@tensorflow/tfjs-tflite/dist/tf-tflite.fesm.js', import.meta.url)),
      },
    },
    worker: { format: 'es' },
  },
});
