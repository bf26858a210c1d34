// Per-model statistics of one benchmark run (median with p10/p90, spread, sizes, engine).
import type { BenchmarkResult } from '../../lib/bench/benchmark.ts';
import { formatBytes, translator } from '../../i18n/translate.ts';
import { benchStrings } from '../../i18n/bench.ts';
import type { Locale } from '../../lib/models.ts';
import { ms } from '../shared/format.ts';

interface Props {
  lang: Locale;
  result: BenchmarkResult;
  nameOf: (id: string) => string;
}

export default function BenchTable({ lang, result, nameOf }: Props) {
  const t = translator(benchStrings, lang);
  return (
    <div class="bl-table-wrap bl-wide responsive-table">
      <table class="bl-table">
        <thead>
          <tr>
            <th scope="col">{t('colModel')}</th>
            <th scope="col">{t('colMedian')}</th>
            <th scope="col">{t('colP10')}</th>
            <th scope="col">{t('colP90')}</th>
            <th scope="col">{t('colIqr')}</th>
            <th scope="col">{t('colN')}</th>
            <th scope="col">{t('colCopy')}</th>
            <th scope="col">{t('colSize')}</th>
            <th scope="col">{t('colLoad')}</th>
            <th scope="col">{t('colEngine')}</th>
          </tr>
        </thead>
        <tbody>
          {result.models.map((m) => (
            <tr key={m.id} data-model={m.id}>
              <th scope="row">{nameOf(m.id)}</th>
              <td data-col="median" data-label={t('colMedian')}>{ms(m.inference.median)}</td>
              <td data-col="p10" data-label={t('colP10')}>{ms(m.inference.p10)}</td>
              <td data-col="p90" data-label={t('colP90')}>{ms(m.inference.p90)}</td>
              <td data-col="iqr" data-label={t('colIqr')}>{ms(m.inference.iqr)}</td>
              <td data-col="n" data-label={t('colN')}>{m.inference.n}</td>
              <td data-col="copy" data-label={t('colCopy')}>{ms(m.copy.median)}</td>
              <td data-col="size" data-label={t('colSize')} data-bytes={m.sizeBytes}>{formatBytes(m.sizeBytes, lang)}</td>
              <td data-col="load" data-label={t('colLoad')}>{Math.round(m.loadMs)}</td>
              <td data-col="engine" data-label={t('colEngine')}>
                <code>{m.info.variant}</code> · {m.info.threads}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
