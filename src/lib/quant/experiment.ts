// One run of the explorer: choose parameters, quantize, dequantize, measure.
import { chooseParams, type QuantParams, type QuantScheme } from './params.ts';
import { dequantizeTensor, quantizeTensor } from './quantize.ts';
import { errorMetrics, type ErrorMetrics } from './metrics.ts';

export interface Experiment {
  params: QuantParams;
  q: Int32Array;
  dequantized: Float32Array;
  metrics: ErrorMetrics;
}

export function runExperiment(values: ArrayLike<number>, shape: readonly number[], scheme: QuantScheme): Experiment {
  const params = chooseParams(values, shape, scheme);
  const q = quantizeTensor(values, shape, params);
  const dequantized = dequantizeTensor(q, shape, params);
  return { params, q, dequantized, metrics: errorMetrics(values, dequantized) };
}
