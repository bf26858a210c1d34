// "At a glance": size, graph counts, converter note and metadata fields.
import { formatBytes } from '../../i18n/translate.ts';
import type { Locale } from '../../lib/models.ts';
import type { ModelReport } from '../../lib/tflite/describe.ts';
import { count, type T } from './format.ts';

export default function Summary({ report, t, lang }: { report: ModelReport; t: T; lang: Locale }) {
  const optional: [string, string | number | null][] = [
    [t('converter'), report.description || null],
    [t('metaName'), report.metadataName],
    [t('author'), report.author],
    [t('license'), report.license],
    [t('subgraphs'), report.subgraphCount > 1 ? report.subgraphCount : null],
    [t('signatures'), report.signatures.length ? report.signatures.join(t('listSeparator')) : null],
  ];
  return (
    <dl class="insp-facts">
      <dt>{t('fileSize')}</dt>
      <dd data-testid="file-size">{formatBytes(report.byteLength, lang)}</dd>
      <dt>{t('counts')}</dt>
      <dd>{t('countsValue', { ops: count(report.operatorCount, lang), tensors: count(report.tensorCount, lang), params: count(report.parameterCount, lang) })}</dd>
      <dt>{t('schemaVersion')}</dt>
      <dd>{report.version}</dd>
      {optional.filter(([, v]) => v !== null).map(([k, v]) => (<><dt key={`${k}-t`}>{k}</dt><dd key={`${k}-d`}>{v}</dd></>))}
    </dl>
  );
}
