// The quantizer lab's state: the float model (useFloatSource), the converter settings
// (useQuantizeSettings), and the run on shared/useLabRun.ts (start, progress, cancel, unmount).
// QuantizerLab.tsx renders it.
import { converterComments } from '../../i18n/converter-comments.ts';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { devImages, type Locale } from '../../lib/models.ts';
import { inputTensors } from '../../lib/tflite/reader.ts';
import { defaultThreads } from '../../lib/runtime/index.ts';
import type { Normalization } from '../../lib/image/input.ts';
import type { QuantizeOutcome, QuantizeStage } from '../../lib/calibration/pipeline.ts';
import { quantizeInBrowser } from '../../lib/calibration/quantize-client.ts';
import { NORMALIZATION_CHOICES } from '../../lib/calibration/normalization.ts';
import { converterCode } from '../../lib/converter/python.ts';
import { translator } from '../../i18n/translate.ts';
import { quantizerStrings } from '../../i18n/quantizer.ts';
import type { QuantizeMode, RangeMethod } from '../../lib/quantize/index.ts';
import { useLabRun } from '../shared/useLabRun.ts';
import { quantizeErrorText, type QuantizerT } from './errors.ts';
import { floatModels, photoCount } from './params.ts';
import { useFloatSource, type FloatSource } from './useFloatSource.ts';
import { calibrationPhotos, useQuantizeSettings } from './useQuantizeSettings.ts';

/** A finished quantization, with what it was made from. */
export interface Quantized {
  outcome: QuantizeOutcome;
  source: FloatSource;
  mode: QuantizeMode;
  normalization: Normalization;
  fileName: string;
}

export function useQuantizerLab(lang: Locale, initialMode: QuantizeMode, initialModel: string | undefined) {
  const t: QuantizerT = translator(quantizerStrings, lang);
  const floats = useMemo(floatModels, []);
  /** The detail line of the latest failure (the run state carries its message only). */
  const errorDetail = useRef<string | undefined>(undefined);
  const sourceName = useRef('');
  const lab = useLabRun<Quantized, QuantizeStage>({
    stopped: () => t('cancelled'),
    failed: (err) => {
      const e = quantizeErrorText(err, sourceName.current, lang);
      errorDetail.current = e.detail;
      return e.message;
    },
  });
  const model = useFloatSource(lang, t, floats, initialModel ?? floats[0]?.id ?? '', () => {
    lab.stop('changed');
    lab.reset();
  });
  const { source } = model;
  const { settings, setters, autorun, offset } = useQuantizeSettings(initialMode, model.setSiteId);
  const { mode, ioType, rangeMethod, biasCorrection, runtime } = settings;

  const normalization: Normalization =
    source && source.origin.kind !== 'unknown' ? source.origin.normalization : NORMALIZATION_CHOICES[settings.normChoice];
  const inputShape = source ? inputTensors(source.model)[0]?.shape : undefined;
  const inputSide = inputShape?.[1] ?? 224;
  const grayscale = inputShape?.length === 4 && inputShape[3] === 1;
  const calibrationCount = settings.photoSource === 'dev' ? (photoCount(settings.count) ?? devImages.length) : settings.ownPhotos.length;
  const python = converterCode({ mode, ioType, inputSize: inputSide, channels: grayscale ? 1 : 3, normalization, photoCount: calibrationCount, rangeMethod, biasCorrection, comments: converterComments[lang] });

  // Changing a setting stops a run in progress (the count field only edits text).
  const change = <V,>(setter: (v: V) => void) => (v: V) => {
    lab.stop('changed');
    setter(v);
  };
  const set = {
    mode: change(setters.mode),
    ioType: change(setters.ioType),
    photoSource: change(setters.photoSource),
    count: setters.count,
    ownPhotos: change(setters.ownPhotos),
    rangeMethod: change(setters.rangeMethod),
    biasCorrection: change(setters.biasCorrection),
    normChoice: change(setters.normChoice),
    runtime: change(setters.runtime),
    siteId: change(model.setSiteId),
  };

  const run = async () => {
    if (!source) return;
    const calibration = calibrationPhotos(settings, offset.current, source.name, t, lang);
    if ('error' in calibration) {
      errorDetail.current = calibration.error.detail;
      return lab.message(calibration.error.message, true);
    }
    sourceName.current = source.name;
    const options = { mode, ioType, normalization, rangeMethod: rangeMethod as RangeMethod, biasCorrection, runtime, photos: calibration.photos };
    await lab.start(async (signal, progress) => {
      const outcome = await quantizeInBrowser({ floatModel: source.bytes, threads: defaultThreads(runtime), signal, onStage: progress, ...options });
      const stem = source.name.replace(/\.tflite$/i, '');
      const fileName = `${stem}_${mode.replace('-', '_')}${mode === 'int8-io' ? `_${ioType}` : ''}.tflite`;
      return { outcome, source, mode, normalization, fileName };
    });
  };

  // ?autorun=1: run once, as soon as the model is ready.
  useEffect(() => {
    if (autorun.current && source) {
      autorun.current = false;
      void run();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source]);

  const done = lab.state.kind === 'done' ? lab.state.result : null;
  // The download URL of the current result, released when it is replaced.
  const url = useMemo(() => (done ? URL.createObjectURL(new Blob([done.outcome.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' })) : ''), [done]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  return { t, floats, model, settings, set, python, grayscale, lab, errorDetail: errorDetail.current, done, url, run, cancel: () => lab.stop('cancelled') };
}
