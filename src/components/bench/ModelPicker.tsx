// The benchmark lab's model list: presets, one checkbox per model, the baseline marked.
import type { Locale } from '../../lib/models.ts';
import { presets } from '../../lib/catalog/selection.ts';
import { translator } from '../../i18n/translate.ts';
import { benchStrings } from '../../i18n/bench.ts';
import { HANDOFF_SOURCE_ID } from '../shared/handoff-source.ts';
import type { BenchmarkSettings } from './useBenchmarkSettings.ts';

interface Props {
  lang: Locale;
  settings: BenchmarkSettings;
  /** Wraps every change, so a run in progress stops when what it measures changes. */
  change: <T>(set: (v: T) => void) => (v: T) => void;
}

export default function ModelPicker({ lang, settings: s, change }: Props) {
  const t = translator(benchStrings, lang);
  return (
    <fieldset class="bl-models">
      <legend>{t('models')}</legend>
      <p class="bl-hint">{t('modelsHint')}</p>
      <div class="bl-presets" role="group" aria-label={t('presets')}>
        {presets().map((p) => (
          <button type="button" key={p.id} class="bl-chip" onClick={() => change(s.setSelected)([...p.ids])}>
            {p.name[lang]}
          </button>
        ))}
      </div>
      <ul class="bl-model-list">
        {s.sources.map((source) => {
          const position = s.selected.indexOf(source.id);
          return (
            <li key={source.id}>
              <label>
                <input type="checkbox" name="model" value={source.id} checked={position >= 0} onChange={() => change(s.toggle)(source.id)} />{' '}
                {s.extra.includes(source) ? t(source.id === HANDOFF_SOURCE_ID ? 'handoff' : 'handoffQuantizer', { name: source.name[lang] }) : source.name[lang]}
                {position === 0 ? <span class="bl-badge"> {t('baseline')}</span> : null}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
