// What a custom op in a .tflite file usually is, and whether a stock runtime has a kernel for it.
// Custom ops are named by their custom_code; Select TensorFlow ops are custom ops named 'Flex<TF op>'.

export type CustomOpFamily = 'flex' | 'detection-postprocess' | 'tokenizer' | 'mediapipe' | 'unknown';

export interface CustomOpInfo {
  name: string;
  family: CustomOpFamily;
  /**
   * True when the standard TFLite/LiteRT op resolver registers a kernel for it (so Android and iOS
   * run it without extra dependencies). TFLite_Detection_PostProcess is the one such custom op.
   */
  inStandardResolver: boolean;
}

/** Tokenizer and text ops: TF Text ('tftext:' prefix) and the TFLite Support library's. */
const TOKENIZER = /^tftext:|tokeni[sz]e|wordpiece|sentencepiece|bert|ngrams|ragged/i;
/** Custom ops MediaPipe's graphs use (its own runtime registers them). */
const MEDIAPIPE = new Set([
  'MaxPoolingWithArgmax2D', 'MaxUnpooling2D', 'Convolution2DTransposeBias', 'Landmarks2TransformMatrix',
  'TransformLandmarks', 'TransformTensorBilinear',
]);

export function customOpInfo(name: string): CustomOpInfo {
  if (name.startsWith('Flex')) return { name, family: 'flex', inStandardResolver: false };
  if (name === 'TFLite_Detection_PostProcess') return { name, family: 'detection-postprocess', inStandardResolver: true };
  if (TOKENIZER.test(name)) return { name, family: 'tokenizer', inStandardResolver: false };
  if (MEDIAPIPE.has(name)) return { name, family: 'mediapipe', inStandardResolver: false };
  return { name, family: 'unknown', inStandardResolver: false };
}

/** The TF op a Flex op wraps: 'FlexRFFT' -> 'RFFT'. */
export function flexTfOp(name: string): string {
  return name.replace(/^Flex/, '');
}
