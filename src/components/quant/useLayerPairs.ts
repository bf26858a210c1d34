// Downloads a manifest pair's float and 8-bit files with progress, parses both and matches their
// weight layers; errors come back already in the reader's language.
import { useEffect, useState } from 'preact/hooks';
import { assetUrl, getModel, getPair, type Locale } from '../../lib/models.ts';
import { fetchWithProgress } from '../../lib/fetch-with-progress.ts';
import { parseTflite } from '../../lib/tflite/reader.ts';
import type { TfliteModel } from '../../lib/tflite/types.ts';
import { matchLayers, type LayerPair } from '../../lib/quant/layers.ts';
import { translator } from '../../i18n/translate.ts';
import { quantExplorerStrings } from '../../i18n/quant-explorer.ts';
import { describeError } from '../../i18n/errors.ts';

export type Load =
  | { state: 'loading'; loaded: number; total: number }
  | { state: 'error'; message: string; detail?: string }
  | { state: 'ready'; pairs: LayerPair[] };

/** An error whose message is already in the reader's language; `detail` is the technical line under it. */
class LocalizedError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** Start on the first layer big enough for a readable histogram. */
const DEFAULT_MIN_WEIGHTS = 1000;

/** `onStart(index)` receives the layer to show first once the files are matched (a stable setter). */
export function useLayerPairs(pair: string, lang: Locale, onStart: (index: number) => void): Load {
  const [load, setLoad] = useState<Load>({ state: 'loading', loaded: 0, total: 0 });
  useEffect(() => {
    const t = translator(quantExplorerStrings, lang);
    const modelPair = getPair(pair);
    const floatEntry = modelPair ? getModel(modelPair.a) : null;
    const quantEntry = modelPair ? getModel(modelPair.b) : null;
    if (!floatEntry || !quantEntry) {
      setLoad({ state: 'error', message: t('loadFailed', { reason: `pair "${pair}"` }) });
      return;
    }
    const controller = new AbortController();
    const progress = [0, 0];
    const totals = [floatEntry.bytes, quantEntry.bytes];
    const report = () =>
      setLoad({ state: 'loading', loaded: progress[0]! + progress[1]!, total: totals[0]! + totals[1]! });
    const fetchOne = (entry: typeof floatEntry, k: number) =>
      fetchWithProgress(
        assetUrl(entry),
        (loaded, total) => {
          progress[k] = loaded;
          if (total) totals[k] = total;
          report();
        },
        { expectedBytes: entry.bytes, signal: controller.signal },
      );
    const parse = (bytes: Uint8Array, file: string): TfliteModel => {
      try {
        return parseTflite(bytes);
      } catch (err) {
        const { message, detail } = describeError(err, lang, { fileName: file });
        throw new LocalizedError(message, detail);
      }
    };
    Promise.all([fetchOne(floatEntry, 0), fetchOne(quantEntry, 1)])
      .then(([floatBytes, quantBytes]) => {
        const pairs = matchLayers(parse(floatBytes, floatEntry.file), parse(quantBytes, quantEntry.file));
        if (pairs.length === 0) throw new LocalizedError(t('noLayers'));
        const start = pairs.findIndex((p) => p.float.tensor.shape.reduce((a, b) => a * b, 1) >= DEFAULT_MIN_WEIGHTS);
        onStart(Math.max(0, start));
        setLoad({ state: 'ready', pairs });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        if (err instanceof LocalizedError) return setLoad({ state: 'error', message: err.message, detail: err.detail });
        const { message, detail } = describeError(err, lang);
        setLoad({ state: 'error', message: t('loadFailed', { message }), detail });
      });
    return () => controller.abort();
  }, [pair, lang, onStart]);
  return load;
}
