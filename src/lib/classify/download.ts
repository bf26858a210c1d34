// What a first visit to a demo downloads: the runtime's WASM and JS glue plus the pair's models,
// raw and gzip -9 (public/download-sizes.json, written by `npm run assets`). The file lists are
// what each adapter loads (checked against the real requests in tests/e2e/classifier-download.spec.ts).
import type { RuntimeId } from '../runtime/types.ts';
import { sitePath } from '../site-path.ts';

export interface FileSize {
  bytes: number;
  gzip: number;
}

export type DownloadSizes = Record<string, FileSize>;

/** Files each runtime fetches, threaded (cross-origin isolated page) or single-threaded. */
const runtimeFiles: Record<RuntimeId, { threaded: string[]; single: string[] }> = {
  litert: {
    threaded: ['wasm/litert/litert_wasm_threaded_internal.js', 'wasm/litert/litert_wasm_threaded_internal.wasm'],
    single: ['wasm/litert/litert_wasm_internal.js', 'wasm/litert/litert_wasm_internal.wasm'],
  },
  'tfjs-tflite': {
    threaded: [
      'wasm/tfjs-tflite/tflite_web_api_client.js',
      'wasm/tfjs-tflite/tflite_web_api_cc_simd_threaded.js',
      'wasm/tfjs-tflite/tflite_web_api_cc_simd_threaded.wasm',
      'wasm/tfjs-tflite/tflite_web_api_cc_simd_threaded.worker.js',
    ],
    single: ['wasm/tfjs-tflite/tflite_web_api_client.js', 'wasm/tfjs-tflite/tflite_web_api_cc_simd.js', 'wasm/tfjs-tflite/tflite_web_api_cc_simd.wasm'],
  },
};

export function runtimeDownloadFiles(runtime: RuntimeId, threaded: boolean): string[] {
  return runtimeFiles[runtime][threaded ? 'threaded' : 'single'];
}

export interface DownloadPlan {
  runtime: FileSize;
  models: FileSize;
  total: FileSize;
}

const sum = (sizes: (FileSize | undefined)[]): FileSize =>
  sizes.reduce<FileSize>((acc, s) => ({ bytes: acc.bytes + (s?.bytes ?? 0), gzip: acc.gzip + (s?.gzip ?? 0) }), { bytes: 0, gzip: 0 });

/** Raw and compressed bytes of the runtime (unless already loaded in this page) and the models. */
export function downloadPlan(sizes: DownloadSizes, runtime: RuntimeId, threaded: boolean, modelFiles: string[], runtimeLoaded: boolean): DownloadPlan {
  const wasm = runtimeLoaded ? { bytes: 0, gzip: 0 } : sum(runtimeDownloadFiles(runtime, threaded).map((f) => sizes[f]));
  const models = sum(modelFiles.map((f) => sizes[f]));
  return { runtime: wasm, models, total: sum([wasm, models]) };
}

/** Fetches the size table; null when it is missing (the page then states the models only). */
export async function loadDownloadSizes(): Promise<DownloadSizes | null> {
  try {
    const res = await fetch(sitePath('download-sizes.json'));
    if (!res.ok) return null;
    return ((await res.json()) as { files: DownloadSizes }).files;
  } catch {
    return null;
  }
}
