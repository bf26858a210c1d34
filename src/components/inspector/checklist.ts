// The handoff checklist as Markdown, in the reader's language.
import { formatBytes } from '../../i18n/translate.ts';
import type { Locale } from '../../lib/models.ts';
import type { ModelReport } from '../../lib/tflite/describe.ts';
import { affineFormula, channelOrder, feedText, normalizationText, num, shapeText, type T } from './format.ts';

export function checklistMarkdown(report: ModelReport, name: string, t: T, lang: Locale): string {
  const items: string[] = [t('ckFile', { name, size: formatBytes(report.byteLength, lang) })];
  const input = report.inputs[0];
  if (input) {
    items.push(t('ckInput', { dtype: input.dtype, shape: shapeText(input.shape) }));
    const recipe = report.input;
    if (recipe?.image) items.push(t('ckImage', { ...recipe.image, order: channelOrder(recipe, t) }));
    if (recipe) {
      items.push(t('ckNorm', { text: normalizationText(recipe, t) }));
      items.push(t('ckFeed', { text: feedText(recipe, t) }));
    }
    if (input.scale.length === 1) items.push(t('ckInputQuant', { scale: num(input.scale[0]!), zeroPoint: input.zeroPoint[0] ?? 0 }));
  }
  const output = report.outputs[0];
  if (output) {
    const meaning = report.outputProducer === 'SOFTMAX' ? t('ckProbabilities') : t('ckLogits');
    items.push(t('ckOutput', { dtype: output.dtype, shape: shapeText(output.shape), meaning }));
    if (output.meaning.kind === 'affine') {
      const m = output.meaning;
      items.push(t('ckOutputQuant', { scale: num(m.scale), zeroPoint: m.zeroPoint, formula: affineFormula(m.scale, m.zeroPoint, m.divisor) }));
    }
  }
  const outputs = output ? output.shape[output.shape.length - 1] ?? 0 : 0;
  items.push(t('ckLabels', {
    text: report.labels ? t('ckLabelsEmbedded', { file: report.labels.file, count: report.labels.count }) : t('ckLabelsMissing', { count: outputs }),
  }));
  items.push(t('ckOps', { ops: report.operators.map((o) => `${o.name} ×${o.count}`).join(', ') }));
  items.push(t('ckMetadata', { text: report.metadataName ? `${t('ckYes')} (${report.metadataName})` : t('ckNo') }));
  return `## ${t('ckTitle', { name })}\n\n${items.map((item) => `- [ ] ${item}`).join('\n')}\n`;
}
