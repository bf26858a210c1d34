// Affine quantization math (pure TypeScript): parameters, quantize/dequantize, errors, histograms,
// and the weight layers of parsed .tflite models.
export * from './params.ts';
export * from './quantize.ts';
export * from './metrics.ts';
export * from './histogram.ts';
export * from './experiment.ts';
export * from './layers.ts';
export * from './format.ts';
