// Quantization explorer: quantize one weight tensor of the real float model live, and compare
// with the parameters stored in the official 8-bit file. All math lives in lib/quant.
import { useId, useState } from 'preact/hooks';
import { getModel, getPair, type Locale } from '../lib/models.ts';
import type { LayerPair } from '../lib/quant/layers.ts';
import { channelOf, integerRange } from '../lib/quant/params.ts';
import { gridValues, roundTrip } from '../lib/quant/quantize.ts';
import { histogram } from '../lib/quant/histogram.ts';
import { formatBytes, translator } from '../i18n/translate.ts';
import { quantExplorerStrings } from '../i18n/quant-explorer.ts';
import { useLayerPairs } from './quant/useLayerPairs.ts';
import { useQuantExperiment } from './quant/useQuantExperiment.ts';
import HistogramPlot from './quant/HistogramPlot.tsx';
import NumberLine from './quant/NumberLine.tsx';
import OfficialPanel from './quant/OfficialPanel.tsx';
import ResultStats from './quant/ResultStats.tsx';
import QuantControls from './quant/QuantControls.tsx';
import './QuantExplorer.css';

interface Props {
  lang: Locale;
  /** Manifest pair whose `a` is the float model and `b` its 8-bit twin. */
  pair?: string;
}

/** Histogram bins: about 2·√n, between 12 and 64, so a 27-weight channel is not a comb. */
const binCount = (n: number) => Math.max(12, Math.min(64, Math.round(2 * Math.sqrt(n))));


export default function QuantExplorer({ lang, pair = 'v1-025' }: Props) {
  const t = translator(quantExplorerStrings, lang);
  const id = useId();
  const modelPair = getPair(pair);
  const floatEntry = modelPair ? getModel(modelPair.a) : null;
  const quantEntry = modelPair ? getModel(modelPair.b) : null;

  const [position, setPosition] = useState(0);
  const [bits, setBits] = useState(8);
  const [symmetric, setSymmetric] = useState(true);
  const [perChannel, setPerChannel] = useState(false);
  const [view, setView] = useState<number | 'all'>('all');
  const [probe, setProbe] = useState(800); // per mille of the sorted values

  const load = useLayerPairs(pair, lang, setPosition);

  const pairs = load.state === 'ready' ? load.pairs : [];
  const current = pairs[position] ?? null;
  const layer = current?.float ?? null;
  const shape = layer?.tensor.shape ?? [];
  const axis = layer?.channelAxis ?? 0;
  const channels = shape[axis] ?? 1;

  const { values, experiment, oursUint8, shown, sorted } = useQuantExperiment(layer, { bits, symmetric, perChannel, view });

  if (!floatEntry || !quantEntry) return <p class="qx-error not-content" role="alert">{t('loadFailed', { reason: pair })}</p>;

  if (load.state !== 'ready' || !layer || !values || !experiment || !shown || !sorted || !oursUint8) {
    return (
      <section class="qx not-content" aria-busy={load.state === 'loading'} data-testid="quant-explorer" data-ready="false">
        <h2 class="qx__heading">{t('heading')}</h2>
        {load.state === 'error' ? (
          <p class="qx-error" role="alert">
            {load.message}
            {load.detail ? <span class="qx-error-detail">{load.detail}</span> : null}
          </p>
        ) : (
          <p class="qx-muted" role="status">
            {t('loading', {
              progress: load.state === 'loading' && load.total ? `${formatBytes(load.loaded, lang)} / ${formatBytes(load.total, lang)}` : '',
            })}
          </p>
        )}
      </section>
    );
  }

  const { params, metrics } = experiment;
  const range = integerRange(bits, symmetric, !symmetric);
  const levels = range.qmax - range.qmin + 1;
  const count = values.length;

  // Grid for the histogram: per tensor always; per channel only when one channel is shown.
  const gridChannel = params.axis === null ? 0 : view === 'all' ? null : view;
  const grid =
    gridChannel === null ? [] : gridValues(params.scale[gridChannel]!, params.zeroPoint[gridChannel]!, params.qmin, params.qmax);
  const lo = Math.min(sorted[0] ?? 0, grid[0] ?? Infinity);
  const hi = Math.max(sorted[sorted.length - 1] ?? 0, grid[grid.length - 1] ?? -Infinity);
  const domain: [number, number] = [lo, hi];
  const bins = histogram(shown, binCount(shown.length), domain);

  // The probed weight: rank → value → its channel in the whole tensor → that channel's parameters.
  const rank = Math.round((probe / 1000) * (sorted.length - 1));
  const x = sorted[rank] ?? 0;
  const flatIndex = view === 'all' ? values.indexOf(x) : -1;
  const probeChannel = view === 'all' ? channelOf(Math.max(0, flatIndex), shape, axis) : view;
  const pc = params.axis === null ? 0 : probeChannel;
  const trip = roundTrip(x, params.scale[pc]!, params.zeroPoint[pc]!, params.qmin, params.qmax);

  const layerLabel = (p: LayerPair) =>
    t('layerOption', {
      n: p.float.position + 1,
      op: p.float.opcode,
      shape: p.float.tensor.shape.join('×'),
      count: p.float.tensor.shape.reduce((a, b) => a * b, 1).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US'),
    });

  const onLayer = (next: number) => {
    setPosition(next);
    setView('all');
  };

  return (
    <section class="qx not-content" aria-labelledby={`${id}-h`} data-testid="quant-explorer" data-ready="true">
      <h2 id={`${id}-h`} class="qx__heading">
        {t('heading')}
      </h2>
      <p class="qx-muted">{t('source', { float: floatEntry.name[lang], quant: quantEntry.name[lang] })}</p>

      <QuantControls
        id={id}
        lang={lang}
        t={t}
        layers={pairs.map(layerLabel)}
        position={position}
        onLayer={onLayer}
        bits={bits}
        onBits={setBits}
        levels={levels}
        symmetric={symmetric}
        onSymmetric={setSymmetric}
        perChannel={perChannel}
        onPerChannel={setPerChannel}
        count={count}
        channels={channels}
      />

      <ResultStats params={params} metrics={metrics} lang={lang} t={t} headingId={`${id}-r`} />

      <figure class="qx-card qx-figure">
        <div class="qx-figure__head">
          <h3 class="qx-card__heading">{t('histogramTitle')}</h3>
          <div class="qx-field qx-field--inline">
            <label for={`${id}-view`}>{t('view')}</label>
            <select id={`${id}-view`} value={String(view)} onChange={(e) => setView(e.currentTarget.value === 'all' ? 'all' : Number(e.currentTarget.value))}>
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
            onInput={(e) => setProbe(Number(e.currentTarget.value))}
          />
        </div>
        <NumberLine trip={trip} lang={lang} t={t} />
      </section>

      <OfficialPanel
        layer={current?.quantized ?? null}
        ours={oursUint8}
        modelName={quantEntry.name[lang]}
        lang={lang}
        t={t}
        headingId={`${id}-o`}
      />
    </section>
  );
}
