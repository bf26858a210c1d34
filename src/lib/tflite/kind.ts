// What kind of model a .tflite file is (image classifier, detector, audio classifier...), read
// from its TFLite metadata when it has some and from the shape of its graph otherwise, with the
// evidence behind the verdict so the inspector can show its reasoning. Pure data, no words.
import { mainSubgraph } from './reader.ts';
import { customOpInfo } from './custom-ops.ts';
import type { TensorMetadataInfo, TfliteModel, TfliteOperator, TfliteSubgraph, TfliteTensor, TokenizerInfo } from './types.ts';

export type ModelKind =
  | 'image-classifier' | 'object-detector' | 'image-segmenter' | 'image-embedder'
  | 'audio-classifier' | 'text-classifier' | 'text-embedder' | 'unknown';

export type Modality = 'image' | 'audio' | 'text' | 'unknown';
export type Confidence = 'high' | 'medium' | 'low';

/** The activation that produced a score output. */
export type ScoreActivation = 'softmax' | 'sigmoid' | 'none';

export type InputRole =
  | { role: 'image'; height: number; width: number; channels: number; layout: 'NHWC' | 'NCHW' }
  | { role: 'waveform'; samples: number; sampleRate: number | null; channels: number }
  | { role: 'spectrogram' }
  | { role: 'token-ids'; length: number; tokenizer: TokenizerInfo | null }
  | { role: 'text'; tokenizer: TokenizerInfo | null }
  | { role: 'tensor' };

export type OutputRole =
  | { role: 'class-scores'; classes: number; activation: ScoreActivation }
  | { role: 'detection-boxes'; coordinates: 'ratio' | 'pixel'; order: string[] }
  | { role: 'detection-classes' }
  | { role: 'detection-scores' }
  | { role: 'detection-count' }
  | { role: 'box-encodings'; anchors: number }
  | { role: 'anchor-scores'; anchors: number; classes: number; activation: ScoreActivation }
  | { role: 'segmentation'; height: number; width: number; classes: number; activation: ScoreActivation }
  | { role: 'embedding'; dims: number; normalized: boolean }
  | { role: 'text' }
  | { role: 'unknown' };

/** One piece of evidence, as a code plus values; the inspector words it. */
export interface KindReason {
  code:
    | 'meta-image-input' | 'meta-audio-input' | 'meta-tokenizer' | 'meta-boxes' | 'meta-labels' | 'meta-score-calibration'
    | 'image-input' | 'nchw-input' | 'waveform-input' | 'audio-ops' | 'spectrogram-input' | 'token-input' | 'string-input'
    | 'tokenizer-op' | 'detection-postprocess' | 'raw-boxes' | 'segmentation-output' | 'class-output' | 'embedding-output'
    | 'logits-or-embedding' | 'dynamic-output' | 'flex-ops' | 'custom-ops' | 'string-output' | 'no-match';
  values?: Record<string, string | number>;
}

export interface KindReport {
  kind: ModelKind;
  modality: Modality;
  confidence: Confidence;
  reasons: KindReason[];
  inputs: InputRole[];
  outputs: OutputRole[];
  /** Labels file of the score output, from metadata, when declared. */
  labelsFile: string | null;
  /** Outputs whose metadata asks for score calibration (TENSOR_AXIS_SCORE_CALIBRATION). */
  calibratedOutputs: number[];
}

/** Ops that turn a waveform into a spectrogram inside the graph (YAMNet-style audio front ends). */
const AUDIO_OPS = new Set(['RFFT2D', 'COMPLEX_ABS', 'FFT', 'RFFT']);
/** Ops that change only how a tensor is stored, not what it means. */
const PASS_THROUGH = new Set(['QUANTIZE', 'DEQUANTIZE', 'RESHAPE', 'SQUEEZE', 'CAST', 'IDENTITY', 'EXPAND_DIMS']);
const SCORE_OPS: Record<string, ScoreActivation> = { SOFTMAX: 'softmax', LOGISTIC: 'sigmoid', LOG_SOFTMAX: 'softmax' };
const AUDIO_NAME = /wav|audio|pcm|waveform|sound/i;
const SPECTROGRAM_NAME = /spectrogram|mel|mfcc|fbank|stft/i;
const TOKEN_NAME = /token|input_ids|ids|word|mask|segment/i;
const EMBEDDING_NAME = /embed|feature/i;

/** The op that produced a tensor, looking through representation-only ops (QUANTIZE, RESHAPE...). */
export function meaningfulProducer(sg: TfliteSubgraph, tensor: number): TfliteOperator | undefined {
  const producerOf = (t: number) => sg.operators.find((op) => op.outputs.includes(t));
  let producer = producerOf(tensor);
  for (let hops = 0; producer && PASS_THROUGH.has(producer.opcode) && hops < 6; hops++) {
    const source = producer.inputs[0];
    producer = source === undefined ? undefined : producerOf(source);
  }
  return producer;
}

function consumersOf(sg: TfliteSubgraph, tensor: number): TfliteOperator[] {
  return sg.operators.filter((op) => op.inputs.includes(tensor));
}

const shape = (t: TfliteTensor) => `[${t.shape.join(', ')}]`;

/** Non-batch dims of a shape: [1, 300, 300, 3] -> [300, 300, 3]. */
function featureDims(dims: number[]): number[] {
  return dims.length > 1 && dims[0] === 1 ? dims.slice(1) : dims;
}

function inputRole(model: TfliteModel, sg: TfliteSubgraph, index: number, meta: TensorMetadataInfo | undefined, reasons: KindReason[]): InputRole {
  const t = sg.tensors[index]!;
  const ops = new Set(sg.operators.map((op) => op.opcode));
  const tokenizer = meta?.tokenizer ?? model.metadata?.inputTokenizers?.[0] ?? null;
  if (tokenizer) reasons.push({ code: 'meta-tokenizer', values: { tokenizer: tokenizer.kind, files: tokenizer.files.join(', ') } });
  if (meta?.content === 'image' && t.shape.length === 4) {
    reasons.push({ code: 'meta-image-input', values: { name: t.name } });
    return imageRole(t) ?? { role: 'image', height: t.shape[1]!, width: t.shape[2]!, channels: t.shape[3]!, layout: 'NHWC' };
  }
  if (meta?.content === 'audio') {
    const sampleRate = meta.audio?.sampleRate || null;
    reasons.push({ code: 'meta-audio-input', values: { rate: sampleRate ?? '?', channels: meta.audio?.channels ?? 1 } });
    return { role: 'waveform', samples: featureDims(t.shape).reduce((a, b) => a * b, 1), sampleRate, channels: meta.audio?.channels || 1 };
  }
  if (t.dtype === 'string') {
    reasons.push({ code: 'string-input', values: { name: t.name } });
    return { role: 'text', tokenizer };
  }
  if ((t.dtype === 'int32' || t.dtype === 'int64') && featureDims(t.shape).length === 1) {
    const lookups = consumersOf(sg, index).some((op) => op.opcode === 'GATHER' || op.opcode === 'EMBEDDING_LOOKUP');
    if (lookups || tokenizer || TOKEN_NAME.test(t.name)) {
      reasons.push({ code: 'token-input', values: { name: t.name, dtype: t.dtype, shape: shape(t) } });
      return { role: 'token-ids', length: featureDims(t.shape)[0]!, tokenizer };
    }
  }
  const image = imageRole(t);
  if (image) {
    reasons.push({ code: image.layout === 'NCHW' ? 'nchw-input' : 'image-input', values: { name: t.name, shape: shape(t) } });
    return image;
  }
  const dims = featureDims(t.shape);
  const isFloat = t.dtype === 'float32' || t.dtype === 'int16';
  const audioOps = [...ops].filter((op) => AUDIO_OPS.has(op));
  if (isFloat && dims.length === 1 && (audioOps.length || AUDIO_NAME.test(t.name))) {
    reasons.push({ code: 'waveform-input', values: { name: t.name, samples: dims[0]! } });
    if (audioOps.length) reasons.push({ code: 'audio-ops', values: { ops: audioOps.join(', ') } });
    return { role: 'waveform', samples: dims[0]!, sampleRate: null, channels: 1 };
  }
  if (isFloat && dims.length >= 2 && SPECTROGRAM_NAME.test(t.name)) {
    reasons.push({ code: 'spectrogram-input', values: { name: t.name, shape: shape(t) } });
    return { role: 'spectrogram' };
  }
  return { role: 'tensor' };
}

/** An image input: rank 4, 1/3/4 channels, both sides at least 8 pixels. */
function imageRole(t: TfliteTensor): Extract<InputRole, { role: 'image' }> | null {
  if (t.shape.length !== 4 || !['float32', 'uint8', 'int8', 'float16'].includes(t.dtype)) return null;
  const [, a, b, c] = t.shape as [number, number, number, number];
  if ([1, 3, 4].includes(c) && a >= 8 && b >= 8) return { role: 'image', height: a, width: b, channels: c, layout: 'NHWC' };
  if ([1, 3].includes(a) && b >= 8 && c >= 8) return { role: 'image', height: b, width: c, channels: a, layout: 'NCHW' };
  return null;
}

interface OutputContext {
  model: TfliteModel;
  sg: TfliteSubgraph;
  image: Extract<InputRole, { role: 'image' }> | null;
  reasons: KindReason[];
}

function outputRoles(ctx: OutputContext): OutputRole[] {
  const { sg, model, reasons } = ctx;
  const meta = model.metadata?.outputs ?? [];
  const roles: OutputRole[] = sg.outputs.map(() => ({ role: 'unknown' }));
  // SSD post-processing: its four outputs are boxes, classes, scores, count, in that order.
  const post = sg.operators.find((op) => op.opcode === 'TFLite_Detection_PostProcess');
  if (post) {
    reasons.push({ code: 'detection-postprocess', values: { op: post.opcode } });
    const order: OutputRole[] = [
      { role: 'detection-boxes', coordinates: 'ratio', order: ['ymin', 'xmin', 'ymax', 'xmax'] },
      { role: 'detection-classes' }, { role: 'detection-scores' }, { role: 'detection-count' },
    ];
    sg.outputs.forEach((tensor, i) => {
      const at = post.outputs.indexOf(tensor);
      if (at >= 0) roles[i] = order[at]!;
    });
  }
  sg.outputs.forEach((tensor, i) => {
    if (roles[i]!.role !== 'unknown') return;
    roles[i] = outputRole(ctx, tensor, meta[i]);
  });
  // Raw SSD heads (no post-processing): [1, N, 4] box encodings beside [1, N, C] anchor scores.
  const boxes = roles.findIndex((r, i) => r.role === 'unknown' && sg.tensors[sg.outputs[i]!]!.shape.length === 3 && sg.tensors[sg.outputs[i]!]!.shape[2] === 4);
  if (boxes >= 0 && !post) {
    const anchors = sg.tensors[sg.outputs[boxes]!]!.shape[1]!;
    const scores = sg.outputs.findIndex((o, i) => i !== boxes && sg.tensors[o]!.shape.length === 3 && sg.tensors[o]!.shape[1] === anchors);
    if (scores >= 0) {
      const activation = SCORE_OPS[meaningfulProducer(sg, sg.outputs[scores]!)?.opcode ?? ''] ?? 'none';
      roles[boxes] = { role: 'box-encodings', anchors };
      roles[scores] = { role: 'anchor-scores', anchors, classes: sg.tensors[sg.outputs[scores]!]!.shape[2]!, activation };
      reasons.push({ code: 'raw-boxes', values: { anchors } });
    }
  }
  return roles;
}

function outputRole(ctx: OutputContext, index: number, meta: TensorMetadataInfo | undefined): OutputRole {
  const { sg, image, reasons } = ctx;
  const t = sg.tensors[index]!;
  if (t.dtype === 'string') {
    reasons.push({ code: 'string-output', values: { name: t.name } });
    return { role: 'text' };
  }
  if (meta?.content === 'bounding-box' && meta.boundingBox) {
    const b = meta.boundingBox;
    const names = b.type === 'BOUNDARIES' ? ['left', 'top', 'right', 'bottom'] : b.type === 'UPPER_LEFT' ? ['left', 'top', 'width', 'height'] : ['center x', 'center y', 'width', 'height'];
    // index[k] says where value k of `names` sits on the last axis.
    const order = names.map((_, k) => names[b.index.indexOf(k)] ?? '?');
    reasons.push({ code: 'meta-boxes', values: { name: t.name } });
    return { role: 'detection-boxes', coordinates: b.coordinateType === 'PIXEL' ? 'pixel' : 'ratio', order };
  }
  const dims = featureDims(t.shape);
  const producer = meaningfulProducer(sg, index);
  const activation = SCORE_OPS[producer?.opcode ?? ''] ?? 'none';
  const hasLabels = (meta?.associatedFiles ?? []).some((f) => f.type === 'TENSOR_AXIS_LABELS');
  if (hasLabels) reasons.push({ code: 'meta-labels', values: { name: t.name } });
  if (meta?.scoreCalibration) reasons.push({ code: 'meta-score-calibration', values: { transform: meta.scoreCalibration.transformation } });
  // Per-pixel scores: [1, H, W, C] with H and W a fraction of the image input's.
  if (image && t.shape.length === 4 && dims[0]! >= 8 && dims[1]! >= 8 && image.height % dims[0]! === 0 && image.width % dims[1]! === 0) {
    reasons.push({ code: 'segmentation-output', values: { name: t.name, shape: shape(t) } });
    return { role: 'segmentation', height: dims[0]!, width: dims[1]!, classes: dims[2] ?? 1, activation };
  }
  if (dims.length === 1 && dims[0]! > 1) {
    const n = dims[0]!;
    if (hasLabels || activation !== 'none') {
      reasons.push({ code: 'class-output', values: { name: t.name, count: n, op: producer?.opcode ?? '?' } });
      return { role: 'class-scores', classes: n, activation };
    }
    const normalized = producer?.opcode === 'L2_NORMALIZATION';
    if (normalized || meta?.content === 'feature' && EMBEDDING_NAME.test(`${meta.name ?? ''} ${meta.description ?? ''}`) || EMBEDDING_NAME.test(t.name)) {
      reasons.push({ code: 'embedding-output', values: { name: t.name, dims: n, op: producer?.opcode ?? '?' } });
      return { role: 'embedding', dims: n, normalized };
    }
    if (producer && ['MEAN', 'AVERAGE_POOL_2D', 'MAX_POOL_2D'].includes(producer.opcode)) {
      reasons.push({ code: 'embedding-output', values: { name: t.name, dims: n, op: producer.opcode } });
      return { role: 'embedding', dims: n, normalized: false };
    }
    // A plain FULLY_CONNECTED at the end: logits of a classifier, or an embedding. Logits is the
    // likelier reading for a handed-over model; the reasons say it is a guess.
    if (!producer || !['FULLY_CONNECTED', 'BATCH_MATMUL', 'CONV_2D'].includes(producer.opcode)) return { role: 'unknown' };
    reasons.push({ code: 'logits-or-embedding', values: { name: t.name, count: n, op: producer?.opcode ?? '?' } });
    return { role: 'class-scores', classes: n, activation: 'none' };
  }
  return { role: 'unknown' };
}

/** Reads the kind of model from its metadata and graph. */
export function detectKind(model: TfliteModel): KindReport {
  const sg = mainSubgraph(model);
  const reasons: KindReason[] = [];
  const metaInputs = model.metadata?.inputs ?? [];
  const inputs = sg.inputs.map((index, i) => inputRole(model, sg, index, metaInputs[i], reasons));
  const image = inputs.find((r): r is Extract<InputRole, { role: 'image' }> => r.role === 'image') ?? null;
  const outputs = outputRoles({ model, sg, image, reasons });

  const dynamic = sg.outputs.filter((o) => {
    const t = sg.tensors[o]!;
    return t.shape.length === 0 || t.shape.includes(0) || (t.shapeSignature ?? []).includes(-1);
  });
  if (dynamic.length) reasons.push({ code: 'dynamic-output', values: { count: dynamic.length } });
  const customs = model.operatorCodes.filter((c) => c.builtinCode === 32).map((c) => customOpInfo(c.name));
  const flex = customs.filter((c) => c.family === 'flex');
  if (flex.length) reasons.push({ code: 'flex-ops', values: { ops: flex.map((c) => c.name).join(', ') } });
  const tokenizerOps = customs.filter((c) => c.family === 'tokenizer');
  if (tokenizerOps.length) reasons.push({ code: 'tokenizer-op', values: { ops: tokenizerOps.map((c) => c.name).join(', ') } });
  const otherCustoms = customs.filter((c) => c.family !== 'flex' && c.family !== 'tokenizer' && c.family !== 'detection-postprocess');
  if (otherCustoms.length) reasons.push({ code: 'custom-ops', values: { ops: otherCustoms.map((c) => c.name).join(', ') } });

  const modality: Modality =
    image ? 'image'
    : inputs.some((r) => r.role === 'waveform' || r.role === 'spectrogram') ? 'audio'
    : inputs.some((r) => r.role === 'token-ids' || r.role === 'text') || tokenizerOps.length ? 'text'
    : 'unknown';
  const has = (role: OutputRole['role']) => outputs.some((r) => r.role === role);
  const fromMeta = reasons.some((r) => r.code.startsWith('meta-'));
  const guessed = reasons.some((r) => r.code === 'logits-or-embedding');
  let kind: ModelKind = 'unknown';
  let confidence: Confidence = 'low';
  if (has('detection-boxes') || has('box-encodings')) {
    kind = 'object-detector';
    confidence = has('detection-boxes') ? 'high' : 'medium';
  } else if (modality === 'image' && has('segmentation')) {
    kind = 'image-segmenter';
    confidence = fromMeta ? 'high' : 'medium';
  } else if (has('class-scores')) {
    kind = modality === 'image' ? 'image-classifier' : modality === 'audio' ? 'audio-classifier' : modality === 'text' ? 'text-classifier' : 'unknown';
    confidence = kind === 'unknown' ? 'low' : fromMeta ? 'high' : guessed ? 'low' : 'medium';
  } else if (has('embedding')) {
    kind = modality === 'image' ? 'image-embedder' : modality === 'text' ? 'text-embedder' : 'unknown';
    confidence = kind === 'unknown' ? 'low' : 'medium';
  }
  if (kind === 'unknown') reasons.push({ code: 'no-match' });
  const scoreIndex = outputs.findIndex((r) => r.role === 'class-scores' || r.role === 'detection-classes' || r.role === 'segmentation');
  const labelsFile = (model.metadata?.outputs?.[scoreIndex]?.associatedFiles ?? []).find((f) => f.type === 'TENSOR_AXIS_LABELS' || f.type === 'TENSOR_VALUE_LABELS')?.name ?? null;
  const calibratedOutputs = (model.metadata?.outputs ?? []).flatMap((m, i) => (m.scoreCalibration ? [i] : []));
  return { kind, modality, confidence, reasons, inputs, outputs, labelsFile, calibratedOutputs };
}
