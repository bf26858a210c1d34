// What the service worker (public/sw.js, registered by public/register-sw.js) did for this page:
// how the page is cross-origin isolated, and what it keeps for offline use. Browser-only.

/** 'headers': the host sent COOP/COEP; 'service-worker': sw.js added them; 'none': no threads. */
export type IsolationMode = 'headers' | 'service-worker' | 'none';

/** Prefix of every Cache Storage cache sw.js creates. */
export const CACHE_PREFIX = 'tflite-lab-';

const isMode = (v: unknown): v is IsolationMode => v === 'headers' || v === 'service-worker' || v === 'none';

/** The page's isolation mode, once register-sw.js knows it (at most ~2 s). */
export function isolationMode(): Promise<IsolationMode> {
  const fallback = (): IsolationMode => (typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated ? 'headers' : 'none');
  if (typeof document === 'undefined') return Promise.resolve('none');
  const known = document.documentElement.dataset.isolation;
  if (isMode(known)) return Promise.resolve(known);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback()), 2000);
    document.addEventListener(
      'tflite-lab:isolation',
      (event) => {
        clearTimeout(timer);
        const mode = (event as CustomEvent<unknown>).detail;
        resolve(isMode(mode) ? mode : fallback());
      },
      { once: true },
    );
  });
}

export interface OfflineUsage {
  /** Files kept for offline use by sw.js. */
  files: number;
  /** Bytes this site stores in the browser (all storage of the origin), where the browser says. */
  bytes: number | null;
}

export async function offlineUsage(): Promise<OfflineUsage | null> {
  if (typeof caches === 'undefined') return null;
  let files = 0;
  for (const name of await caches.keys()) {
    if (name.startsWith(CACHE_PREFIX)) files += (await (await caches.open(name)).keys()).length;
  }
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return { files, bytes: estimate?.usage ?? null };
}

/** Deletes everything sw.js cached; pages and models download again on the next visit. */
export async function clearOfflineCopies(): Promise<void> {
  for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX)) await caches.delete(name);
}
