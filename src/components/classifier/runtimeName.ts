// A runtime build's internal name (e.g. tflite_web_api_cc_simd_threaded) in words a reader knows.
import { runtimeLabels, type RuntimeInfo } from '../../lib/runtime/index.ts';
import type { classifierStrings } from '../../i18n/classifier.ts';
import type { Translator } from '../../i18n/translate.ts';

type T = Translator<typeof classifierStrings>;

/** LiteRT.js's default builds need (relaxed) SIMD; only its "compat" build does without. */
function usesSimd(variant: string): boolean {
  return variant.includes('simd') || (variant.startsWith('litert') && !variant.includes('compat'));
}

export function readableRuntime(info: RuntimeInfo, t: T): string {
  return t('runtimeInfo', {
    engine: runtimeLabels[info.runtime],
    build: t(usesSimd(info.variant) ? 'buildSimd' : 'buildPlain'),
    threads: info.threads === 1 ? t('oneThread') : t('nThreads', { n: info.threads }),
  });
}
