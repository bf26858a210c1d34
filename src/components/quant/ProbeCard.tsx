// The number-line card: pick one weight by rank and follow it through quantize and dequantize.
import type { Locale } from '../../lib/models.ts';
import { channelOf, type QuantParams } from '../../lib/quant/params.ts';
import { roundTrip } from '../../lib/quant/quantize.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { quantExplorerStrings } from '../../i18n/quant-explorer.ts';
import NumberLine from './NumberLine.tsx';

interface Props {
  id: string;
  t: Translator<typeof quantExplorerStrings>;
  lang: Locale;
  params: QuantParams;
  /** Position of the probed weight among the sorted values, per mille. */
  probe: number;
  onProbe: (probe: number) => void;
  values: Float32Array;
  sorted: Float32Array;
  view: number | 'all';
  shape: readonly number[];
  axis: number;
}

export default function ProbeCard({ id, t, lang, params, probe, onProbe, values, sorted, view, shape, axis }: Props) {
  // The probed weight: rank → value → its channel in the whole tensor → that channel's parameters.
  const rank = Math.round((probe / 1000) * (sorted.length - 1));
  const x = sorted[rank] ?? 0;
  const flatIndex = view === 'all' ? values.indexOf(x) : -1;
  const probeChannel = view === 'all' ? channelOf(Math.max(0, flatIndex), shape, axis) : view;
  const pc = params.axis === null ? 0 : probeChannel;
  const trip = roundTrip(x, params.scale[pc]!, params.zeroPoint[pc]!, params.qmin, params.qmax);

  return (
  <section class="qx-card" aria-labelledby={`${id}-n`}>
    <h3 id={`${id}-n`} class="qx-card__heading">
      {t('numberLine')}
    </h3>
    <p class="qx-muted">{t('numberLineIntro')}</p>
    <div class="qx-field qx-field--wide">
      <label for={`${id}-probe`}>
        {t('probe')}: <output for={`${id}-probe`} data-testid="qx-probe">{t('probeValue', { x: trip.x.toPrecision(5), c: probeChannel })}</output>
      </label>
      <input
        id={`${id}-probe`}
        type="range"
        min={0}
        max={1000}
        step={1}
        value={probe}
        aria-valuetext={t('probeValue', { x: trip.x.toPrecision(5), c: probeChannel })}
        onInput={(e) => onProbe(Number(e.currentTarget.value))}
      />
    </div>
    <NumberLine trip={trip} lang={lang} t={t} />
  </section>
  );
}
