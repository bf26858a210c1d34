// The Python converter code that corresponds to one setting of the quantizer lab, so the reader can
// see (and copy) exactly what an ML engineer would write for the same result with TensorFlow.
import type { Normalization } from '../image/input.ts';
import type { QuantizeMode } from '../quantize/index.ts';

export interface ConverterCodeOptions {
  mode: QuantizeMode;
  ioType?: 'uint8' | 'int8';
  /** Input size of the model, e.g. 224 (the representative dataset resizes to it). */
  inputSize?: number;
  /** Channels of the model's input: 1 for a grayscale model (the photos become their luminance). */
  channels?: 1 | 3;
  normalization?: Normalization;
  /** How many photos the representative dataset yields. */
  photoCount?: number;
  /** A range method other than min/max has no converter equivalent: the code says so. */
  rangeMethod?: string;
  /** Bias correction has no converter equivalent either. */
  biasCorrection?: boolean;
  /** The comments in the reader's language (default English). */
  comments?: ConverterComments;
}

/** The comments written into the code, so a page can give them in its reader's language. Placeholders: {count}, {method}. */
export interface ConverterComments {
  photos: string;
  square: string;
  bilinear: string;
  raw: string;
  grayscale: string;
  failOnOperator: string;
  rangeMethod: string;
  biasCorrection: string;
}

export const ENGLISH_COMMENTS: ConverterComments = {
  photos: '{count} photos, preprocessed exactly as the app does it.',
  square: 'largest centred square',
  bilinear: 'bilinear',
  raw: 'raw 0-255 values',
  grayscale: 'one channel: ITU-R BT.601 luminance, as PIL\'s convert("L")',
  failOnOperator: 'Fail on an operator without an int8 kernel instead of leaving it float (as this page does).',
  rangeMethod: 'The range method "{method}" is this site\'s option: TensorFlow\'s converter always uses min/max.',
  biasCorrection: 'Bias correction is this site\'s option: TensorFlow\'s converter does not correct biases.',
};

const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

const fmt = (x: number) => (Number.isInteger(x) ? `${x}.0` : String(Number(x.toPrecision(6))));

/** `(x - mean) / std` as Python, per channel only when the channels differ. */
function normalizeExpression(norm: Normalization, c: ConverterComments): string {
  const same = (v: number[]) => v.every((x) => x === v[0]);
  const value = (v: number[]) => (same(v) ? fmt(v[0]!) : `np.array([${v.map(fmt).join(', ')}], np.float32)`);
  const mean = value(norm.mean);
  const std = value(norm.std);
  if (mean === '0.0' && std === '1.0') return `image  # ${c.raw}`;
  if (mean === '0.0') return `image / ${std}`;
  return `(image - ${mean}) / ${std}`;
}

function representativeDataset(o: ConverterCodeOptions): string[] {
  const size = o.inputSize ?? 224;
  const count = o.photoCount ?? 100;
  const norm = o.normalization ?? { mean: [127.5], std: [127.5] };
  const c = o.comments ?? ENGLISH_COMMENTS;
  return [
    'def representative_dataset():',
    `    # ${fill(c.photos, { count })}`,
    `    for path in sorted(glob.glob("calibration/*.jpg"))[:${count}]:`,
    '        image = tf.io.decode_image(tf.io.read_file(path), channels=3, expand_animations=False)',
    '        side = tf.minimum(tf.shape(image)[0], tf.shape(image)[1])',
    `        image = tf.image.resize_with_crop_or_pad(image, side, side)  # ${c.square}`,
    `        image = tf.image.resize(tf.cast(image, tf.float32), [${size}, ${size}])  # ${c.bilinear}`,
    ...(o.channels === 1 ? [`        image = tf.image.rgb_to_grayscale(image)  # ${c.grayscale}`] : []),
    `        image = ${normalizeExpression(norm, c)}`,
    '        yield [image[tf.newaxis, ...]]',
    '',
  ];
}

/** Python for the TensorFlow Lite converter with exactly the lab's settings. */
export function converterCode(o: ConverterCodeOptions): string {
  const full = o.mode === 'int8' || o.mode === 'int8-io';
  const c = o.comments ?? ENGLISH_COMMENTS;
  const lines = ['import tensorflow as tf'];
  if (full) lines.push('import glob', ...(o.normalization && !o.normalization.mean.every((x) => x === o.normalization!.mean[0]) ? ['import numpy as np'] : []));
  lines.push('');
  if (full) lines.push(...representativeDataset(o));
  lines.push('converter = tf.lite.TFLiteConverter.from_saved_model("saved_model_dir")');
  lines.push('converter.optimizations = [tf.lite.Optimize.DEFAULT]');
  if (o.mode === 'float16') lines.push('converter.target_spec.supported_types = [tf.float16]');
  if (full) {
    lines.push('converter.representative_dataset = representative_dataset');
    lines.push(`# ${c.failOnOperator}`);
    lines.push('converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]');
  }
  if (o.mode === 'int8-io') {
    const t = o.ioType ?? 'uint8';
    lines.push(`converter.inference_input_type = tf.${t}`, `converter.inference_output_type = tf.${t}`);
  }
  if (full && o.rangeMethod && o.rangeMethod !== 'minmax') {
    lines.push(`# ${fill(c.rangeMethod, { method: o.rangeMethod })}`);
  }
  if (full && o.biasCorrection) lines.push(`# ${c.biasCorrection}`);
  lines.push('tflite_model = converter.convert()');
  lines.push(`open("model_${o.mode.replace('-', '_')}.tflite", "wb").write(tflite_model)`);
  return lines.join('\n');
}
