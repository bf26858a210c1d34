// How calibration photos are normalised: read from the model (metadata or the site's manifest), or
// chosen by the reader when the model does not say.
import { normalizationChoices } from '../../lib/calibration/normalization.ts';
import type { ModeSettingsProps } from './ModeSettings.tsx';

const NORM_KEYS = { 'minus-one-to-one': 'normMinus1', 'zero-to-one': 'normZero1', raw: 'normRaw' } as const;

const num = (v: number[]) => (v.every((x) => x === v[0]) ? String(v[0]) : `[${v.join(', ')}]`);

export default function NormalizationSettings(p: ModeSettingsProps) {
  const { t } = p;
  return (
    <div class="q-norm" data-testid="quantize-normalization" data-origin={p.origin?.kind ?? 'unknown'}>
      <p class="q-subheading">{t('normalization')}</p>
      {p.origin && p.origin.kind !== 'unknown' ? (
        <p class="bl-hint">
          {t(p.origin.kind === 'metadata' ? 'normMetadata' : 'normSite', { mean: num(p.origin.normalization.mean), std: num(p.origin.normalization.std) })}
        </p>
      ) : (
        <>
          <p class="bl-hint">{t('normChoice')}</p>
          <div class="q-photo-sources">
            {normalizationChoices.map((c) => (
              <label key={c} class="q-inline">
                <input type="radio" name="norm" value={c} checked={p.normChoice === c} disabled={p.disabled} onChange={() => p.onNormChoice(c)} />
                {t(NORM_KEYS[c])}
              </label>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
