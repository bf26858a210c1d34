// Plain-language reading of two models' answers to one photo: do they agree, is either unsure,
// do displayed probabilities tie, is the 8-bit model slower here. Pure, so it is unit-tested.
import { median } from 'simple-statistics';
import type { Prediction } from './output.ts';

/** Below this top-1 probability a model's answer is flagged "unsure". */
export const UNSURE_BELOW = 0.5;

export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Median and range of several timed runs of the same input. */
export function timing(ms: readonly number[]): Timing {
  if (ms.length === 0) throw new RangeError('timing() needs at least one run');
  return { median: median([...ms]), min: Math.min(...ms), max: Math.max(...ms), runs: ms.length };
}

export interface Verdict {
  agree: boolean;
  /** Per model: top-1 probability under UNSURE_BELOW. */
  unsure: boolean[];
}

export function verdict(tops: readonly Prediction[][]): Verdict {
  const firsts = tops.map((t) => t[0]!);
  return {
    agree: firsts.every((p) => p.index === firsts[0]!.index),
    unsure: firsts.map((p) => p.prob < UNSURE_BELOW),
  };
}

/** Whether two entries of a top-k show the same percentage at `decimals` (e.g. two classes at 0.0%). */
export function hasShownTie(predictions: readonly Prediction[], decimals = 1): boolean {
  const shown = predictions.map((p) => (p.prob * 100).toFixed(decimals));
  return new Set(shown).size < shown.length;
}

/**
 * The 8-bit model ran slower than the float one on this device (median of the runs; the page
 * shows the spread beside it, so overlapping ranges read as what they are).
 */
export function quantizedSlower(float: Timing, quantized: Timing): boolean {
  return quantized.median > float.median;
}
