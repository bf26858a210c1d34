// One model's column: name, facts (size, input dtype, time: median and range of the timed runs)
// and its top-5 with confidence bars; "unsure" when its top answer is under the threshold.
// Test hooks (stable): data-testid="result" + data-model, items data-testid="prediction" with
// data-class-index and data-prob, in rank order. The container also carries the measured times of
// the last photo (data-inference-ms = median engine invoke, data-inference-runs, data-copy-ms,
// data-preprocess-ms, data-postprocess-ms) for the timing script bench/classifier-timing.ts.
import type { ModelEntry, Locale } from '../../lib/models.ts';
import type { TensorSpec } from '../../lib/runtime/types.ts';
import type { ModelOutcome } from './useClassify.ts';
import { formatBytes, translator } from '../../i18n/translate.ts';
import { classifierStrings } from '../../i18n/classifier.ts';
import Predictions from './Predictions.tsx';

interface Props {
  lang: Locale;
  entry: ModelEntry;
  input: TensorSpec | null;
  outcome: ModelOutcome | null;
  unsure: boolean;
  /** Class indices in the other model's top 5 (null when there is no other result). */
  otherTop: Set<number> | null;
  run: number;
  headingId: string;
}

export const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));

export default function ModelResult({ lang, entry, input, outcome, unsure, otherTop, run, headingId }: Props) {
  const t = translator(classifierStrings, lang);
  const result = outcome?.result ?? null;
  const time = outcome?.timing;
  return (
    <section
      class={unsure ? 'clf-model clf-model--unsure' : 'clf-model'}
      data-testid="result"
      data-model={entry.id}
      data-run={run}
      data-unsure={outcome ? String(unsure) : undefined}
      data-inference-ms={time?.median}
      data-inference-runs={time?.runs}
      data-copy-ms={result?.copyMs}
      data-preprocess-ms={result?.preprocessMs}
      data-postprocess-ms={result?.postprocessMs}
      aria-labelledby={headingId}
    >
      <h3 class="clf-model__name" id={headingId}>
        {entry.name[lang]}
        {outcome && unsure && <span class="clf-badge" data-testid="unsure">{t('unsureBadge')}</span>}
      </h3>
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
        <div class="clf-model__time">
          <dt>{t('inference')}</dt>
          <dd data-testid="inference-ms">
            {!time ? '—' : time.runs === 1 ? t('msOneRun', { ms: ms(time.median) }) : t('msMedian', { ms: ms(time.median), min: ms(time.min), max: ms(time.max), runs: time.runs })}
          </dd>
        </div>
        <div>
          <dt>{t('preprocess')}</dt>
          <dd>{result ? t('msValue', { ms: ms(result.preprocessMs) }) : '—'}</dd>
        </div>
      </dl>
      {result && <Predictions lang={lang} predictions={result.predictions} otherTop={otherTop} label={t('top5')} />}
    </section>
  );
}
