// The handoff checklist: Markdown in a <pre>, with a copy button that reports its result.
import { useMemo, useState } from 'preact/hooks';
import type { Locale } from '../../lib/models.ts';
import type { ModelAdvice } from '../../lib/tflite/advice.ts';
import type { ModelReport } from '../../lib/tflite/describe.ts';
import { checklistMarkdown } from './checklist.ts';
import type { Trial } from './useRuntimeTrials.ts';
import type { T } from './format.ts';

interface Props {
  report: ModelReport;
  advice: ModelAdvice;
  trials: Record<string, Trial>;
  name: string;
  t: T;
  lang: Locale;
}

export default function Checklist({ report, advice, trials, name, t, lang }: Props) {
  const markdown = useMemo(() => checklistMarkdown(report, advice, trials, name, t, lang), [report, advice, trials, name, t, lang]);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <div class="insp-checklist">
      <p>{t('checklistCaption')}</p>
      <pre data-testid="checklist" tabIndex={0}>{markdown}</pre>
      <button type="button" class="insp-button" onClick={copy}>{t('copy')}</button>
      <span class="insp-copy-status" role="status" aria-live="polite">
        {status === 'copied' ? t('copied') : status === 'failed' ? t('copyFailed') : ''}
      </span>
    </div>
  );
}
