// Float vs 8-bit over labelled photos: top-1/top-5 per model, agreement, the mean absolute change
// of the true class's probability, how far apart the two outputs are, and the photos where the two
// answers differ. A model whose output is not the ImageNet classes gets the same run and agreement,
// without the label scores. Ties rank like the classifier's topK (lower index first).
import { argmax } from '../classify/output.ts';
import type { DevImage } from '../models.ts';

/** Which of a dev photo's label indices an output of that size uses (1001 = "background" first). */
export type DevIndexing = 'index_1001' | 'index_1000';

/**
 * The dev photos' labels are ImageNet classes: they score a 1001-way or 1000-way output, by its size
 * (as loadImageModel checks a label file against the output size); any other output is not scored.
 */
export function devIndexingFor(classes: number | undefined): DevIndexing | null {
  return classes === 1001 ? 'index_1001' : classes === 1000 ? 'index_1000' : null;
}

/** The label index every model scores against, or null when any of them is not an ImageNet output. */
export function sharedIndexing(classCounts: readonly (number | undefined)[]): DevIndexing | null {
  const kinds = classCounts.map(devIndexingFor);
  return kinds.length > 0 && kinds.every((k) => k !== null && k === kinds[0]) ? kinds[0]! : null;
}

export function trueIndexOf(dev: DevImage, indexing: DevIndexing | null): number | null {
  return indexing ? dev[indexing] : null;
}

export interface OutputDiff {
  /** Mean |a - b| over the output's values. */
  meanAbs: number;
  /** Largest |a - b|. */
  maxAbs: number;
}

/** How far apart two outputs are, value by value; null when their sizes differ. */
export function outputDiff(a: ArrayLike<number>, b: ArrayLike<number>): OutputDiff | null {
  if (a.length !== b.length || a.length === 0) return null;
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    sum += d;
    max = Math.max(max, d);
  }
  return { meanAbs: sum / a.length, maxAbs: max };
}

/** Position of `index` when classes are sorted by probability, highest first, ties broken by lower index (0 = top). */
export function rankOf(probs: ArrayLike<number>, index: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= probs.length) throw new RangeError(`class index ${index} outside 0..${probs.length - 1}`);
  const p = probs[index]!;
  let rank = 0;
  for (let i = 0; i < probs.length; i++) {
    const q = probs[i]!;
    if (q > p || (q === p && i < index)) rank++;
  }
  return rank;
}

export { argmax };

export interface ModelAnswer {
  /** Predicted class (index in the model's output). */
  top1: number;
  top1Prob: number;
  /** Probability the model gave the true class (null: the output is not scored against the labels). */
  pTrue: number | null;
  /** 0-based rank of the true class (null: not scored). */
  rank: number | null;
}

/** The model's answer; scored against the label only when `trueIndex` is given. */
export function answerFor(probs: ArrayLike<number>, trueIndex: number | null): ModelAnswer {
  const top1 = argmax(probs);
  if (trueIndex === null) return { top1, top1Prob: probs[top1]!, pTrue: null, rank: null };
  return { top1, top1Prob: probs[top1]!, pTrue: probs[trueIndex]!, rank: rankOf(probs, trueIndex) };
}

export interface PhotoOutcome {
  imageId: string;
  /** The photo's label as an output index; null when the outputs are not the ImageNet classes. */
  trueIndex: number | null;
  /** One answer per model, in the order of `modelIds`. */
  answers: [ModelAnswer, ModelAnswer];
  /** The two models' outputs compared value by value (null when their sizes differ). */
  diff: OutputDiff | null;
}

export interface ModelAccuracy {
  id: string;
  top1Count: number;
  top5Count: number;
  n: number;
  top1: number;
  top5: number;
}

export interface AccuracySummary {
  /** The two models, in the order of the answers. */
  modelIds: [string, string];
  /** Top-1/top-5 against the photos' labels; null when the outputs are not the ImageNet classes. */
  models: [ModelAccuracy, ModelAccuracy] | null;
  n: number;
  agreeCount: number;
  agreement: number;
  /** Mean over photos of |p_a(true) - p_b(true)| (null when not scored). */
  meanAbsDeltaPTrue: number | null;
  /** Mean |a - b| over every output value of every photo, and the largest (null when sizes differ). */
  outputDiff: { mean: number; max: number } | null;
  disagreements: PhotoOutcome[];
}

export function summarizeAccuracy(modelIds: readonly [string, string], outcomes: readonly PhotoOutcome[]): AccuracySummary {
  const n = outcomes.length;
  if (n === 0) throw new RangeError('no photos evaluated');
  const scored = outcomes.every((o) => o.trueIndex !== null);
  const rankOfAnswer = (o: PhotoOutcome, m: number) => o.answers[m]!.rank ?? Infinity;
  const perModel = scored
    ? (modelIds.map((id, m) => {
        const top1Count = outcomes.filter((o) => rankOfAnswer(o, m) === 0).length;
        const top5Count = outcomes.filter((o) => rankOfAnswer(o, m) < 5).length;
        return { id, top1Count, top5Count, n, top1: top1Count / n, top5: top5Count / n };
      }) as [ModelAccuracy, ModelAccuracy])
    : null;
  const disagreements = outcomes.filter((o) => o.answers[0].top1 !== o.answers[1].top1);
  const meanAbsDeltaPTrue = scored ? outcomes.reduce((sum, o) => sum + Math.abs(o.answers[0].pTrue! - o.answers[1].pTrue!), 0) / n : null;
  // Every photo's output has the same size, so the mean of the per-photo means is the mean over all values.
  const diffs = outcomes.map((o) => o.diff);
  const outputDiffs = diffs.every((d): d is OutputDiff => d !== null)
    ? { mean: diffs.reduce((sum, d) => sum + d.meanAbs, 0) / n, max: Math.max(...diffs.map((d) => d.maxAbs)) }
    : null;
  return {
    modelIds: [modelIds[0], modelIds[1]],
    models: perModel,
    n,
    agreeCount: n - disagreements.length,
    agreement: (n - disagreements.length) / n,
    meanAbsDeltaPTrue,
    outputDiff: outputDiffs,
    disagreements,
  };
}
