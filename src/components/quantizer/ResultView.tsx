// The quantizer's result: sizes, what changed (ChangesTable), timings, the download, whether each
// runtime runs the new file (RuntimeChecks), and one click to the inspector, benchmark and accuracy labs.
import { useMemo, useState } from 'preact/hooks';
import type { Locale } from '../../lib/models.ts';
import type { Normalization } from '../../lib/image/input.ts';
import type { QuantizeOutcome } from '../../lib/calibration/pipeline.ts';
import { quantizerHandoffUrl, saveQuantizerHandoff } from '../../lib/tflite/handoff.ts';
import type { QuantizeMode } from '../../lib/quantize/index.ts';
import { formatBytes } from '../../i18n/translate.ts';
import { describeError } from '../../i18n/errors.ts';
import { modelIO } from '../../lib/runtime/model-io.ts';
import { checksWithPhoto } from '../../lib/converter/runs.ts';
import { parseTflite } from '../../lib/tflite/reader.ts';
import type { TensorSpec } from '../../lib/runtime/types.ts';
import type { QuantizerT } from './errors.ts';
import type { FloatSource } from './useFloatSource.ts';
import ChangesTable from './ChangesTable.tsx';
import RuntimeChecks from './RuntimeChecks.tsx';

interface Props {
  t: QuantizerT;
  lang: Locale;
  mode: QuantizeMode;
  modeName: string;
  outcome: QuantizeOutcome;
  source: FloatSource;
  normalization: Normalization;
  url: string;
  fileName: string;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const specs = (list: TensorSpec[]) => list.map((s) => `${s.dtype} [${s.shape.join(', ')}]`).join(', ');
/** The integer inputs or outputs of an integer-I/O model, with the one scale and zero point the app must apply. */
const integerIo = (list: TensorSpec[]) =>
  list.flatMap((s) => (s.quantization?.scale.length === 1 && s.dtype !== 'float32' ? [{ dtype: s.dtype, scale: Number(s.quantization.scale[0]!.toPrecision(6)), zeroPoint: s.quantization.zeroPoint[0] ?? 0 }] : []));

export default function ResultView(p: Props) {
  const { t, lang, outcome } = p;
  // Parsing a 14 MB model takes tens of ms: once per result, not on every render.
  const io = useMemo(() => modelIO(parseTflite(outcome.bytes)), [outcome.bytes]);
  const floatIo = useMemo(() => modelIO(p.source.model), [p.source.model]);
  const [handoffError, setHandoffError] = useState('');

  const handOver = (lab: 'benchmark' | 'accuracy' | 'inspector') => {
    setHandoffError('');
    saveQuantizerHandoff({
      float: { name: p.source.name, bytes: p.source.bytes, modelId: p.source.site?.id },
      quantized: { name: p.fileName, bytes: outcome.bytes, mode: p.mode },
      normalization: p.normalization,
    }).then(
      () => location.assign(quantizerHandoffUrl(lab, lang)),
      (err: unknown) => setHandoffError(t('handoffFailed', { detail: err instanceof Error ? err.message : String(err) })),
    );
  };

  const cal = outcome.calibration;
  const ratio = outcome.bytes.length / p.source.bytes.length;
  const longTask = outcome.longestTaskMs === null ? t('longTaskUnknown') : outcome.longestTaskMs > 0 ? t('longTaskMs', { ms: Math.round(outcome.longestTaskMs) }) : t('longTaskNone');
  return (
    <div class="bl-results q-result" data-testid="quantize-result" data-mode={p.mode} data-size-before={p.source.bytes.length} data-size-after={outcome.bytes.length}>
      <h3>{t('resultHeading', { mode: p.modeName })}</h3>
      <dl class="q-sizes">
        <div>
          <dt>{t('sizeBefore')}</dt>
          <dd>{formatBytes(p.source.bytes.length, lang)}</dd>
        </div>
        <div>
          <dt>{t('sizeAfter')}</dt>
          <dd>{formatBytes(outcome.bytes.length, lang)}</dd>
        </div>
        <div>
          <dt>{t('sizeRatioLabel')}</dt>
          <dd data-testid="quantize-ratio" data-ratio={ratio.toFixed(4)}>{t('sizeRatio', { ratio: ratio.toFixed(2) })}</dd>
        </div>
      </dl>
      <p>
        <a class="q-download" data-testid="quantize-download" href={p.url} download={p.fileName}>
          {t('download', { name: p.fileName, size: formatBytes(outcome.bytes.length, lang) })}
        </a>
      </p>
      <ChangesTable t={t} lang={lang} report={outcome.report} />
      <p>{t('ioLine', { before: specs(floatIo.inputs), after: specs(io.inputs), beforeOut: specs(floatIo.outputs), afterOut: specs(io.outputs) })}</p>
      {p.mode === 'int8-io' && integerIo(io.inputs).map((q, i) => <p class="bl-hint" key={`in${i}`} data-testid="quantize-io-formula" data-scale={q.scale} data-zero-point={q.zeroPoint}>{t('ioQuantIn', q)}</p>)}
      {p.mode === 'int8-io' && integerIo(io.outputs).map((q, i) => <p class="bl-hint" key={`out${i}`} data-testid="quantize-io-formula" data-scale={q.scale} data-zero-point={q.zeroPoint}>{t('ioQuantOut', q)}</p>)}
      <p class="bl-hint" data-testid="quantize-timing" data-total-ms={Math.round(outcome.timings.totalMs)} data-calibration-ms={Math.round(outcome.timings.calibrationMs)} data-longest-task-ms={outcome.longestTaskMs ?? undefined} data-inference-in-worker={cal ? String(cal.inWorker) : undefined}>
        {cal
          ? t('timing', { photos: cal.used, observed: outcome.observedTensors, calSeconds: seconds(outcome.timings.calibrationMs), where: t(cal.inWorker ? 'inferenceInWorker' : 'inferenceOnPage'), longTask, writeSeconds: seconds(outcome.timings.writeMs) })
          : t('timingNoCal', { writeSeconds: seconds(outcome.timings.writeMs) })}
      </p>
      {cal && cal.skipped.length > 0 ? (
        <div class="bl-hint" data-testid="quantize-skipped">
          <p>{t('skipped', { count: cal.skipped.length })}</p>
          <ul>
            {cal.skipped.map((s, i) => (
              <li key={i} data-code={s.code}>
                <strong>{s.name}</strong>: {describeError(s.error, lang).message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <RuntimeChecks t={t} bytes={outcome.bytes} reference={p.source.bytes} normalization={p.normalization} withPhoto={checksWithPhoto(io.inputs)} />
      <p class="q-subheading">{t('next')}</p>
      <div class="bl-actions">
        <button type="button" data-testid="to-inspector" onClick={() => handOver('inspector')}>{t('toInspector')}</button>
        <button type="button" data-testid="to-benchmark" onClick={() => handOver('benchmark')}>{t('toBenchmark')}</button>
        <button type="button" data-testid="to-accuracy" onClick={() => handOver('accuracy')}>{t('toAccuracy')}</button>
      </div>
      {handoffError ? <p class="bl-error" role="alert">{handoffError}</p> : null}
    </div>
  );
}
