// Everything the inspector shows about one parsed model; state lives in Inspector.tsx.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatBytes } from '../../i18n/translate.ts';
import type { Locale } from '../../lib/models.ts';
import type { ModelReport } from '../../lib/tflite/describe.ts';
import BarList from './BarList.tsx';
import Checklist from './Checklist.tsx';
import TensorTable from './TensorTable.tsx';
import { channelOrder, count, feedText, isProbabilities, normalizationText, type T } from './format.ts';

interface Props {
  report: ModelReport;
  name: string;
  t: T;
  lang: Locale;
  /** Links or buttons to run the model elsewhere on the site. */
  actions: preact.ComponentChildren;
}

export default function ReportView({ report, name, t, lang, actions }: Props) {
  const recipe = report.input;
  const sep = t('listSeparator');
  return (
    <div class="insp-report" data-testid="report">
      <section aria-labelledby="insp-summary">
        <h3 id="insp-summary">{t('summaryHeading')}</h3>
        <dl class="insp-facts">
          <dt>{t('fileSize')}</dt>
          <dd data-testid="file-size">{formatBytes(report.byteLength, lang)}</dd>
          <dt>{t('counts')}</dt>
          <dd>{t('countsValue', { ops: count(report.operatorCount, lang), tensors: count(report.tensorCount, lang), params: count(report.parameterCount, lang) })}</dd>
          <dt>{t('schemaVersion')}</dt>
          <dd>{report.version}</dd>
          {report.description && (<><dt>{t('converter')}</dt><dd>{report.description}</dd></>)}
          {report.metadataName && (<><dt>{t('metaName')}</dt><dd>{report.metadataName}</dd></>)}
          {report.author && (<><dt>{t('author')}</dt><dd>{report.author}</dd></>)}
          {report.license && (<><dt>{t('license')}</dt><dd>{report.license}</dd></>)}
          {report.subgraphCount > 1 && (<><dt>{t('subgraphs')}</dt><dd>{report.subgraphCount}</dd></>)}
          {report.signatures.length > 0 && (<><dt>{t('signatures')}</dt><dd>{report.signatures.join(sep)}</dd></>)}
        </dl>
      </section>

      <section aria-labelledby="insp-io">
        <h3 id="insp-io">{t('ioHeading')}</h3>
        <TensorTable inputs={report.inputs} outputs={report.outputs} t={t} />
      </section>

      {recipe && (
        <section aria-labelledby="insp-app">
          <h3 id="insp-app">{t('appHeading')}</h3>
          <ul class="insp-steps" data-testid="recipe">
            {recipe.image && <li>{t('imageSize', { ...recipe.image, order: channelOrder(recipe, t) })}</li>}
            <li data-testid="normalization" data-source={recipe.normalization.source}>{normalizationText(recipe, t)}</li>
            <li data-testid="feed">{feedText(recipe, t)}</li>
            {report.outputProducer && (
              <li>{t(isProbabilities(report) ? 'outputProbabilities' : 'outputOther', { op: report.outputProducer })}</li>
            )}
          </ul>
        </section>
      )}

      <section aria-labelledby="insp-labels">
        <h3 id="insp-labels">{t('labelsHeading')}</h3>
        <Labels report={report} t={t} sep={sep} />
      </section>

      <section aria-labelledby="insp-ops">
        <h3 id="insp-ops">{t('opsHeading')}</h3>
        <BarList
          caption={t('opsCaption')}
          items={report.operators.map((o) => ({ label: `${o.name} (v${o.versions.join(', v')})`, value: o.count, valueText: count(o.count, lang) }))}
        />
        {report.customOps.length > 0 && <p class="insp-warning">{t('customOps', { ops: report.customOps.join(sep) })}</p>}
      </section>

      <section aria-labelledby="insp-size">
        <h3 id="insp-size">{t('sizeHeading')}</h3>
        <BarList
          caption={t('sizeCaption')}
          items={report.sizes.map((s) => ({
            label: s.key === 'metadata' ? t('sizeMetadata') : s.key === 'structure' ? t('sizeStructure') : s.key,
            value: s.bytes,
            valueText: `${formatBytes(s.bytes, lang)} (${((100 * s.bytes) / Math.max(1, report.byteLength)).toFixed(1)}%)`,
            detail: s.tensors ? t('sizeTensors', { tensors: count(s.tensors, lang), elements: count(s.elements, lang) }) : undefined,
          }))}
        />
      </section>

      <section aria-labelledby="insp-checklist">
        <h3 id="insp-checklist">{t('checklistHeading')}</h3>
        <Checklist report={report} name={name} t={t} lang={lang} />
      </section>

      <section aria-labelledby="insp-next">
        <h3 id="insp-next">{t('nextHeading')}</h3>
        <div class="insp-actions">{actions}</div>
      </section>

      {report.warnings.length > 0 && (
        <section aria-labelledby="insp-warnings">
          <h3 id="insp-warnings">{t('warningsHeading')}</h3>
          <ul>{report.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </section>
      )}
    </div>
  );
}

function Labels({ report, t, sep }: { report: ModelReport; t: T; sep: string }) {
  const labels = report.labels;
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!labels) return;
    const objectUrl = URL.createObjectURL(new Blob([labels.text], { type: 'text/plain;charset=utf-8' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [labels]);
  const outputs = useMemo(() => report.outputs[0]?.shape.at(-1) ?? 0, [report]);
  if (!labels) return <p data-testid="labels">{t('labelsNone', { count: outputs })}</p>;
  return (
    <div data-testid="labels">
      <p>{t('labelsEmbedded', { count: labels.count, file: labels.file, first: labels.first.map((label) => t('labelQuote', { label })).join(sep) })}</p>
      {labels.first[0] === 'background' && <p>{t('labelsBackground')}</p>}
      {url && (
        <a class="insp-button" href={url} download={labels.file}>
          {t('labelsDownload', { file: labels.file })}
        </a>
      )}
    </div>
  );
}
