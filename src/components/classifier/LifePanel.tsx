// Picks the model the "life of one inference" follows (the 8-bit one of the pair, where there is
// one) and turns the current photo's outcome into the diagram's numbers.
import type { Locale } from '../../lib/models.ts';
import { inferenceTrace } from '../../lib/classify/trace.ts';
import type { Outcome } from './useClassify.ts';
import { useOperators } from './useOperators.ts';
import InferenceLife from './InferenceLife.tsx';

interface Props {
  lang: Locale;
  outcome: Outcome;
  uid: string;
}

export default function LifePanel({ lang, outcome, uid }: Props) {
  const followed = outcome.models.find((m) => m.session.entry.dtype !== 'float32') ?? outcome.models[0]!;
  const { session, result } = followed;
  const operators = useOperators(session.entry);
  const top = result.predictions[0]!;
  const trace = inferenceTrace({
    photo: { width: outcome.image.width, height: outcome.image.height },
    inputSpec: session.model.inputs[0]!,
    outputSpec: session.model.outputs[0]!,
    normalization: session.entry.normalization,
    rgb: result.trace.rgb,
    input: result.trace.input,
    output: result.trace.output,
    top,
    operators,
  });
  return <InferenceLife lang={lang} trace={trace} modelName={session.entry.name[lang]} uid={uid} />;
}
