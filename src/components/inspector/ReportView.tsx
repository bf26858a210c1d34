// Everything the inspector shows about one parsed model; state lives in useInspector.ts.
import { useMemo } from 'preact/hooks';
import { formatBytes } from '../../i18n/translate.ts';
import type { Locale } from '../../lib/models.ts';
import type { ModelReport } from '../../lib/tflite/describe.ts';
import { modelAdvice } from '../../lib/tflite/advice.ts';
import AdvicePanel from './AdvicePanel.tsx';
import BarList from './BarList.tsx';
import Checklist from './Checklist.tsx';
import KindPanel from './KindPanel.tsx';
import Labels from './Labels.tsx';
import OpsAdvice from './OpsAdvice.tsx';
import RuntimeTrials from './RuntimeTrials.tsx';
import Summary from './Summary.tsx';
import TensorTable from './TensorTable.tsx';
import type { Trial } from './useRuntimeTrials.ts';
import { count, type T } from './format.ts';

interface Props {
  report: ModelReport;
  name: string;
  t: T;
  lang: Locale;
  trials: Record<string, Trial>;
  /** "Run it here" and links to the rest of the site. */
  children: preact.ComponentChildren;
}

function Section({ id, title, children }: { id: string; title: string; children: preact.ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

export default function ReportView({ report, name, t, lang, trials, children }: Props) {
  const advice = useMemo(() => modelAdvice(report), [report]);
  return (
    <div class="insp-report" data-testid="report">
      <Section id="insp-summary" title={t('summaryHeading')}><Summary report={report} t={t} lang={lang} /></Section>
      <Section id="insp-kind" title={t('kindHeading')}><KindPanel kind={report.kind} t={t} /></Section>
      <Section id="insp-io" title={t('ioHeading')}><TensorTable inputs={report.inputs} outputs={report.outputs} t={t} /></Section>
      <Section id="insp-app" title={t('appHeading')}><AdvicePanel report={report} advice={advice} t={t} /></Section>
      <Section id="insp-labels" title={t('labelsHeading')}><Labels report={report} advice={advice.labels} t={t} /></Section>
      <Section id="insp-ops" title={t('opsHeading')}>
        <BarList
          caption={t('opsCaption')}
          items={report.operators.map((o) => ({ label: `${o.name} (v${o.versions.join(', v')})`, value: o.count, valueText: count(o.count, lang) }))}
        />
        <OpsAdvice ops={advice.ops} report={report} t={t} />
      </Section>
      <Section id="insp-runtimes" title={t('runtimesHeading')}><RuntimeTrials trials={trials} t={t} /></Section>
      {children}
      <Section id="insp-size" title={t('sizeHeading')}>
        <BarList
          caption={t('sizeCaption')}
          items={report.sizes.map((s) => ({
            label: s.key === 'metadata' ? t('sizeMetadata') : s.key === 'structure' ? t('sizeStructure') : s.key,
            value: s.bytes,
            valueText: `${formatBytes(s.bytes, lang)} (${((100 * s.bytes) / Math.max(1, report.byteLength)).toFixed(1)}%)`,
            detail: s.tensors ? t('sizeTensors', { tensors: count(s.tensors, lang), elements: count(s.elements, lang) }) : undefined,
          }))}
        />
      </Section>
      <Section id="insp-checklist" title={t('checklistHeading')}>
        <Checklist report={report} advice={advice} trials={trials} name={name} t={t} lang={lang} />
      </Section>
      {report.warnings.length > 0 && (
        <Section id="insp-warnings" title={t('warningsHeading')}>
          <ul>{report.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </Section>
      )}
    </div>
  );
}
