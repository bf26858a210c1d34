// One model's column: name, facts (size, input dtype, times) and its top-5 with confidence bars.
// Test hooks (stable): data-testid="result" + data-model, items data-testid="prediction" with
// data-class-index and data-prob, in rank order. The container also carries the measured times of
// the last run (data-inference-ms = engine invoke only, data-copy-ms, data-preprocess-ms,
// data-postprocess-ms) for the timing script bench/classifier-timing.ts.
import type { Classification } from '../../lib/classify/session.ts';
import type { ModelEntry, Locale } from '../../lib/models.ts';
import type { TensorSpec } from '../../lib/runtime/types.ts';
import { formatBytes, translator } from '../../i18n/translate.ts';
import { classifierStrings } from '../../i18n/classifier.ts';

interface Props {
  lang: Locale;
  entry: ModelEntry;
  input: TensorSpec | null;
  result: Classification | null;
  /** Class indices in the other model's top 5 (null when there is no other result). */
  otherTop: Set<number> | null;
  run: number;
  headingId: string;
}

const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));

export default function ModelResult({ lang, entry, input, result, otherTop, run, headingId }: Props) {
  const t = translator(classifierStrings, lang);
  const pct = (p: number) => `${(p * 100).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
  return (
    <section
      class="clf-model"
      data-testid="result"
      data-model={entry.id}
      data-run={run}
      data-inference-ms={result?.inferenceMs}
      data-copy-ms={result?.copyMs}
      data-preprocess-ms={result?.preprocessMs}
      data-postprocess-ms={result?.postprocessMs}
      aria-labelledby={headingId}
    >
      <h3 class="clf-model__name" id={headingId}>{entry.name[lang]}</h3>
      <dl class="clf-model__facts">
        <div>
          <dt>{t('modelSize')}</dt>
          <dd>{formatBytes(entry.bytes, lang)}</dd>
        </div>
        <div>
          <dt>{t('inputDtype')}</dt>
          <dd>
            <code>{input ? input.dtype : entry.dtype}</code>
          </dd>
        </div>
        <div>
          <dt>{t('inference')}</dt>
          <dd data-testid="inference-ms">{result ? t('msValue', { ms: ms(result.inferenceMs) }) : '—'}</dd>
        </div>
        <div>
          <dt>{t('preprocess')}</dt>
          <dd>{result ? t('msValue', { ms: ms(result.preprocessMs) }) : '—'}</dd>
        </div>
      </dl>
      {result && (
        <ol class="clf-model__top" aria-label={t('top5')}>
          {result.predictions.map((p) => {
            const elsewhere = otherTop ? otherTop.has(p.index) : true;
            return (
              <li
                key={p.index}
                data-testid="prediction"
                data-class-index={p.index}
                data-prob={p.prob.toFixed(6)}
                class={elsewhere ? 'clf-pred' : 'clf-pred clf-pred--only'}
              >
                <span class="clf-pred__label">
                  {p.label}
                  {!elsewhere && <span class="clf-pred__flag" title={t('notInOther')} aria-label={t('notInOther')}>◆</span>}
                </span>
                <span class="clf-pred__pct">{pct(p.prob)}</span>
                <span class="clf-pred__bar" aria-hidden="true">
                  <span style={{ width: `${Math.max(0, Math.min(1, p.prob)) * 100}%` }} />
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
