// Scale, zero point and error of the current setting; per channel as a summary plus the first channels.
import type { QuantParams } from '../../lib/quant/params.ts';
import type { ErrorMetrics } from '../../lib/quant/metrics.ts';
import { formatFixed, formatInt, formatSig } from '../../lib/quant/format.ts';
import type { Locale } from '../../lib/models.ts';
import type { QuantT } from './types.ts';

interface Props {
  params: QuantParams;
  metrics: ErrorMetrics;
  lang: Locale;
  t: QuantT;
  headingId: string;
}

const FIRST_CHANNELS = 6;

export default function ResultStats({ params, metrics, lang, t, headingId }: Props) {
  const f = (x: number, digits = 4) => formatSig(x, lang, digits);
  const perChannel = params.axis !== null;
  const channels = params.scale.length;
  return (
    <section class="qx-card" aria-labelledby={headingId}>
      <h3 id={headingId} class="qx-card__heading">
        {t('results')}
      </h3>
      <div aria-live="polite" aria-atomic="true">
        <dl class="qx-stats" data-testid="qx-results">
          <div class="qx-stat">
            <dt>{t('scale')}</dt>
            <dd data-testid="qx-scale" data-value={params.scale.join(',')}>
              {perChannel
                ? t('scaleRange', { min: f(Math.min(...params.scale)), max: f(Math.max(...params.scale)), channels })
                : f(params.scale[0]!, 5)}
            </dd>
          </div>
          <div class="qx-stat">
            <dt>{t('zeroPoint')}</dt>
            <dd data-testid="qx-zp" data-value={params.zeroPoint.join(',')}>
              {perChannel && new Set(params.zeroPoint).size > 1
                ? t('zeroPointRange', { min: formatInt(Math.min(...params.zeroPoint)), max: formatInt(Math.max(...params.zeroPoint)) })
                : formatInt(params.zeroPoint[0]!)}
            </dd>
          </div>
          <div class="qx-stat">
            <dt>{t('maxAbs')}</dt>
            <dd data-testid="qx-maxabs" data-value={metrics.maxAbsError}>
              {f(metrics.maxAbsError, 3)}
            </dd>
          </div>
          <div class="qx-stat">
            <dt>{t('meanAbs')}</dt>
            <dd data-testid="qx-meanabs" data-value={metrics.meanAbsError}>
              {f(metrics.meanAbsError, 3)}
            </dd>
          </div>
          <div class="qx-stat qx-stat--accent">
            <dt>
              <abbr title={t('sqnrHint')}>{t('sqnr')}</abbr>
            </dt>
            <dd data-testid="qx-sqnr" data-value={metrics.sqnrDb}>
              {formatFixed(metrics.sqnrDb, lang, 1)} dB
            </dd>
          </div>
        </dl>
      </div>
      <p class="qx-muted qx-small">{t('sqnrHint')}</p>
      {perChannel ? (
        <div class="qx-table-wrap">
          <table class="qx-table" data-testid="qx-channels">
            <caption>{t('firstChannels')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('channel')}</th>
                <th scope="col">{t('scale')}</th>
                <th scope="col">{t('zeroPoint')}</th>
              </tr>
            </thead>
            <tbody>
              {params.scale.slice(0, FIRST_CHANNELS).map((s, c) => (
                <tr key={c}>
                  <th scope="row">{c}</th>
                  <td data-value={s}>{f(s, 5)}</td>
                  <td>{formatInt(params.zeroPoint[c]!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
