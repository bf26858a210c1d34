// Every family model: size, median (with p90) measured here, top-1 here and published.
import type { Locale, ModelEntry } from '../../lib/models.ts';
import type { FamilyRun } from '../../lib/bench/family-run.ts';
import { formatBytes, translator } from '../../i18n/translate.ts';
import { familyChartStrings } from '../../i18n/family-chart.ts';
import { ms } from '../shared/format.ts';

interface Props {
  lang: Locale;
  family: ModelEntry[];
  run: FamilyRun | null;
}

export default function FamilyTable({ lang, family, run }: Props) {
  const t = translator(familyChartStrings, lang);
  const none = t('notMeasured');
  return (
    <div class="bl-table-wrap responsive-table">
      <table class="bl-table" data-testid="family-table">
        <thead>
          <tr>
            <th scope="col">{t('colModel')}</th>
            <th scope="col">{t('colSize')}</th>
            <th scope="col">{t('colMedian')}</th>
            <th scope="col">{t('colTop1')}</th>
            <th scope="col">{t('colPublished')}</th>
            <th scope="col">{t('colFloat')}</th>
          </tr>
        </thead>
        <tbody>
          {family.map((m) => {
            const p = run?.points.find((x) => x.id === m.id);
            return (
              <tr key={m.id} data-model={m.id}>
                <th scope="row">{m.name[lang]}</th>
                <td data-label={t('colSize')}>{formatBytes(m.bytes, lang)}</td>
                <td data-col="median" data-label={t('colMedian')}>{p ? `${ms(p.medianMs)} (p90 ${ms(p.p90Ms)})` : none}</td>
                <td data-col="top1" data-label={t('colTop1')}>{p?.measuredTop1 != null ? `${p.measuredTop1.toFixed(0)}%` : none}</td>
                <td data-label={t('colPublished')}>{m.published ? `${m.published.top1}%` : none}</td>
                <td data-label={t('colFloat')}>{m.published ? `${m.published.float_top1}%` : none}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
