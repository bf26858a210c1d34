// TFLite Lab's service worker. Two jobs, for hosts without header control (GitHub Pages) and for
// readers on a train:
// 1. Cross-origin isolation (the approach of coi-serviceworker): every same-origin response gets
//    Cross-Origin-Opener-Policy, -Embedder-Policy and -Resource-Policy when the host did not send
//    them, so WebAssembly threads work. register-sw.js reloads the page once to apply them.
// 2. Offline: pages, scripts, WASM, models and photos are cached once fetched. Models, photos and
//    WASM live in a cache named after the asset manifest's sha256, pages and scripts in one named
//    after the build; caches of other versions are deleted when a new worker activates.
// Both versions arrive as query parameters of this script's URL (set by astro.config.mjs).
const params = new URL(self.location.href).searchParams;
const PREFIX = 'tflite-lab-';
const ASSET_CACHE = `${PREFIX}assets-${params.get('assets') ?? 'dev'}`;
const SITE_CACHE = `${PREFIX}site-${params.get('build') ?? 'dev'}`;
const SCOPE_PATH = new URL(self.registration.scope).pathname;
/** Large files that change only with the manifest or a runtime upgrade. */
const ASSET_DIRS = /^(models|wasm|labels|images|imagenet-dev)\//;

/** Isolation mode of each page (client id -> 'service-worker' | 'headers'), for register-sw.js. */
const modes = new Map();

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== ASSET_CACHE && name !== SITE_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'isolation-mode') event.ports[0]?.postMessage(modes.get(event.source?.id) ?? null);
});

/** The response with the isolation headers it lacks; reports whether they had to be added. */
function isolate(response) {
  if (response.status === 0) return { response, added: false };
  const headers = new Headers(response.headers);
  const added = !headers.has('Cross-Origin-Embedder-Policy');
  if (added) {
    headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  }
  if (!headers.has('Cross-Origin-Resource-Policy')) headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return { response: new Response(response.body, { status: response.status, statusText: response.statusText, headers }), added };
}

async function cacheFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
    return response;
  } catch (err) {
    // Offline: the page as last seen, whatever its query string (?runtime=…, ?pair=…).
    const hit = (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }));
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  const path = url.pathname.startsWith(SCOPE_PATH) ? url.pathname.slice(SCOPE_PATH.length) : url.pathname;
  const cacheable = !request.headers.has('range') && path !== 'sw.js';
  event.respondWith(
    (async () => {
      const response = !cacheable
        ? await fetch(request)
        : ASSET_DIRS.test(path)
          ? await cacheFirst(request, ASSET_CACHE)
          : path.startsWith('_astro/')
            ? await cacheFirst(request, SITE_CACHE)
            : await networkFirst(request, SITE_CACHE);
      const result = isolate(response);
      if (request.mode === 'navigate' && event.resultingClientId) modes.set(event.resultingClientId, result.added ? 'service-worker' : 'headers');
      return result.response;
    })(),
  );
});
