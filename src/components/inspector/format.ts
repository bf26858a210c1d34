// Words and numbers for the inspector, in the reader's language (no logic beyond formatting).
import type { Locale } from '../../lib/models.ts';
import type { InputRecipe, TensorMeaning, TensorSummary } from '../../lib/tflite/describe.ts';
import type { inspectorStrings } from '../../i18n/inspector.ts';
import type { KeyOf, Translator } from '../../i18n/translate.ts';

export type InspectorKey = KeyOf<typeof inspectorStrings>;
export type T = Translator<typeof inspectorStrings>;

/** Up to 7 significant digits, without trailing zeros: 0.0078125, 0.00784314, 127.5. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(7)));
}

export function count(n: number, lang: Locale): string {
  return n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** real = (q − zp) / 128 when 1/scale is round, else (q − zp) × scale. */
export function affineFormula(scale: number, zeroPoint: number, divisor: number | null): string {
  const shifted = zeroPoint === 0 ? 'q' : zeroPoint > 0 ? `(q − ${zeroPoint})` : `(q + ${-zeroPoint})`;
  if (divisor !== null) return `${shifted} / ${num(divisor)}`;
  return `${shifted} × ${num(scale)}`;
}

export function meaningText(m: TensorMeaning, t: T): string {
  switch (m.kind) {
    case 'float': return t('meaningFloat', { dtype: m.dtype });
    case 'affine':
      return t('meaningAffine', {
        dtype: m.dtype, qmin: m.qmin, qmax: m.qmax, formula: affineFormula(m.scale, m.zeroPoint, m.divisor),
        realMin: num(Number(m.realMin.toPrecision(4))), realMax: num(Number(m.realMax.toPrecision(4))),
      });
    case 'per-channel': return t('meaningPerChannel', { dtype: m.dtype });
    case 'integer': return t('meaningInteger', { dtype: m.dtype });
    case 'other': return t('meaningOther', { dtype: m.dtype });
  }
}

export function quantText(s: TensorSummary, t: T): string {
  if (s.scale.length === 0) return t('notQuantized');
  if (s.scale.length > 1) return t('perChannel', { channels: s.scale.length, axis: s.meaning.kind === 'per-channel' ? s.meaning.axis : 0 });
  return `${num(s.scale[0]!)} / ${s.zeroPoint[0] ?? 0}`;
}

const joinValues = (values: number[]) => (values.length === 1 ? num(values[0]!) : `[${values.map(num).join(', ')}]`);

export function normalizationText(recipe: InputRecipe, t: T): string {
  const { source, mean, std } = recipe.normalization;
  const vars = { mean: joinValues(mean), std: joinValues(std) };
  switch (source) {
    case 'metadata': return t('normFromMetadata', vars);
    case 'quantization': return t('normFromQuant', vars);
    case 'site': return t('normFromSite', vars);
    case 'unknown': return t('normUnknown');
  }
}

export function feedText(recipe: InputRecipe, t: T): string {
  const { mean, std } = recipe.normalization;
  const feed = recipe.feed;
  switch (feed.kind) {
    case 'float': return t('feedFloat', { mean: joinValues(mean), std: joinValues(std) });
    case 'pixels':
      return feed.offset === 0 ? t('feedPixels', { dtype: feed.dtype }) : t('feedPixelsOffset', { dtype: feed.dtype, offset: feed.offset });
    case 'quantize':
      return t('feedQuantize', { mean: joinValues(mean), std: joinValues(std), scale: num(feed.scale), zeroPoint: feed.zeroPoint, dtype: feed.dtype });
    case 'unknown': return t('feedUnknown');
  }
}

export function channelOrder(recipe: InputRecipe, t: T): string {
  if (recipe.colorSpace === 'RGB') return t('orderRgb');
  if (recipe.colorSpace === 'GRAYSCALE') return t('orderGray');
  return recipe.image?.channels === 1 ? t('orderGray') : t('orderAssumed');
}

