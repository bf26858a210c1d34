// A ranked top-k with confidence bars; ◆ marks a class missing from the other model's top-k
// (explained in visible text under the results, not only in a tooltip).
import type { Locale } from '../../lib/models.ts';
import type { LabelledPrediction } from '../../lib/classify/session.ts';
import { translator } from '../../i18n/translate.ts';
import { classifierStrings } from '../../i18n/classifier.ts';

interface Props {
  lang: Locale;
  predictions: LabelledPrediction[];
  otherTop: Set<number> | null;
  label: string;
  testId?: string;
}

export function formatPct(prob: number, lang: Locale): string {
  return `${(prob * 100).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
}

export default function Predictions({ lang, predictions, otherTop, label, testId = 'prediction' }: Props) {
  const t = translator(classifierStrings, lang);
  return (
    <ol class="clf-model__top" aria-label={label}>
      {predictions.map((p) => {
        const elsewhere = otherTop ? otherTop.has(p.index) : true;
        return (
          <li
            key={p.index}
            data-testid={testId}
            data-class-index={p.index}
            data-prob={p.prob.toFixed(6)}
            data-label={p.label}
            class={elsewhere ? 'clf-pred' : 'clf-pred clf-pred--only'}
          >
            <span class="clf-pred__label">
              {p.label}
              {!elsewhere && <span class="clf-pred__flag" aria-label={t('notInOther')}>◆</span>}
            </span>
            <span class="clf-pred__pct">{formatPct(p.prob, lang)}</span>
            <span class="clf-pred__bar" aria-hidden="true">
              <span style={{ width: `${Math.max(0, Math.min(1, p.prob)) * 100}%` }} />
            </span>
          </li>
        );
      })}
    </ol>
  );
}
