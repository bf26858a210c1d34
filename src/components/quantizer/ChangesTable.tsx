// What quantization changed: weights first expanded from a float16 / weight-only file, tensors and
// bytes by dtype, operators added or removed, and the weights kept in float (with why).
import type { Locale } from '../../lib/models.ts';
import type { QuantizeOutcome } from '../../lib/calibration/pipeline.ts';
import { formatBytes } from '../../i18n/translate.ts';
import { sitePath } from '../../lib/site-path.ts';
import type { QuantizerT } from './errors.ts';

interface Props {
  t: QuantizerT;
  lang: Locale;
  report: QuantizeOutcome['report'];
}

const SKIP_KEYS = { 'small-weights': 'keptFloatSmall', 'shared-weights': 'keptFloatShared', 'no-hybrid-kernel': 'keptFloatNoKernel' } as const;
const EMPTY = { tensors: 0, constants: 0, bytes: 0 };

/** "CONV_2D × 14, DEPTHWISE_CONV_2D × 7" for the dynamic-range notes of one kind of kernel. */
function opList(notes: QuantizeOutcome['report']['notes'], kernel: 'hybrid' | 'dequantize'): string {
  const counts = countBy(notes.filter((n) => n.detail?.kernel === kernel).map((n) => n.opcode));
  return Object.entries(counts).map(([op, n]) => `${op} × ${n}`).join(', ');
}

function countBy(codes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of codes) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
}

export default function ChangesTable({ t, lang, report }: Props) {
  const dtypes = [...new Set([...Object.keys(report.before.tensorsByDtype), ...Object.keys(report.after.tensorsByDtype)])];
  const ops = [...new Set([...Object.keys(report.opsAdded), ...Object.keys(report.opsRemoved)])];
  const skippedByCode = countBy(report.skipped.map((s) => s.code));
  const restoredByDtype = countBy(report.notes.filter((n) => n.code === 'weights-restored').map((n) => String(n.detail?.from)));
  const hybrid = report.mode === 'dynamic' ? opList(report.notes, 'hybrid') : '';
  const weightOnly = report.mode === 'dynamic' ? opList(report.notes, 'dequantize') : '';
  return (
    <>
      <h4>{t('changesHeading')}</h4>
      {Object.entries(restoredByDtype).map(([dtype, count]) => (
        <p class="bl-hint" key={dtype} data-testid="quantize-restored" data-from={dtype} data-count={count}>
          {t(dtype === 'float16' ? 'restoredFloat16' : 'restoredInt', { count, dtype })}
        </p>
      ))}
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
              const a = report.before.tensorsByDtype[dtype] ?? EMPTY;
              const b = report.after.tensorsByDtype[dtype] ?? EMPTY;
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
      {hybrid ? (
        <p class="bl-hint" data-testid="quantize-hybrid" data-ops={hybrid}>
          {t('hybridOps', { list: hybrid }) + t('sentenceGap') + t('hybridSpeed') + t('sentenceGap')}
          <a href={sitePath(t('hybridLessonPath'))}>{t('hybridLesson')}</a>
        </p>
      ) : null}
      {weightOnly ? (
        <p class="bl-hint" data-testid="quantize-weight-only">
          {t('weightOnlyOps', { list: weightOnly })}
        </p>
      ) : null}
      {Object.entries(skippedByCode).map(([code, count]) => (
        <p class="bl-hint" key={code} data-testid="quantize-kept-float" data-code={code}>
          {t(SKIP_KEYS[code as keyof typeof SKIP_KEYS] ?? 'keptFloatOther', { count, code })}
        </p>
      ))}
    </>
  );
}
