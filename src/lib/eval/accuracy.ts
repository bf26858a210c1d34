// Float vs 8-bit over labelled photos: top-1/top-5 per model, agreement, the mean absolute change
// of the true class's probability, and the photos where the two answers differ.
// Ties rank like the classifier's topK (lower index first), so "top-1" means the same everywhere.
import { argmax } from '../classify/output.ts';

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
  /** Probability the model gave the true class. */
  pTrue: number;
  /** 0-based rank of the true class. */
  rank: number;
}

export function answerFor(probs: ArrayLike<number>, trueIndex: number): ModelAnswer {
  const top1 = argmax(probs);
  return { top1, top1Prob: probs[top1]!, pTrue: probs[trueIndex]!, rank: rankOf(probs, trueIndex) };
}

export interface PhotoOutcome {
  imageId: string;
  trueIndex: number;
  /** One answer per model, in the order of `modelIds`. */
  answers: [ModelAnswer, ModelAnswer];
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
  models: [ModelAccuracy, ModelAccuracy];
  n: number;
  agreeCount: number;
  agreement: number;
  /** Mean over photos of |p_a(true) - p_b(true)|. */
  meanAbsDeltaPTrue: number;
  disagreements: PhotoOutcome[];
}

export function summarizeAccuracy(modelIds: readonly [string, string], outcomes: readonly PhotoOutcome[]): AccuracySummary {
  const n = outcomes.length;
  if (n === 0) throw new RangeError('no photos evaluated');
  const perModel = modelIds.map((id, m) => {
    const top1Count = outcomes.filter((o) => o.answers[m]!.rank === 0).length;
    const top5Count = outcomes.filter((o) => o.answers[m]!.rank < 5).length;
    return { id, top1Count, top5Count, n, top1: top1Count / n, top5: top5Count / n };
  }) as [ModelAccuracy, ModelAccuracy];
  const disagreements = outcomes.filter((o) => o.answers[0].top1 !== o.answers[1].top1);
  const meanAbsDeltaPTrue = outcomes.reduce((sum, o) => sum + Math.abs(o.answers[0].pTrue - o.answers[1].pTrue), 0) / n;
  return {
    models: perModel,
    n,
    agreeCount: n - disagreements.length,
    agreement: (n - disagreements.length) / n,
    meanAbsDeltaPTrue,
    disagreements,
  };
}
