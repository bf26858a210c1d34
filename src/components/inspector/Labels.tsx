// Labels: what the file carries, where index 0 is or is not "background", and a download link.
import { useEffect, useState } from 'preact/hooks';
import type { Advice } from '../../lib/tflite/advice.ts';
import type { ModelReport } from '../../lib/tflite/describe.ts';
import { adviceLines } from './advice-text.ts';
import type { T } from './format.ts';

export default function Labels({ report, advice, t }: { report: ModelReport; advice: Advice[]; t: T }) {
  const labels = report.labels;
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!labels) return;
    const objectUrl = URL.createObjectURL(new Blob([labels.text], { type: 'text/plain;charset=utf-8' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [labels]);
  const sep = t('listSeparator');
  return (
    <div data-testid="labels">
      <ul class="insp-steps">
        {advice.flatMap((a, i) => adviceLines(a, report, t).map((line) => <li key={i} data-code={a.code}>{line}</li>))}
      </ul>
      {labels && <p>{t('labelsFirst', { first: labels.first.map((label) => t('labelQuote', { label })).join(sep) })}</p>}
      {labels && url && (
        <a class="insp-button" href={url} download={labels.file}>{t('labelsDownload', { file: labels.file })}</a>
      )}
    </div>
  );
}
