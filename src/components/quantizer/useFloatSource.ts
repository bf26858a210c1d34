// The quantizer lab's float model: a site model (downloaded, HTTP-cached, whenever the choice
// changes) or the reader's own file, parsed, with its normalisation. `onChange` runs before each
// new model replaces the old one (the lab stops its run and clears the result).
import { useEffect, useRef, useState } from 'preact/hooks';
import { assetUrl, type Locale, type ModelEntry } from '../../lib/models.ts';
import { fetchWithProgress } from '../../lib/fetch-with-progress.ts';
import { MAX_MODEL_BYTES, parseTflite } from '../../lib/tflite/reader.ts';
import { TfliteParseError, type TfliteModel } from '../../lib/tflite/types.ts';
import { modelNormalization, type NormalizationOrigin } from '../../lib/calibration/normalization.ts';
import { quantizableProblem } from '../../lib/quantize/index.ts';
import { quantizeErrorText, type ErrorText, type QuantizerT } from './errors.ts';

/** The float model the lab works on. */
export interface FloatSource {
  name: string;
  bytes: Uint8Array;
  model: TfliteModel;
  site: ModelEntry | null;
  origin: NormalizationOrigin;
}

export type ModelState = { kind: 'loading'; name: string } | { kind: 'ready'; source: FloatSource } | { kind: 'error'; error: ErrorText };

export function useFloatSource(lang: Locale, t: QuantizerT, floats: ModelEntry[], initialId: string, onChange: () => void) {
  const [siteId, setSiteId] = useState(initialId);
  const [modelState, setModelState] = useState<ModelState>({ kind: 'loading', name: '' });
  const request = useRef(0);

  const openBytes = (bytes: Uint8Array, name: string, site: ModelEntry | null, ticket: number) => {
    if (ticket !== request.current) return;
    try {
      const model = parseTflite(bytes);
      const problem = quantizableProblem(bytes);
      if (problem) throw problem;
      setModelState({ kind: 'ready', source: { name, bytes, model, site, origin: modelNormalization(model, site?.normalization) } });
    } catch (err) {
      setModelState({ kind: 'error', error: quantizeErrorText(err, name, lang) });
    }
  };

  useEffect(() => {
    const entry = floats.find((m) => m.id === siteId);
    if (!entry) return;
    const ticket = ++request.current;
    const abort = new AbortController();
    onChange();
    setModelState({ kind: 'loading', name: entry.name[lang] });
    fetchWithProgress(assetUrl(entry), undefined, { expectedBytes: entry.bytes, signal: abort.signal }).then(
      (bytes) => openBytes(bytes, entry.file.split('/').pop() ?? entry.id, entry, ticket),
      (err: unknown) => {
        if (ticket !== request.current || abort.signal.aborted) return;
        setModelState({ kind: 'error', error: quantizeErrorText(err, entry.name[lang], lang) });
      },
    );
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [siteId]);

  const openFile = (file: File | undefined) => {
    if (!file) return;
    const ticket = ++request.current;
    setSiteId('');
    onChange();
    if (file.size > MAX_MODEL_BYTES) {
      setModelState({ kind: 'error', error: quantizeErrorText(new TfliteParseError(`${file.size} bytes`, 'too-large'), file.name, lang) });
      return;
    }
    setModelState({ kind: 'loading', name: file.name });
    file.arrayBuffer().then(
      (buffer) => openBytes(new Uint8Array(buffer), file.name, null, ticket),
      () => ticket === request.current && setModelState({ kind: 'error', error: { message: t('errRead', { name: file.name }) } }),
    );
  };

  return { siteId, setSiteId, modelState, source: modelState.kind === 'ready' ? modelState.source : null, openFile };
}
