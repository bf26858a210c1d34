// The handoff checklist: Markdown in a <pre>, with a copy button that reports its result.
import { useMemo, useState } from 'preact/hooks';
import type { Locale } from '../../lib/models.ts';
import type { ModelReport } from '../../lib/tflite/describe.ts';
import { checklistMarkdown } from './checklist.ts';
import type { T } from './format.ts';

export default function Checklist({ report, name, t, lang }: { report: ModelReport; name: string; t: T; lang: Locale }) {
  const markdown = useMemo(() => checklistMarkdown(report, name, t, lang), [report, name, t, lang]);
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
