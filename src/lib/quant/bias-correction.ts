// Empirical bias correction (Nagel et al., "Data-Free Quantization", 2019, section 4.2, with the
// input means measured on the calibration set): rounding the weights shifts every output channel
// by sum((W_q - W) * x); on average that is sum((W_q - W) * E[x]), a constant the bias can absorb.
// Beyond TFLite: its quantizer does not do this.

/**
 * The bias minus the expected output shift of quantized weights, for an op whose weights are laid
 * out with the output channel on `outAxis` and the input channel on the last axis (CONV_2D
 * [out, h, w, in], FULLY_CONNECTED [out, in]) or, for depthwise ([1, h, w, out]), on the same axis.
 * `inputMean[c]` is the mean of input channel c over the calibration set.
 */
export function correctedBias(
  bias: ArrayLike<number>,
  weights: ArrayLike<number>,
  dequantized: ArrayLike<number>,
  shape: readonly number[],
  kind: 'conv' | 'depthwise' | 'fully-connected',
  inputMean: ArrayLike<number>,
): Float32Array {
  const out = Float32Array.from(bias);
  const channels = out.length;
  const inner = shape.at(-1)!;
  if (kind === 'depthwise') {
    // [1, h, w, out]: output channel c reads input channel c / multiplier.
    const multiplier = inputMean.length > 0 ? Math.max(1, Math.round(inner / inputMean.length)) : 1;
    for (let i = 0; i < weights.length; i++) {
      const c = i % inner;
      const mean = inputMean[Math.floor(c / multiplier)] ?? 0;
      out[c] = out[c]! - (dequantized[i]! - weights[i]!) * mean;
    }
    return out;
  }
  const perOutput = weights.length / channels;
  for (let c = 0; c < channels; c++) {
    let shift = 0;
    for (let k = 0; k < perOutput; k++) {
      const i = c * perOutput + k;
      shift += (dequantized[i]! - weights[i]!) * (inputMean[i % inner] ?? 0);
    }
    out[c] = out[c]! - shift;
  }
  return out;
}
