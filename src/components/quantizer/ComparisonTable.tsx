// The settings comparison's results: size and median latency per setting and runtime, the speed-up
// against float with its interval, and which runtime refused which setting.
import type { Locale } from '../../lib/models.ts';
import { runtimeLabels } from '../../lib/runtime/index.ts';
import { COMPARED_MODES, type ComparedSetting, type SettingsComparison } from '../../lib/calibration/compare-settings.ts';
import { formatBytes } from '../../i18n/translate.ts';
import type { QuantizerT } from './errors.ts';

interface Props {
  t: QuantizerT;
  lang: Locale;
  result: SettingsComparison;
  settingName: (s: ComparedSetting) => string;
}

const SETTINGS: ComparedSetting[] = ['float', ...COMPARED_MODES];

export default function ComparisonTable({ t, lang, result, settingName }: Props) {
  return (
    <div class="bl-results">
      {/* bl-wide: six columns do not fit a lesson's column, so each setting becomes a card there (shared/lab.css). */}
      <div class="bl-table-wrap bl-wide responsive-table">
        <table class="bl-table" data-testid="comparison-table">
          <thead>
            <tr>
              <th scope="col">{t('cmpSetting')}</th>
              <th scope="col">{t('cmpSize')}</th>
              {result.runtimes.map((r) => [
                <th scope="col" key={`${r.runtime}-m`}>{t('cmpMedian', { runtime: runtimeLabels[r.runtime] })}</th>,
                <th scope="col" key={`${r.runtime}-s`}>{t('cmpSpeedup', { runtime: runtimeLabels[r.runtime] })}</th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {SETTINGS.map((s) => (
              <tr key={s} data-setting={s}>
                <th scope="row">{settingName(s)}</th>
                <td data-label={t('cmpSize')}>{formatBytes(result.sizes[s], lang)}</td>
                {result.runtimes.map((r) => {
                  const timing = r.timings[s];
                  const medianLabel = t('cmpMedian', { runtime: runtimeLabels[r.runtime] });
                  const speedLabel = t('cmpSpeedup', { runtime: runtimeLabels[r.runtime] });
                  if (!timing) {
                    return [
                      <td key={`${r.runtime}-m`} data-label={medianLabel} data-runtime={r.runtime}>{t('cmpRefused')}</td>,
                      <td key={`${r.runtime}-s`} data-label={speedLabel} data-column="speedup">—</td>,
                    ];
                  }
                  const i = timing.ratio?.interval;
                  return [
                    <td key={`${r.runtime}-m`} data-label={medianLabel} data-runtime={r.runtime} data-median={timing.model.inference.median.toFixed(3)}>
                      {timing.model.inference.median.toFixed(1)} ms
                    </td>,
                    <td key={`${r.runtime}-s`} data-label={speedLabel} data-column="speedup" data-speedup={i ? i.speedup.toFixed(3) : undefined}>
                      {i ? t('cmpInterval', { value: i.speedup.toFixed(2), low: i.low.toFixed(2), high: i.high.toFixed(2) }) : t('cmpBaseline')}
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.runtimes.flatMap((r) =>
        Object.entries(r.refused).map(([s, reason]) => (
          <p class="bl-hint" key={`${r.runtime}-${s}`}>
            {t('cmpRefusedNote', { runtime: runtimeLabels[r.runtime], setting: settingName(s as ComparedSetting), reason: reason ?? '' })}
          </p>
        )),
      )}
      <p class="bl-note">
        {[...result.runtimes.map((r) => t('cmpThreads', { runtime: runtimeLabels[r.runtime], threads: r.threads })), t('cmpNote')].join(t('sentenceGap'))}
      </p>
    </div>
  );
}
