// The hand-off checklist as Markdown, in the reader's language: kind, per-input and per-output
// advice, labels, ops (custom and Flex, with what each platform needs) and the browser runtimes.
import { formatBytes } from '../../i18n/translate.ts';
import type { Locale } from '../../lib/models.ts';
import type { ModelAdvice } from '../../lib/tflite/advice.ts';
import type { ModelReport } from '../../lib/tflite/describe.ts';
import { adviceLines, kindText } from './advice-text.ts';
import { FLEX_SOURCES } from './OpsAdvice.tsx';
import { trialText } from './RuntimeTrials.tsx';
import type { Trial } from './useRuntimeTrials.ts';
import { shapeText, type T } from './format.ts';

export function checklistMarkdown(report: ModelReport, advice: ModelAdvice, trials: Record<string, Trial>, name: string, t: T, lang: Locale): string {
  const items: string[] = [t('ckFile', { name, size: formatBytes(report.byteLength, lang) }), t('ckKind', { text: kindText(report.kind, t) })];
  const tensors = [
    ...advice.inputs.map((a, n) => ({ role: t('adviceInput', { n }), tensor: report.inputs[n]!, a })),
    ...advice.outputs.map((a, n) => ({ role: t('adviceOutput', { n }), tensor: report.outputs[n]!, a })),
  ];
  for (const { role, tensor, a } of tensors) {
    const head = `${role} \`${tensor.name}\` ${tensor.dtype} ${shapeText(tensor.shape)}`;
    const lines = a.flatMap((item) => adviceLines(item, report, t));
    items.push(t('ckAdvice', { role: head, text: lines.join(' ') }));
  }
  const labels = advice.labels.flatMap((item) => adviceLines(item, report, t));
  if (labels.length) items.push(t('ckLabels', { text: labels.join(' ') }));
  items.push(t('ckOps', { ops: report.operators.map((o) => `${o.name} ×${o.count}`).join(', ') }));
  for (const item of advice.ops) items.push(...adviceLines(item, report, t));
  if (advice.ops.some((a) => a.code === 'op-flex')) items.push(`${t('flexSources')} ${FLEX_SOURCES.ops} , ${FLEX_SOURCES.size}`);
  for (const [id, trial] of Object.entries(trials)) {
    const { text, detail } = trialText(id, trial, t);
    items.push(t('ckRuntime', { text: detail ? `${text} ${detail}` : text }));
  }
  items.push(t('ckMetadata', { text: report.metadataName ? `${t('ckYes')} (${report.metadataName})` : t('ckNo') }));
  return `## ${t('ckTitle', { name })}\n\n${items.map((item) => `- [ ] ${item}`).join('\n')}\n`;
}
