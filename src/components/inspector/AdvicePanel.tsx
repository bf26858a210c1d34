// What the app must do with each input and what each output means, chosen by the model's kind.
import type { ModelAdvice } from '../../lib/tflite/advice.ts';
import type { ModelReport } from '../../lib/tflite/describe.ts';
import { adviceLines } from './advice-text.ts';
import { feedText, normalizationText, shapeText, type T } from './format.ts';

interface Props {
  report: ModelReport;
  advice: ModelAdvice;
  t: T;
}

export default function AdvicePanel({ report, advice, t }: Props) {
  const groups = [
    ...advice.inputs.map((items, n) => ({ key: `in-${n}`, testid: 'advice-input', title: t('adviceInput', { n }), tensor: report.inputs[n]!, items })),
    ...advice.outputs.map((items, n) => ({ key: `out-${n}`, testid: 'advice-output', title: t('adviceOutput', { n }), tensor: report.outputs[n]!, items })),
  ];
  return (
    <div class="insp-advice">
      {groups.map((g) => (
        <div key={g.key} data-testid={g.testid}>
          <h4>
            {g.title} <code>{g.tensor.name || `#${g.tensor.index}`}</code> <span class="insp-note">{g.tensor.dtype} {shapeText(g.tensor.shape)}</span>
          </h4>
          <ul class="insp-steps">
            {g.items.flatMap((a, i) =>
              a.code === 'image-recipe' && report.input ? [
                <li key={`${i}-n`} data-code={a.code} data-testid="normalization" data-source={report.input.normalization.source}>{normalizationText(report.input, t)}</li>,
                <li key={`${i}-f`} data-code={a.code} data-testid="feed">{feedText(report.input, t)}</li>,
              ] : adviceLines(a, report, t).map((line, j) => <li key={`${i}-${j}`} data-code={a.code}>{line}</li>))}
          </ul>
        </div>
      ))}
    </div>
  );
}
