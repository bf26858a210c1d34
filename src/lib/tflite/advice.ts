// What an app must do with each input and output, chosen by the kind of model: codes plus values,
// worded by the inspector in the reader's language. Advice is only given where the kind supports
// it: no pixel advice for audio, no "apply softmax" for sigmoid or detection outputs, no ImageNet
// offset for a segmenter, no label count for a detector.
import { flexTfOp } from './custom-ops.ts';
import type { ModelReport, TensorSummary } from './describe.ts';
import type { InputRole, OutputRole } from './kind.ts';

export type AdviceCode =
  | 'image-size' | 'image-nchw' | 'image-recipe' | 'image-whole-frame'
  | 'audio-rate' | 'audio-rate-unknown' | 'audio-samples' | 'audio-windows' | 'audio-spectrogram'
  | 'text-ids' | 'text-tokenizer' | 'text-tokenizer-unknown' | 'text-string' | 'text-in-graph'
  | 'tensor-unknown' | 'quantized-input'
  | 'out-softmax' | 'out-sigmoid' | 'out-logits' | 'out-boxes' | 'out-det-classes' | 'out-det-scores' | 'out-det-count'
  | 'out-box-encodings' | 'out-anchor-scores' | 'out-segmentation' | 'out-embedding' | 'out-text' | 'out-unknown'
  | 'out-dequantize' | 'out-dynamic' | 'out-calibration'
  | 'labels-embedded' | 'labels-undeclared' | 'labels-background' | 'labels-missing' | 'labels-detector'
  | 'labels-segmenter' | 'labels-not-needed' | 'labels-unknown'
  | 'op-postprocess' | 'op-tokenizer' | 'op-mediapipe' | 'op-unknown' | 'op-flex' | 'flex-android' | 'flex-ios' | 'flex-size';

export interface Advice {
  code: AdviceCode;
  values?: Record<string, string | number>;
}

export interface ModelAdvice {
  inputs: Advice[][];
  outputs: Advice[][];
  labels: Advice[];
  ops: Advice[];
}

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;
const seconds = (samples: number, rate: number) => Number((samples / rate).toPrecision(3));

function inputAdvice(role: InputRole, tensor: TensorSummary, report: ModelReport, first: boolean): Advice[] {
  const items: Advice[] = [];
  switch (role.role) {
    case 'image':
      items.push({ code: 'image-size', values: { width: role.width, height: role.height, channels: role.channels } });
      if (role.layout === 'NCHW') items.push({ code: 'image-nchw' });
      // Normalisation and the values to feed come from the recipe (metadata, quantization or the site).
      if (first && report.input) items.push({ code: 'image-recipe' });
      if (report.kind.kind === 'object-detector') items.push({ code: 'image-whole-frame' });
      break;
    case 'waveform':
      items.push(
        role.sampleRate
          ? { code: 'audio-rate', values: { rate: role.sampleRate, samples: role.samples, seconds: seconds(role.samples, role.sampleRate) } }
          : { code: 'audio-rate-unknown', values: { samples: role.samples, seconds16k: seconds(role.samples, 16000) } },
      );
      items.push({ code: 'audio-samples', values: { dtype: tensor.dtype, channels: role.channels } });
      items.push({ code: 'audio-windows', values: { samples: role.samples } });
      break;
    case 'spectrogram':
      items.push({ code: 'audio-spectrogram', values: { shape: shapeText(tensor.shape) } });
      break;
    case 'token-ids':
      items.push({ code: 'text-ids', values: { dtype: tensor.dtype, length: role.length } });
      items.push(role.tokenizer
        ? { code: 'text-tokenizer', values: { tokenizer: role.tokenizer.kind, files: role.tokenizer.files.join(', ') || '—' } }
        : { code: 'text-tokenizer-unknown' });
      break;
    case 'text': {
      items.push({ code: 'text-string' });
      const tokenizers = report.customOps.filter((c) => c.family === 'tokenizer' || c.family === 'flex').map((c) => c.name);
      if (tokenizers.length) items.push({ code: 'text-in-graph', values: { ops: tokenizers.join(', ') } });
      break;
    }
    case 'tensor':
      items.push({ code: 'tensor-unknown', values: { dtype: tensor.dtype, shape: shapeText(tensor.shape) } });
  }
  const m = tensor.meaning;
  if (m.kind === 'affine' && role.role !== 'image') {
    items.push({ code: 'quantized-input', values: { dtype: m.dtype, scale: m.scale, zeroPoint: m.zeroPoint } });
  }
  return items;
}

function outputAdvice(role: OutputRole, tensor: TensorSummary, calibrated: boolean): Advice[] {
  const items: Advice[] = [];
  const shape = shapeText(tensor.shape);
  switch (role.role) {
    case 'class-scores':
      items.push({ code: role.activation === 'softmax' ? 'out-softmax' : role.activation === 'sigmoid' ? 'out-sigmoid' : 'out-logits', values: { count: role.classes } });
      break;
    case 'detection-boxes':
      items.push({ code: 'out-boxes', values: { order: role.order.join(', '), coordinates: role.coordinates } });
      break;
    case 'detection-classes': items.push({ code: 'out-det-classes' }); break;
    case 'detection-scores': items.push({ code: 'out-det-scores' }); break;
    case 'detection-count': items.push({ code: 'out-det-count' }); break;
    case 'box-encodings': items.push({ code: 'out-box-encodings', values: { anchors: role.anchors } }); break;
    case 'anchor-scores': items.push({ code: 'out-anchor-scores', values: { anchors: role.anchors, classes: role.classes, activation: role.activation } }); break;
    case 'segmentation':
      items.push({ code: 'out-segmentation', values: { height: role.height, width: role.width, classes: role.classes } });
      break;
    case 'embedding': items.push({ code: 'out-embedding', values: { dims: role.dims, normalized: role.normalized ? 1 : 0 } }); break;
    case 'text': items.push({ code: 'out-text' }); break;
    case 'unknown': items.push({ code: 'out-unknown', values: { dtype: tensor.dtype, shape } });
  }
  if (calibrated) items.push({ code: 'out-calibration' });
  const m = tensor.meaning;
  if (m.kind === 'affine') items.push({ code: 'out-dequantize', values: { dtype: m.dtype, scale: m.scale, zeroPoint: m.zeroPoint } });
  if (tensor.shape.length === 0 || tensor.shape.includes(0) || tensor.shapeSignature?.includes(-1)) items.push({ code: 'out-dynamic' });
  return items;
}

function labelAdvice(report: ModelReport): Advice[] {
  const { kind, labels } = report;
  const scores = kind.outputs.find((o) => o.role === 'class-scores');
  switch (kind.kind) {
    case 'object-detector':
      return [{ code: 'labels-detector' }];
    case 'image-segmenter': {
      const seg = kind.outputs.find((o) => o.role === 'segmentation');
      return [{ code: 'labels-segmenter', values: { classes: seg?.role === 'segmentation' ? seg.classes : 0 } }];
    }
    case 'image-embedder': case 'text-embedder':
      return [{ code: 'labels-not-needed' }];
  }
  if (!scores || scores.role !== 'class-scores') return [{ code: 'labels-unknown' }];
  if (!labels) return [{ code: 'labels-missing', values: { count: scores.classes } }];
  const items: Advice[] = [{ code: labels.declared ? 'labels-embedded' : 'labels-undeclared', values: { file: labels.file, count: labels.count } }];
  // "Index 0 is background" only where the list says so and has one more entry than real classes.
  if (labels.first[0]?.toLowerCase() === 'background' && labels.count === scores.classes) items.push({ code: 'labels-background' });
  return items;
}

function opsAdvice(report: ModelReport): Advice[] {
  const items: Advice[] = [];
  for (const op of report.customOps) {
    if (op.family === 'detection-postprocess') items.push({ code: 'op-postprocess', values: { op: op.name } });
    else if (op.family === 'tokenizer') items.push({ code: 'op-tokenizer', values: { op: op.name } });
    else if (op.family === 'mediapipe') items.push({ code: 'op-mediapipe', values: { op: op.name } });
    else if (op.family === 'unknown') items.push({ code: 'op-unknown', values: { op: op.name } });
  }
  const flex = report.customOps.filter((op) => op.family === 'flex');
  if (flex.length) {
    items.push({ code: 'op-flex', values: { ops: flex.map((op) => `${op.name} (${flexTfOp(op.name)})`).join(', ') } });
    items.push({ code: 'flex-android' }, { code: 'flex-ios' }, { code: 'flex-size' });
  }
  return items;
}

export function modelAdvice(report: ModelReport): ModelAdvice {
  const kind = report.kind;
  return {
    inputs: report.inputs.map((tensor, i) => inputAdvice(kind.inputs[i] ?? { role: 'tensor' }, tensor, report, i === 0)),
    outputs: report.outputs.map((tensor, i) => outputAdvice(kind.outputs[i] ?? { role: 'unknown' }, tensor, kind.calibratedOutputs.includes(i))),
    labels: labelAdvice(report),
    ops: opsAdvice(report),
  };
}
