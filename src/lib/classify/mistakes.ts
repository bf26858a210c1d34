// "Break it on purpose": the classic mistakes of app code that feeds an image model, as data.
// Each mistake changes one step of the correct pipeline and nothing else, so the classifier can run
// the same photo through both and show what the mistake does to the answer.
import { CORRECT_STEPS, type PrepareSteps } from '../image/prepare.ts';
import type { TensorSpec } from '../runtime/types.ts';

export const mistakeIds = ['bgr', 'normalization', 'squash', 'zero-point', 'labels-off-by-one', 'input-size'] as const;
export type MistakeId = (typeof mistakeIds)[number];

/** Everything between the decoded photo and the labelled answer that app code can get wrong. */
export interface Pipeline {
  steps: PrepareSteps;
  /** Apply the output tensor's (q - zero point) x scale before reading probabilities. */
  dequantize: boolean;
  /** Lines dropped from the top of the label file (1 = "background" dropped: every label shifts). */
  labelsDropped: number;
}

export const CORRECT_PIPELINE: Pipeline = { steps: CORRECT_STEPS, dequantize: true, labelsDropped: 0 };

export type MistakeStage = 'crop' | 'resize' | 'pixels' | 'input' | 'output' | 'labels';

export interface Mistake {
  id: MistakeId;
  /** The step of the pipeline it breaks (for the "life of one inference" diagram). */
  stage: MistakeStage;
  /** What it changes in the correct pipeline. */
  change: { steps?: Partial<PrepareSteps>; dequantize?: boolean; labelsDropped?: number };
  /** Only models whose tensors make the mistake possible (null: every model). */
  appliesTo: ((io: { input: TensorSpec; output: TensorSpec }) => boolean) | null;
}

const quantizedOutput = ({ output }: { output: TensorSpec }) => output.dtype === 'uint8' || output.dtype === 'int8';

export const mistakes: readonly Mistake[] = [
  { id: 'bgr', stage: 'pixels', change: { steps: { channels: 'bgr' } }, appliesTo: null },
  { id: 'normalization', stage: 'input', change: { steps: { normalization: 'wrong' } }, appliesTo: null },
  { id: 'squash', stage: 'crop', change: { steps: { fit: 'squash' } }, appliesTo: null },
  { id: 'zero-point', stage: 'output', change: { dequantize: false }, appliesTo: quantizedOutput },
  { id: 'labels-off-by-one', stage: 'labels', change: { labelsDropped: 1 }, appliesTo: null },
  { id: 'input-size', stage: 'resize', change: { steps: { sizeFactor: 0.75 } }, appliesTo: null },
];

export function isMistakeId(value: unknown): value is MistakeId {
  return typeof value === 'string' && (mistakeIds as readonly string[]).includes(value);
}

export function getMistake(id: MistakeId): Mistake {
  return mistakes.find((m) => m.id === id)!;
}

/** The correct pipeline with one mistake applied. */
export function pipelineWith(mistake: Mistake): Pipeline {
  const { steps, ...rest } = mistake.change;
  return { ...CORRECT_PIPELINE, ...rest, steps: { ...CORRECT_STEPS, ...steps } };
}

/** Whether `mistake` can happen to a model with these tensors (e.g. no zero point on a float output). */
export function mistakeApplies(mistake: Mistake, io: { input: TensorSpec; output: TensorSpec }): boolean {
  return mistake.appliesTo ? mistake.appliesTo(io) : true;
}
