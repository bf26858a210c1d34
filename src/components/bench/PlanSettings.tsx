// Runtime, threads, warm-up and timed runs of the benchmark lab.
import type { Locale } from '../../lib/models.ts';
import { translator } from '../../i18n/translate.ts';
import { benchStrings } from '../../i18n/bench.ts';
import RuntimeSelect from '../shared/RuntimeSelect.tsx';
import type { BenchmarkSettings } from './useBenchmarkSettings.ts';

interface Props {
  lang: Locale;
  settings: BenchmarkSettings;
  change: <T>(set: (v: T) => void) => (v: T) => void;
}

export default function PlanSettings({ lang, settings: s, change }: Props) {
  const t = translator(benchStrings, lang);
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <div class="bl-settings">
      <RuntimeSelect lang={lang} value={s.runtime} onChange={change(s.setRuntime)} />
      <label>
        {s.maxThreads > 1 || !s.isolationKnown ? t('threads') : t('threadsSingle')}
        <select name="threads" value={s.threads} onChange={(e) => change(s.setThreads)(value(e))}>
          {Array.from({ length: s.maxThreads }, (_, i) => (
            <option value={String(i + 1)} key={i}>
              {i + 1}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('warmup')}
        <input name="warmup" type="number" inputMode="numeric" value={s.warmup} onInput={(e) => s.setWarmup(value(e))} />
      </label>
      <label>
        {t('runs')}
        <input name="runs" type="number" inputMode="numeric" value={s.runs} onInput={(e) => s.setRuns(value(e))} />
      </label>
    </div>
  );
}
