// What can stop a quantization, as a code the page translates, plus the op and mode it concerns.
export type QuantizeMode = 'dynamic' | 'float16' | 'int8' | 'int8-io';

export type QuantizeErrorCode =
  /** The model has no float32 weights or activations to quantize (it is quantized already). */
  | 'not-float'
  /** An operator this mode cannot quantize (named in `op`); other modes may still work. */
  | 'unsupported-op'
  /** An operator no setting can rewrite (custom, unknown, or with options the writer cannot copy), named in `op`. */
  | 'custom-op'
  /** int8 modes need a recorded range for every float activation; some are missing. */
  | 'needs-calibration'
  /** Not a readable .tflite file. */
  | 'bad-model'
  /** Readable, but of a shape this quantizer does not handle (several subgraphs, sparse tensors). */
  | 'unsupported-model'
  /** Options that do not fit the mode (for example ioType without int8-io). */
  | 'bad-options';

export class QuantizeError extends Error {
  override name = 'QuantizeError';
  constructor(
    message: string,
    readonly code: QuantizeErrorCode,
    readonly mode: QuantizeMode,
    readonly op?: string,
  ) {
    super(message);
  }
}

/** A file whose structure contradicts itself (shapes vs data, enum values) ends as 'bad-model'. */
export function asQuantizeError(error: unknown, mode: QuantizeMode): QuantizeError {
  if (error instanceof QuantizeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new QuantizeError(`The model's structure is inconsistent: ${message}`, 'bad-model', mode);
}
