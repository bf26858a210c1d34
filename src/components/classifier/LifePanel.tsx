// Turns one model's classification of one photo into the "life of one inference" numbers and
// draws the diagram. Used by the classifier (following the 8-bit model of the pair) and by the
// standalone InferenceLifeDemo island that lessons embed.
import type { Locale } from '../../lib/models.ts';
import type { Classification, ModelSession } from '../../lib/classify/session.ts';
import { inferenceTrace } from '../../lib/classify/trace.ts';
import { useOperators } from './useOperators.ts';
import InferenceLife from './InferenceLife.tsx';

interface Props {
  lang: Locale;
  session: ModelSession;
  result: Classification;
  /** Size of the photo as decoded (before the crop). */
  photo: { width: number; height: number };
  uid: string;
}

export default function LifePanel({ lang, session, result, photo, uid }: Props) {
  const operators = useOperators(session.entry);
  const trace = inferenceTrace({
    photo,
    inputSpec: session.model.inputs[0]!,
    outputSpec: session.model.outputs[0]!,
    normalization: session.entry.normalization,
    rgb: result.trace.rgb,
    input: result.trace.input,
    output: result.trace.output,
    top: result.predictions[0]!,
    operators,
  });
  return <InferenceLife lang={lang} trace={trace} modelName={session.entry.name[lang]} uid={uid} />;
}
