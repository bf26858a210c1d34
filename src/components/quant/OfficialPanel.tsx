// The same layer in the official 8-bit file: its scale and zero point exactly as stored.
import type { WeightLayer } from '../../lib/quant/layers.ts';
import { TF1_WEIGHT_RANGE, representableRange, storedParams } from '../../lib/quant/layers.ts';
import { paramsFromMinMax, type QuantParams } from '../../lib/quant/params.ts';
import { formatSig } from '../../lib/quant/format.ts';
import type { Locale } from '../../lib/models.ts';
import type { QuantT } from './types.ts';

interface Props {
  layer: WeightLayer | null;
  /** Our min/max parameters for the float layer at 8 bits, asymmetric uint8, per tensor. */
  ours: QuantParams;
  modelName: string;
  lang: Locale;
  t: QuantT;
  headingId: string;
}

export default function OfficialPanel({ layer, ours, modelName, lang, t, headingId }: Props) {
  const f = (x: number, digits = 6) => formatSig(x, lang, digits);
  const stored = layer ? storedParams(layer.tensor) : null;
  const range = stored ? representableRange(stored) : null;
  // TF1 QAT files record the trained min/max; recomputing from them shows where scale and zero point come from.
  const recorded = stored?.dtype === 'uint8' && stored.min?.length === 1 && stored.max?.length === 1 ? { min: stored.min[0]!, max: stored.max[0]! } : null;
  const again = recorded ? paramsFromMinMax(recorded.min, recorded.max, TF1_WEIGHT_RANGE.qmin, TF1_WEIGHT_RANGE.qmax) : null;
  const same = again && stored ? again.scale === stored.scale[0] && again.zeroPoint === stored.zeroPoint[0] : false;
  return (
    <section class="qx-card qx-official" aria-labelledby={headingId} data-testid="qx-official">
      <h3 id={headingId} class="qx-card__heading">
        {t('officialHeading')}
      </h3>
      <p class="qx-muted">{modelName}</p>
      {!layer ? (
        <p>{t('officialMissing')}</p>
      ) : (
        <>
          <p class="qx-mono qx-wrap">
            {t('officialTensor', { name: layer.tensor.name, dtype: layer.tensor.dtype, shape: layer.tensor.shape.join(', ') })}
          </p>
          {!stored ? (
            <p>{t('officialNoParams')}</p>
          ) : (
            <dl class="qx-stats">
              <div class="qx-stat">
                <dt>{t('scale')}</dt>
                <dd data-testid="qx-official-scale" data-value={stored.scale.join(',')}>
                  {stored.scale.length === 1 ? f(stored.scale[0]!, 7) : `${f(Math.min(...stored.scale))} … ${f(Math.max(...stored.scale))}`}
                </dd>
              </div>
              <div class="qx-stat">
                <dt>{t('zeroPoint')}</dt>
                <dd data-testid="qx-official-zp" data-value={stored.zeroPoint.join(',')}>
                  {stored.zeroPoint.length === 1 ? stored.zeroPoint[0] : `${Math.min(...stored.zeroPoint)} … ${Math.max(...stored.zeroPoint)}`}
                </dd>
              </div>
              {range ? (
                <div class="qx-stat">
                  <dt>{t('officialRange')}</dt>
                  <dd>
                    {f(range[0], 4)} … {f(range[1], 4)}
                  </dd>
                </div>
              ) : null}
              {recorded ? (
                <div class="qx-stat">
                  <dt>{t('officialMinMax')}</dt>
                  <dd>
                    {f(recorded.min, 4)} / {f(recorded.max, 4)}
                  </dd>
                </div>
              ) : null}
            </dl>
          )}
          {stored ? (
            <p class="qx-muted">
              {stored.axis === null ? t('officialPerTensor') : t('officialPerChannel', { channels: stored.scale.length, axis: stored.axis })}
              {stored.scale.length === 1
                ? ` · ${t('officialFormula', { zp: stored.zeroPoint[0] ?? 0, scale: f(stored.scale[0]!, 7) })}`
                : null}
            </p>
          ) : null}
          {again ? (
            <p class="qx-compare" data-testid="qx-official-recomputed" data-same={String(same)}>
              {t('officialRecomputed', { ...TF1_WEIGHT_RANGE, scale: f(again.scale, 7), zp: again.zeroPoint })}
              {' — '}
              <strong class={same ? 'qx-ok' : 'qx-bad'}>{same ? `✓ ${t('officialSame')}` : t('officialDiffers')}</strong>
            </p>
          ) : null}
          <p class="qx-compare">
            {t('oursForCompare')}:{' '}
            <span class="qx-mono" data-testid="qx-ours-uint8">
              {t('scale')} {f(ours.scale[0]!, 7)}, {t('zeroPoint')} {ours.zeroPoint[0]}
            </span>
          </p>
        </>
      )}
      <p class="qx-note">{t('officialWhy')}</p>
      <p class="qx-note">{t('differentModels')}</p>
    </section>
  );
}
