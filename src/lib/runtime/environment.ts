// What the page allows the runtimes to use, and the site's defaults. Threads need
// SharedArrayBuffer, which browsers grant only to cross-origin isolated pages; elsewhere every
// runtime runs single-threaded.
import type { RuntimeId } from './types.ts';

/**
 * The runtime every lab starts with unless the reader picks another: LiteRT.js was fastest on three
 * of four models, with the smallest p90 and the fastest cold start (issue 14, bench/results/).
 */
export const DEFAULT_RUNTIME: RuntimeId = 'litert';
export function isCrossOriginIsolated(): boolean {
  return typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated;
}

/**
 * Threads a runtime gets unless the reader picks a number; 1 when the page is not cross-origin isolated.
 * LiteRT.js: all cores up to 4. tfjs-tflite: half the cores (its own default), so 1 on a 2-core
 * machine, where 2 threads gave p90 spikes of 5-10x the median and ran 2-2.6x slower under
 * background load (`npm run bench -- --runtimes tfjs-tflite --threads 2`, bench/results/).
 */
export function defaultThreads(runtime: RuntimeId = DEFAULT_RUNTIME): number {
  if (!isCrossOriginIsolated()) return 1;
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  const wanted = runtime === 'tfjs-tflite' ? Math.floor(cores / 2) : cores;
  return Math.max(1, Math.min(4, wanted));
}

/** Where LiteRT.js runs: in the page, or in a Web Worker (off the main thread). */
export type LiteRtPlacement = 'page' | 'worker';

/**
 * Where LiteRT.js runs unless the URL says otherwise (`?litert=worker` or `?litert=page`). In the page:
 * in a worker it measured slower (`npm run bench -- --runtimes litert --launches 1 --litert worker`,
 * lab +33% over the bare loop vs +5-10% in the page, cold start 4.2 s vs 2.5 s; one run, loaded machine).
 */
export const DEFAULT_LITERT_PLACEMENT: LiteRtPlacement = 'page';

/** The placement for a page whose query string is `search`; 'page' wherever workers are missing. */
export function liteRtPlacement(search: string, hasWorker: boolean): LiteRtPlacement {
  if (!hasWorker) return 'page';
  const asked = new URLSearchParams(search).get('litert');
  return asked === 'page' || asked === 'worker' ? asked : DEFAULT_LITERT_PLACEMENT;
}
