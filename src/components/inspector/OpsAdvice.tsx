// Custom and Select TensorFlow (Flex) ops: what they are and what each platform needs.
import type { Advice } from '../../lib/tflite/advice.ts';
import type { ModelReport } from '../../lib/tflite/describe.ts';
import { adviceLines } from './advice-text.ts';
import type { T } from './format.ts';

/** Where the Flex dependencies and sizes come from. */
export const FLEX_SOURCES = {
  ops: 'https://ai.google.dev/edge/litert/models/ops_select',
  size: 'https://www.tensorflow.org/lite/guide/reduce_binary_size',
};

export default function OpsAdvice({ ops, report, t }: { ops: Advice[]; report: ModelReport; t: T }) {
  if (!ops.length) return null;
  const flex = ops.some((a) => a.code === 'op-flex');
  return (
    <div data-testid="ops-advice">
      <ul class="insp-steps">
        {ops.flatMap((a, i) => adviceLines(a, report, t).map((line) => <li key={i} data-code={a.code}>{line}</li>))}
      </ul>
      {flex && (
        <p class="insp-note">
          {t('flexSources')} <a href={FLEX_SOURCES.ops}>{t('flexSourceOps')}</a>, <a href={FLEX_SOURCES.size}>{t('flexSourceSize')}</a>
        </p>
      )}
    </div>
  );
}
