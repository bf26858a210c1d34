// "Break it on purpose": pick a classic mistake and see, for the current photo, each model's
// answer with the correct pipeline beside its answer with the mistake. The mistakes themselves
// are data (lib/classify/mistakes.ts); this only renders them.
import type { Locale } from '../../lib/models.ts';
import { mistakes, type MistakeId } from '../../lib/classify/mistakes.ts';
import { translator, type KeyOf } from '../../i18n/translate.ts';
import { classifierStrings } from '../../i18n/classifier.ts';
import type { Outcome } from './useClassify.ts';
import Predictions from './Predictions.tsx';
import RgbCanvas from './RgbCanvas.tsx';

interface Props {
  lang: Locale;
  mistake: MistakeId | null;
  onChange: (id: MistakeId | null) => void;
  outcome: Outcome | null;
  uid: string;
}

type Key = KeyOf<typeof classifierStrings>;
const mistakeKey = (id: MistakeId, part: 'Name' | 'What') => `mistake${part}_${id.replace(/-/g, '_')}` as Key;

export default function MistakePanel({ lang, mistake, onChange, outcome, uid }: Props) {
  const t = translator(classifierStrings, lang);
  const shown = mistake && outcome && outcome.mistake === mistake ? outcome : null;
  const view = shown?.models.find((m) => m.mistaken)?.mistaken;
  const size = view ? Math.round(Math.sqrt(view.trace.rgb.length / 3)) : 0;
  return (
    <section class="clf-mistakes" aria-labelledby={`${uid}-mistakes`} data-testid="mistakes" data-mistake={mistake ?? ''}>
      <h2 id={`${uid}-mistakes`} class="clf-heading">{t('mistakesHeading')}</h2>
      <p>{t('mistakesIntro')}</p>
      <label class="clf-mistakes__pick">
        <span>{t('mistakeLabel')}</span>
        <select name="mistake" value={mistake ?? ''} onChange={(e) => onChange((e.currentTarget.value || null) as MistakeId | null)}>
          <option value="">{t('mistakeNone')}</option>
          {mistakes.map((m) => (
            <option key={m.id} value={m.id}>{t(mistakeKey(m.id, 'Name'))}</option>
          ))}
        </select>
      </label>
      {mistake && <p class="clf-mistakes__what" data-testid="mistake-what">{t(mistakeKey(mistake, 'What'))}</p>}
      {mistake && !shown && <p class="clf-cue">{t('mistakeChoosePhoto')}</p>}
      {shown && (
        <div class="clf-mistakes__body">
          {view && <RgbCanvas className="clf-mistake-view" rgb={view.trace.rgb} size={size} label={t('mistakeViewAlt')} caption={t('mistakeView')} />}
          <div class="clf-mistakes__grid">
            {shown.models.map((m) => (
              <div class="clf-mistakes__model" key={m.session.entry.id} data-testid="mistake-model" data-model={m.session.entry.id} data-applies={String(!!m.mistaken)}>
                <h3>{m.session.entry.name[lang]}</h3>
                {m.mistaken ? (
                  <div class="clf-mistakes__pair">
                    <div>
                      <p class="clf-mistakes__col">{t('mistakeCorrect')}</p>
                      <Predictions lang={lang} predictions={m.result.predictions.slice(0, 3)} otherTop={null} label={t('mistakeCorrect')} testId="correct-prediction" />
                    </div>
                    <div>
                      <p class="clf-mistakes__col">{t('mistakeBroken')}</p>
                      <Predictions lang={lang} predictions={m.mistaken.predictions.slice(0, 3)} otherTop={null} label={t('mistakeBroken')} testId="mistake-prediction" />
                    </div>
                  </div>
                ) : (
                  <p class="clf-cue">{t('mistakeNotApplicable')}</p>
                )}
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
