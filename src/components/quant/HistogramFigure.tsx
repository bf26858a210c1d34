// The histogram card: the layer's weights (all, or one channel) with the quantization grid on top.
import type { QuantParams } from '../../lib/quant/params.ts';
import { gridValues } from '../../lib/quant/quantize.ts';
import { histogram } from '../../lib/quant/histogram.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { quantExplorerStrings } from '../../i18n/quant-explorer.ts';
import HistogramPlot from './HistogramPlot.tsx';

/** Histogram bins: about 2·√n, between 12 and 64, so a 27-weight channel is not a comb. */
const binCount = (n: number) => Math.max(12, Math.min(64, Math.round(2 * Math.sqrt(n))));

interface Props {
  id: string;
  t: Translator<typeof quantExplorerStrings>;
  params: QuantParams;
  view: number | 'all';
  onView: (view: number | 'all') => void;
  channels: number;
  shown: Float32Array;
  sorted: Float32Array;
  levels: number;
}

export default function HistogramFigure({ id, t, params, view, onView, channels, shown, sorted, levels }: Props) {
  // Grid for the histogram: per tensor always; per channel only when one channel is shown.
  const gridChannel = params.axis === null ? 0 : view === 'all' ? null : view;
  const grid =
    gridChannel === null ? [] : gridValues(params.scale[gridChannel]!, params.zeroPoint[gridChannel]!, params.qmin, params.qmax);
  const lo = Math.min(sorted[0] ?? 0, grid[0] ?? Infinity);
  const hi = Math.max(sorted[sorted.length - 1] ?? 0, grid[grid.length - 1] ?? -Infinity);
  const domain: [number, number] = [lo, hi];
  const bins = histogram(shown, binCount(shown.length), domain);

  return (
  <figure class="qx-card qx-figure">
    <div class="qx-figure__head">
      <h3 class="qx-card__heading">{t('histogramTitle')}</h3>
      <div class="qx-field qx-field--inline">
        <label for={`${id}-view`}>{t('view')}</label>
        <select id={`${id}-view`} value={String(view)} onChange={(e) => onView(e.currentTarget.value === 'all' ? 'all' : Number(e.currentTarget.value))}>
          <option value="all">{t('viewAll')}</option>
          {Array.from({ length: channels }, (_, c) => (
            <option value={c} key={c}>
              {t('viewChannel', { c })}
            </option>
          ))}
        </select>
      </div>
    </div>
    <HistogramPlot
      bins={bins}
      grid={grid}
      domain={domain}
      xLabel={t('histogramX')}
      yLabel={t('histogramY')}
      ariaLabel={t('histogramTitle')}
      failedText={(reason) => t('plotFailed', { reason })}
    />
    <figcaption class="qx-muted">
      {gridChannel === null ? t('histogramPerChannelAll') : t('histogramCaption', { levels })}
    </figcaption>
  </figure>
  );
}
