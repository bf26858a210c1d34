// The answer, shown right under the photo picker: a plain verdict, the cues a newcomer needs
// (unsure, incomplete image, 8-bit slower here), both models side by side, and the legend for
// the ◆ marker and for ties, in visible text.
import type { Ref } from 'preact';
import type { Locale, ModelEntry } from '../../lib/models.ts';
import type { ModelSession } from '../../lib/classify/session.ts';
import { hasShownTie, quantizedSlower, verdict, UNSURE_BELOW } from '../../lib/classify/verdict.ts';
import { translator } from '../../i18n/translate.ts';
import { classifierStrings } from '../../i18n/classifier.ts';
import type { Outcome } from './useClassify.ts';
import ModelResult, { ms } from './ModelResult.tsx';
import RgbCanvas from './RgbCanvas.tsx';

interface Props {
  lang: Locale;
  entries: ModelEntry[];
  sessions: ModelSession[];
  outcome: Outcome | null;
  uid: string;
  answerRef: Ref<HTMLElement>;
}

/** Index of the float model and of the 8-bit one in the pair, when it is such a pair. */
function floatVsQuantized(entries: ModelEntry[]): [number, number] | null {
  const f = entries.findIndex((e) => e.dtype === 'float32');
  const q = entries.findIndex((e) => e.dtype !== 'float32');
  return f >= 0 && q >= 0 ? [f, q] : null;
}

export default function Answer({ lang, entries, sessions, outcome, uid, answerRef }: Props) {
  const t = translator(classifierStrings, lang);
  const models = outcome?.models ?? [];
  const v = outcome ? verdict(models.map((m) => m.result.predictions)) : null;
  const tops = models.map((m) => m.result.predictions[0]!);
  const fq = floatVsQuantized(entries);
  const slower = outcome && outcome.source === 'file' && fq && quantizedSlower(models[fq[0]]!.timing, models[fq[1]]!.timing);
  const tie = models.some((m) => hasShownTie(m.result.predictions));
  const marker = models.some((m, i) => m.result.predictions.some((p) => !models[1 - i]?.result.predictions.some((o) => o.index === p.index)));
  const size = models[0] ? Math.round(Math.sqrt(models[0].result.trace.rgb.length / 3)) : 224;
  return (
    <section class="clf-answer" ref={answerRef} tabIndex={-1} aria-labelledby={`${uid}-answer`} data-testid="answer">
      <h2 id={`${uid}-answer`} class="sr-only">{t('answerHeading')}</h2>
      {outcome && v && (
        <div class="clf-answer__head">
          <RgbCanvas rgb={models[0]!.result.trace.rgb} size={size} label={t('modelInputAlt', { size })} caption={t('modelInput', { size })} />
          <div class="clf-answer__text">
            <p class={v.agree ? 'clf-verdict' : 'clf-verdict clf-verdict--disagree'} data-testid="verdict" data-agree={String(v.agree)}>
              {v.agree ? t('agree', { label: tops[0]!.label }) : t('disagree', { a: tops[0]!.label, b: tops[1]!.label })}
            </p>
            {v.unsure.some(Boolean) && (
              <p class="clf-cue" data-testid="unsure-note">
                {t(v.unsure.every(Boolean) ? 'unsureBoth' : 'unsureOne', { pct: UNSURE_BELOW * 100 })}
              </p>
            )}
            {outcome.image.incomplete && (
              <p class="clf-warning" data-testid="incomplete-warning">
                {t('incompleteImage')}
              </p>
            )}
            {slower && fq && (
              <p class="clf-cue" data-testid="slower-note">
                {t('quantizedSlower', { q: ms(models[fq[1]]!.timing.median), f: ms(models[fq[0]]!.timing.median) })}
              </p>
            )}
          </div>
        </div>
      )}
      <div class="clf-models">
        {entries.map((entry, i) => (
          <ModelResult
            key={entry.id}
            lang={lang}
            entry={entry}
            input={sessions[i]?.model.inputs[0] ?? null}
            outcome={models[i] ?? null}
            unsure={v?.unsure[i] ?? false}
            otherTop={models[1 - i] ? new Set(models[1 - i]!.result.predictions.map((p) => p.index)) : null}
            run={outcome?.run ?? 0}
            headingId={`${uid}-m${i}`}
          />
        ))}
      </div>
      {outcome && (marker || tie) && (
        <ul class="clf-legend" data-testid="legend">
          {marker && <li>{t('legendMarker')}</li>}
          {tie && <li data-testid="tie-note">{t('legendTies')}</li>}
        </ul>
      )}
    </section>
  );
}
