// Step 2 of the quantizer lab: the converter setting and, for full integer, the representative
// dataset (dev photos or the reader's own), range method, normalisation and calibration runtime.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../lib/models.ts';
import { quantizeModes, needsCalibration, type IoType } from '../../lib/calibration/pipeline.ts';
import type { NormalizationChoice, NormalizationOrigin } from '../../lib/calibration/normalization.ts';
import type { QuantizerT } from './errors.ts';
import { RANGE_METHODS, type QuantizeMode } from '../../lib/quantize/index.ts';
import NormalizationSettings from './NormalizationSettings.tsx';
import PhotoSources from './PhotoSources.tsx';

export interface ModeSettingsProps {
  t: QuantizerT;
  lang: Locale;
  disabled: boolean;
  mode: QuantizeMode;
  onMode: (m: QuantizeMode) => void;
  ioType: IoType;
  onIoType: (io: IoType) => void;
  photoSource: 'dev' | 'own';
  onPhotoSource: (s: 'dev' | 'own') => void;
  count: string;
  onCount: (c: string) => void;
  ownPhotos: File[];
  /** The model takes one channel: the photos are fed as their luminance. */
  grayscale: boolean;
  onOwnPhotos: (files: File[]) => void;
  rangeMethod: string;
  onRangeMethod: (m: string) => void;
  biasCorrection: boolean;
  onBiasCorrection: (on: boolean) => void;
  origin: NormalizationOrigin | null;
  normChoice: NormalizationChoice;
  onNormChoice: (c: NormalizationChoice) => void;
  runtimePicker: ComponentChildren;
}

const MODE_KEYS = {
  dynamic: ['modeDynamic', 'modeDynamicHint'],
  float16: ['modeFloat16', 'modeFloat16Hint'],
  int8: ['modeInt8', 'modeInt8Hint'],
  'int8-io': ['modeInt8Io', 'modeInt8IoHint'],
} as const;

export default function ModeSettings(p: ModeSettingsProps) {
  const { t } = p;
  const full = needsCalibration(p.mode);
  return (
    <fieldset class="q-settings">
      <legend>{p.t('step2')}</legend>
      <div class="q-modes" role="radiogroup" aria-label={t('step2')}>
        {quantizeModes.map((m) => (
          <label key={m} class="q-mode">
            <input type="radio" name="mode" value={m} checked={p.mode === m} disabled={p.disabled} onChange={() => p.onMode(m)} />
            <span>
              <strong>{t(MODE_KEYS[m][0])}</strong>
              <span class="bl-hint"> {t(MODE_KEYS[m][1])}</span>
            </span>
          </label>
        ))}
      </div>
      {p.mode === 'int8-io' ? (
        <div class="bl-settings">
          <label>
            <span>{t('ioType')}</span>
            <select name="io" value={p.ioType} disabled={p.disabled} onChange={(e) => p.onIoType(e.currentTarget.value as IoType)}>
              <option value="uint8">uint8</option>
              <option value="int8">int8</option>
            </select>
          </label>
        </div>
      ) : null}
      {full ? (
        <div class="q-calibration">
          <p class="q-subheading">{t('calibration')}</p>
          <PhotoSources {...p} />
          <div class="bl-settings">
            <label>
              <span>{t('rangeMethod')}</span>
              <select name="range" value={p.rangeMethod} disabled={p.disabled} onChange={(e) => p.onRangeMethod(e.currentTarget.value)}>
                {RANGE_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {m === 'minmax' ? t('rangeMinmax') : t('rangeOther', { method: m })}
                  </option>
                ))}
              </select>
            </label>
            {p.runtimePicker}
          </div>
          <label class="q-check">
            <input type="checkbox" name="bias" checked={p.biasCorrection} disabled={p.disabled} onChange={(e) => p.onBiasCorrection(e.currentTarget.checked)} />
            <span>{t('biasCorrection')}</span>
          </label>
          <NormalizationSettings {...p} />
        </div>
      ) : null}
    </fieldset>
  );
}
