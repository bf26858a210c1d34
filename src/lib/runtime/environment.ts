// What the page allows the runtimes to use. Threads need SharedArrayBuffer, which browsers grant
// only to cross-origin isolated pages; elsewhere every runtime runs single-threaded.
export function isCrossOriginIsolated(): boolean {
  return typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated;
}

/** All cores up to 4 when cross-origin isolated, else 1. */
export function defaultThreads(): number {
  if (!isCrossOriginIsolated()) return 1;
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(4, cores));
}

/** True where the browser exposes WebGPU (never in headless Chromium without a GPU). */
export function hasWebGpu(): boolean {
  return typeof navigator !== 'undefined' && !!(navigator as { gpu?: unknown }).gpu;
}
