// State of the inspector island: which model is shown (a site model or the reader's file), its
// parsed report, and the hand-off to the benchmark. Parsing and every derived fact live in lib/tflite.
import { useEffect, useRef, useState } from 'preact/hooks';
import { assetUrl, byoModels, models, type Locale, type ModelEntry } from '../../lib/models.ts';
import { fetchWithProgress } from '../../lib/fetch-with-progress.ts';
import { MAX_MODEL_BYTES, parseTflite } from '../../lib/tflite/reader.ts';
import { describeModel, type ModelReport } from '../../lib/tflite/describe.ts';
import { benchmarkHandoffUrl, HANDOFF_PARAM, loadQuantizerHandoff, QUANTIZER_HANDOFF_VALUE, saveHandoffModel } from '../../lib/tflite/handoff.ts';
import { formatBytes } from '../../i18n/translate.ts';
import { describeError } from '../../i18n/errors.ts';
import type { T } from './format.ts';

export type InspectorState =
  | { phase: 'idle' }
  | { phase: 'loading'; message: string }
  | { phase: 'error'; message: string; detail?: string }
  | { phase: 'ready'; report: ModelReport; name: string; site: ModelEntry | null; bytes: Uint8Array };

/** Site models first, then the test files of other kinds (detector, audio, text...). */
export const inspectableFiles: readonly { id: string; file: string; bytes: number; entry: ModelEntry | null }[] = [
  ...models.map((m) => ({ id: m.id, file: m.file, bytes: m.bytes, entry: m })),
  ...byoModels.map((m) => ({ id: m.id, file: m.file, bytes: m.bytes, entry: null })),
];

export function useInspector(t: T, lang: Locale, initialModel: string) {
  const [state, setState] = useState<InspectorState>({ phase: 'idle' });
  const [siteId, setSiteId] = useState(initialModel);
  const [handoff, setHandoff] = useState('');
  const request = useRef(0);

  const show = (bytes: Uint8Array, name: string, site: ModelEntry | null, ticket: number) => {
    if (ticket !== request.current) return;
    try {
      const report = describeModel(parseTflite(bytes), site ? { siteNormalization: site.normalization } : {});
      setState({ phase: 'ready', report, name, site, bytes });
    } catch (error) {
      const { message, detail } = describeError(error, lang, { fileName: name });
      setState({ phase: 'error', message, detail });
    }
  };

  // Files served by the site: download (HTTP-cached) and parse whenever the choice changes.
  useEffect(() => {
    const chosen = inspectableFiles.find((m) => m.id === siteId);
    if (!chosen) return;
    const ticket = ++request.current;
    const controller = new AbortController();
    const name = chosen.file.split('/').pop() ?? chosen.id;
    setState({ phase: 'loading', message: t('loadingSite', { name: chosen.entry?.name[lang] ?? name }) });
    fetchWithProgress(assetUrl(chosen), undefined, { expectedBytes: chosen.bytes, signal: controller.signal }).then(
      (bytes) => show(bytes, name, chosen.entry, ticket),
      (error: unknown) => {
        if (ticket === request.current && !controller.signal.aborted) {
          const { message, detail } = describeError(error, lang);
          setState({ phase: 'error', message, detail });
        }
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [siteId]);

  // `?handoff=quantizer`: open the model the quantizer lab just made (kept in this browser's IndexedDB).
  useEffect(() => {
    if (new URLSearchParams(location.search).get(HANDOFF_PARAM) !== QUANTIZER_HANDOFF_VALUE) return;
    const ticket = ++request.current;
    setSiteId('');
    loadQuantizerHandoff().then(
      (pair) => pair && show(new Uint8Array(pair.quantized.bytes), pair.quantized.name, null, ticket),
      () => undefined,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const openFile = (file: File | undefined) => {
    if (!file) return;
    const ticket = ++request.current;
    setSiteId('');
    setHandoff('');
    // Refuse huge files before reading them into memory.
    if (file.size > MAX_MODEL_BYTES) {
      setState({ phase: 'error', message: t('errTooLarge', { name: file.name, size: formatBytes(file.size, lang), limit: formatBytes(MAX_MODEL_BYTES, lang) }) });
      return;
    }
    setState({ phase: 'loading', message: t('reading', { name: file.name }) });
    file.arrayBuffer().then(
      (buffer) => show(new Uint8Array(buffer), file.name, null, ticket),
      () => ticket === request.current && setState({ phase: 'error', message: t('errRead', { name: file.name }) }),
    );
  };

  const sendToBenchmark = (bytes: Uint8Array, name: string) => {
    setHandoff(t('sending'));
    saveHandoffModel(name, bytes).then(
      () => location.assign(benchmarkHandoffUrl(lang)),
      (error: unknown) => setHandoff(t('sendFailed', { detail: (error as Error).message })),
    );
  };

  return { state, siteId, setSiteId, openFile, handoff, sendToBenchmark };
}
