// How calibration photos become float inputs: the model's own normalisation when the file's metadata
// (or the site's catalogue) states it; otherwise one of the usual conventions, chosen by the reader.
import type { Normalization } from '../image/input.ts';
import type { TfliteModel } from '../tflite/types.ts';

export type NormalizationChoice = 'minus-one-to-one' | 'zero-to-one' | 'raw';

/** real = (pixel - mean) / std for each convention. */
export const NORMALIZATION_CHOICES: Record<NormalizationChoice, Normalization> = {
  'minus-one-to-one': { mean: [127.5, 127.5, 127.5], std: [127.5, 127.5, 127.5] },
  'zero-to-one': { mean: [0, 0, 0], std: [255, 255, 255] },
  raw: { mean: [0, 0, 0], std: [1, 1, 1] },
};

export const normalizationChoices = Object.keys(NORMALIZATION_CHOICES) as NormalizationChoice[];

export function isNormalizationChoice(value: unknown): value is NormalizationChoice {
  return typeof value === 'string' && value in NORMALIZATION_CHOICES;
}

export type NormalizationOrigin =
  /** NormalizationOptions in the file's TFLite metadata. */
  | { kind: 'metadata'; normalization: Normalization }
  /** The site's manifest entry for a model it serves. */
  | { kind: 'site'; normalization: Normalization }
  /** Nothing says: the reader must pick (the page says it was a choice). */
  | { kind: 'unknown' };

/** Where the model's input normalisation comes from, if anywhere. */
export function modelNormalization(model: TfliteModel, site?: Normalization): NormalizationOrigin {
  const fromMetadata = model.metadata?.inputNormalization?.[0];
  if (fromMetadata && fromMetadata.mean.length > 0 && fromMetadata.std.length > 0 && fromMetadata.std.every((s) => s !== 0)) {
    return { kind: 'metadata', normalization: { mean: [...fromMetadata.mean], std: [...fromMetadata.std] } };
  }
  if (site) return { kind: 'site', normalization: site };
  return { kind: 'unknown' };
}

/** The convention a normalisation matches, or null when it is none of the three. */
export function choiceOf(norm: Normalization): NormalizationChoice | null {
  for (const choice of normalizationChoices) {
    const ref = NORMALIZATION_CHOICES[choice];
    const same = (a: number[], b: number[]) => [0, 1, 2].every((c) => Math.abs((a[c] ?? a[0]!) - b[c]!) < 1e-3);
    if (same(norm.mean, ref.mean) && same(norm.std, ref.std)) return choice;
  }
  return null;
}
