// The quantizer lab's converter settings, read once from the URL (tests, `npm run quantize`), and
// the calibration photos they describe (or why there are none).
import { useEffect, useRef, useState } from 'preact/hooks';
import { devImages, type Locale } from '../../lib/models.ts';
import { DEFAULT_RUNTIME, type RuntimeId } from '../../lib/runtime/index.ts';
import { needsCalibration, type IoType } from '../../lib/calibration/pipeline.ts';
import { devPhotoSet, filePhotoSet, type CalibrationPhoto } from '../../lib/calibration/photos.ts';
import { CalibrationError } from '../../lib/calibration/calibrate.ts';
import type { NormalizationChoice } from '../../lib/calibration/normalization.ts';
import { RANGE_METHODS, type QuantizeMode } from '../../lib/quantize/index.ts';
import { quantizeErrorText, type ErrorText, type QuantizerT } from './errors.ts';
import { photoCount, readParams } from './params.ts';

export function useQuantizeSettings(initialMode: QuantizeMode, setSiteId: (id: string) => void) {
  const [mode, setMode] = useState<QuantizeMode>(initialMode);
  const [ioType, setIoType] = useState<IoType>('uint8');
  const [photoSource, setPhotoSource] = useState<'dev' | 'own'>('dev');
  const [count, setCount] = useState(String(devImages.length));
  const [ownPhotos, setOwnPhotos] = useState<File[]>([]);
  const [rangeMethod, setRangeMethod] = useState<string>(RANGE_METHODS[0]!);
  const [biasCorrection, setBiasCorrection] = useState(false);
  const [normChoice, setNormChoice] = useState<NormalizationChoice>('minus-one-to-one');
  const [runtime, setRuntime] = useState<RuntimeId>(DEFAULT_RUNTIME);
  const autorun = useRef(false);
  /** Dev photos skipped before the calibration set (`?offset=`, for held-out checks). */
  const offset = useRef(0);

  // URL parameters, once, in the browser.
  useEffect(() => {
    const p = readParams(location.search);
    if (p.model) setSiteId(p.model);
    if (p.mode) setMode(p.mode);
    if (p.calibration) setCount(p.calibration);
    if (p.io) setIoType(p.io);
    if (p.range && (RANGE_METHODS as readonly string[]).includes(p.range)) setRangeMethod(p.range);
    if (p.runtime) setRuntime(p.runtime);
    setBiasCorrection(p.bias);
    autorun.current = p.autorun;
    offset.current = p.offset;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const settings = { mode, ioType, photoSource, count, ownPhotos, rangeMethod, biasCorrection, normChoice, runtime };
  const setters = { mode: setMode, ioType: setIoType, photoSource: setPhotoSource, count: setCount, ownPhotos: setOwnPhotos, rangeMethod: setRangeMethod, biasCorrection: setBiasCorrection, normChoice: setNormChoice, runtime: setRuntime };
  return { settings, setters, autorun, offset };
}

export type QuantizeSettings = ReturnType<typeof useQuantizeSettings>['settings'];

/** The calibration photos the settings ask for: undefined when the mode needs none, or the reason there are none. */
export function calibrationPhotos(s: QuantizeSettings, offset: number, modelName: string, t: QuantizerT, lang: Locale): { photos: CalibrationPhoto[] | undefined } | { error: ErrorText } {
  if (!needsCalibration(s.mode)) return { photos: undefined };
  if (s.photoSource === 'dev') {
    const n = photoCount(s.count);
    return n === null ? { error: { message: t('errCount', { max: devImages.length, value: s.count }) } } : { photos: devPhotoSet(n, offset) };
  }
  if (s.ownPhotos.length > 0) return { photos: filePhotoSet(s.ownPhotos) };
  return { error: quantizeErrorText(new CalibrationError('No photos chosen', 'no-photos'), modelName, lang) };
}
