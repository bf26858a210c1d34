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

