// Quantization explorer: quantize one weight tensor of the real float model live, and compare
// with the parameters stored in the official 8-bit file. All math lives in lib/quant.
import { useId, useState } from 'preact/hooks';
import { getModel, getPair, type Locale } from '../lib/models.ts';
import type { LayerPair } from '../lib/quant/layers.ts';
import { integerRange } from '../lib/quant/params.ts';
import { formatBytes, translator } from '../i18n/translate.ts';
import { quantExplorerStrings } from '../i18n/quant-explorer.ts';
import { useLayerPairs } from './quant/useLayerPairs.ts';
import { useQuantExperiment } from './quant/useQuantExperiment.ts';
import OfficialPanel from './quant/OfficialPanel.tsx';
import ResultStats from './quant/ResultStats.tsx';
import QuantControls from './quant/QuantControls.tsx';
import HistogramFigure from './quant/HistogramFigure.tsx';
import ProbeCard from './quant/ProbeCard.tsx';
import './QuantExplorer.css';

interface Props {
  lang: Locale;
  /** Manifest pair whose `a` is the float model and `b` its 8-bit twin. */
  pair?: string;
}



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

      <HistogramFigure id={id} t={t} params={params} view={view} onView={setView} channels={channels} shown={shown} sorted={sorted} levels={levels} />

      <ProbeCard id={id} t={t} lang={lang} params={params} probe={probe} onProbe={setProbe} values={values} sorted={sorted} view={view} shape={shape} axis={axis} />

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
