// Advice codes from lib/tflite/advice.ts in the reader's language.
import type { Advice } from '../../lib/tflite/advice.ts';
import type { ModelReport } from '../../lib/tflite/describe.ts';
import type { KindReport } from '../../lib/tflite/kind.ts';
import { roundDivisor } from '../../lib/tflite/describe.ts';
import { affineFormula, channelOrder, feedText, normalizationText, num, type InspectorKey, type T } from './format.ts';

/** One advice item as sentences (the image recipe expands to normalisation + values to feed). */
export function adviceLines(advice: Advice, report: ModelReport, t: T): string[] {
  const values = Object.fromEntries(
    Object.entries(advice.values ?? {}).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? num(v) : v]),
  );
  switch (advice.code) {
    case 'image-recipe':
      return report.input ? [normalizationText(report.input, t), feedText(report.input, t)] : [];
    case 'image-size':
      return [t('adv:image-size', { ...values, order: report.input ? channelOrder(report.input, t) : t('orderAssumed') })];
    case 'out-dequantize': {
      const { scale, zeroPoint } = advice.values as { scale: number; zeroPoint: number };
      return [t('adv:out-dequantize', { ...values, formula: affineFormula(scale, zeroPoint, roundDivisor(scale)) })];
    }
    case 'out-boxes':
      return [t('adv:out-boxes', { ...values, coordinates: t(values.coordinates === 'pixel' ? 'coord:pixel' : 'coord:ratio') })];
    default:
      return [t(`adv:${advice.code}` as InspectorKey, values)];
  }
}

export function kindText(kind: KindReport, t: T): string {
  const name = kind.kind === 'unknown' && kind.modality !== 'unknown'
    ? t('kindUnknownModality', { modality: t(`mod:${kind.modality}`) })
    : t(`kind:${kind.kind}`);
  return t('kindVerdict', { kind: name, confidence: t(`conf:${kind.confidence}`) });
}
