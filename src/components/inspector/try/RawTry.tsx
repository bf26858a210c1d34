// Unknown kinds: run on generated inputs and show the raw output tensors.
import type { LoadedModel, TensorData } from '../../../lib/runtime/index.ts';
import type { ModelReport } from '../../../lib/tflite/describe.ts';
import type { Locale } from '../../../lib/models.ts';
import { concreteShape, syntheticInputs } from '../../../lib/tryit/synthetic-inputs.ts';
import { shapeText, type T } from '../format.ts';
import RawOutputs from './RawOutputs.tsx';
import { RunError, useRun } from './useRun.tsx';

export default function RawTry({ report, loaded, t, lang }: { report: ModelReport; loaded: LoadedModel; t: T; lang: Locale }) {
  const { state, run } = useRun<TensorData[]>(loaded, lang);
  const described = loaded.inputs.map((s) => t('tryGenerated', { dtype: s.dtype, shape: shapeText(concreteShape(s.shape)) })).join(t('listSeparator'));
  const modality = report.kind.modality;
  return (
    <div data-testid="try-raw">
      <p>{report.kind.kind !== 'unknown' && modality !== 'unknown' ? t('tryNotImage', { modality: t(`mod:${modality}`), inputs: described }) : t('tryRaw', { inputs: described })}</p>
      <button
        type="button"
        class="insp-button"
        data-testid="try-run"
        disabled={state.phase === 'running'}
        onClick={() => run(async () => syntheticInputs(loaded.inputs), (outputs) => outputs)}
      >
        {state.phase === 'running' ? t('tryRunning') : t('tryRawRun')}
      </button>
      <RunError state={state} />
      {state.phase === 'done' && (
        <>
          <p class="insp-note">{t('tryMs', { ms: state.ms.toFixed(1) })}</p>
          <RawOutputs outputs={state.result} specs={loaded.outputs} t={t} />
        </>
      )}
    </div>
  );
}
