// The same layer in the official 8-bit file: its scale and zero point exactly as stored.
import type { WeightLayer } from '../../lib/quant/layers.ts';
import { representableRange, storedParams } from '../../lib/quant/layers.ts';
import type { QuantParams } from '../../lib/quant/params.ts';
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
              {stored.min && stored.max && stored.min.length === 1 ? (
                <div class="qx-stat">
                  <dt>{t('officialMinMax')}</dt>
                  <dd>
                    {f(stored.min[0]!, 4)} / {f(stored.max[0]!, 4)}
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
