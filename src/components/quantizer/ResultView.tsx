// The quantizer's result: sizes, what changed, timings, the download, whether each runtime runs the
// new file (measured here), and one click to the inspector, benchmark and accuracy labs.
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../lib/models.ts';
import { runtimeIds, runtimeLabels, defaultThreads } from '../../lib/runtime/index.ts';
import type { Normalization } from '../../lib/image/input.ts';
import type { QuantizeOutcome } from '../../lib/calibration/pipeline.ts';
import { checkRuns, type RunCheck } from '../../lib/converter/runs.ts';
import { quantizerHandoffUrl, saveQuantizerHandoff } from '../../lib/tflite/handoff.ts';
import type { QuantizeMode } from '../../lib/quantize/index.ts';
import { formatBytes } from '../../i18n/translate.ts';
import { modelIO } from '../../lib/runtime/model-io.ts';
import { parseTflite } from '../../lib/tflite/reader.ts';
import type { TensorSpec } from '../../lib/runtime/types.ts';
import type { QuantizerT } from './errors.ts';
import type { FloatSource } from './QuantizerLab.tsx';

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
const SKIP_KEYS = { 'small-weights': 'keptFloatSmall', 'shared-weights': 'keptFloatShared', 'no-hybrid-kernel': 'keptFloatNoKernel' } as const;

function countBy(codes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of codes) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
}

export default function ResultView(p: Props) {
  const { t, lang, outcome } = p;
  const report = outcome.report;
  const io = modelIO(parseTflite(outcome.bytes));
  const floatIo = modelIO(p.source.model);
  const dtypes = [...new Set([...Object.keys(report.before.tensorsByDtype), ...Object.keys(report.after.tensorsByDtype)])];
  const ops = [...new Set([...Object.keys(report.opsAdded), ...Object.keys(report.opsRemoved)])];
  const skippedByCode = countBy(report.skipped.map((s) => s.code));
  const [checks, setChecks] = useState<(RunCheck | null)[]>(runtimeIds.map(() => null));
  const [handoffError, setHandoffError] = useState('');

  // One runtime after the other: loading both at once would skew the times and double the memory.
  useEffect(() => {
    let live = true;
    (async () => {
      for (const [i, id] of runtimeIds.entries()) {
        const result = await checkRuns(id, outcome.bytes, p.normalization, defaultThreads());
        if (!live) return;
        setChecks((c) => c.map((x, k) => (k === i ? result : x)));
      }
    })();
    return () => {
      live = false;
    };
  }, [outcome, p.normalization]);

  const handOver = (lab: 'benchmark' | 'accuracy' | 'inspector') => {
    setHandoffError('');
    saveQuantizerHandoff({
      float: { name: p.source.name, bytes: p.source.bytes, modelId: p.source.site?.id },
      quantized: { name: p.fileName, bytes: outcome.bytes, mode: p.mode },
      normalization: p.normalization,
    }).then(
      () => location.assign(quantizerHandoffUrl(lab)),
      (err: unknown) => setHandoffError(t('handoffFailed', { detail: err instanceof Error ? err.message : String(err) })),
    );
  };

  const cal = outcome.calibration;
  const ratio = outcome.bytes.length / p.source.bytes.length;
  const longTask = outcome.longestTaskMs === null ? '—' : outcome.longestTaskMs > 0 ? t('longTaskMs', { ms: Math.round(outcome.longestTaskMs) }) : t('longTaskNone');
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
          <dt>&nbsp;</dt>
          <dd data-testid="quantize-ratio" data-ratio={ratio.toFixed(4)}>{t('sizeRatio', { ratio: ratio.toFixed(2) })}</dd>
        </div>
      </dl>
      <p>
        <a class="q-download" data-testid="quantize-download" href={p.url} download={p.fileName}>
          {t('download', { name: p.fileName, size: formatBytes(outcome.bytes.length, lang) })}
        </a>
      </p>
      <h4>{t('changesHeading')}</h4>
      <div class="bl-table-wrap responsive-table">
        <table class="bl-table">
          <thead>
            <tr>
              <th scope="col">{t('colDtype')}</th>
              <th scope="col">{t('colConstants')}</th>
              <th scope="col">{t('colActivations')}</th>
              <th scope="col">{t('colBytes')}</th>
            </tr>
          </thead>
          <tbody>
            {dtypes.map((dtype) => {
              const a = report.before.tensorsByDtype[dtype] ?? { tensors: 0, constants: 0, bytes: 0 };
              const b = report.after.tensorsByDtype[dtype] ?? { tensors: 0, constants: 0, bytes: 0 };
              return (
                <tr key={dtype} data-dtype={dtype}>
                  <th scope="row">{dtype}</th>
                  <td data-label={t('colConstants')}>
                    {a.constants} → {b.constants}
                  </td>
                  <td data-label={t('colActivations')}>
                    {a.tensors - a.constants} → {b.tensors - b.constants}
                  </td>
                  <td data-label={t('colBytes')}>
                    {formatBytes(a.bytes, lang)} → {formatBytes(b.bytes, lang)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="q-subheading">{t('opsHeading')}</p>
      {ops.length === 0 ? (
        <p>{t('opsNone')}</p>
      ) : (
        <ul class="q-ops" data-testid="quantize-ops">
          {ops.map((op) => {
            const before = report.before.ops[op] ?? 0;
            const after = report.after.ops[op] ?? 0;
            return (
              <li key={op} data-op={op} data-before={before} data-after={after}>
                <code>{t('opLine', { op, before, after })}</code>
              </li>
            );
          })}
        </ul>
      )}
      {Object.entries(skippedByCode).map(([code, count]) => (
        <p class="bl-hint" key={code} data-testid="quantize-kept-float" data-code={code}>
          {t(SKIP_KEYS[code as keyof typeof SKIP_KEYS] ?? 'keptFloatOther', { count, code })}
        </p>
      ))}
      <p>{t('ioLine', { before: specs(floatIo.inputs), after: specs(io.inputs), beforeOut: specs(floatIo.outputs), afterOut: specs(io.outputs) })}</p>
      <p class="bl-hint" data-testid="quantize-timing" data-total-ms={Math.round(outcome.timings.totalMs)} data-calibration-ms={Math.round(outcome.timings.calibrationMs)}>
        {cal
          ? t('timing', { photos: cal.used, observed: outcome.observedTensors, calSeconds: seconds(outcome.timings.calibrationMs), longTask, writeSeconds: seconds(outcome.timings.writeMs) })
          : t('timingNoCal', { writeSeconds: seconds(outcome.timings.writeMs) })}
      </p>
      {cal && cal.skipped.length > 0 ? (
        <p class="bl-hint" data-testid="quantize-skipped">
          {t('skipped', { count: cal.skipped.length, list: cal.skipped.map((s) => `${s.name} (${s.reason})`).join('; ') })}
        </p>
      ) : null}
      <p class="q-subheading">{t('checkHeading')}</p>
      <ul class="q-checks">
        {runtimeIds.map((id, i) => {
          const c = checks[i] ?? null;
          return (
            <li key={id} data-testid="runtime-check" data-runtime={id} data-state={c === null ? 'running' : c.ok ? 'ok' : 'refused'} data-ms={c?.ok ? c.inferenceMs.toFixed(2) : undefined}>
              {c === null
                ? t('checkRunning', { runtime: runtimeLabels[id] })
                : c.ok
                  ? t('checkOk', { runtime: runtimeLabels[id], ms: c.inferenceMs.toFixed(1) })
                  : t('checkRefused', { runtime: runtimeLabels[id], reason: c.reason })}
            </li>
          );
        })}
      </ul>
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
