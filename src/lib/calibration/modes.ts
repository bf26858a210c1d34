// The converter's four post-training settings, as the lab, its URL and `npm run quantize` name them.
import { QUANTIZE_MODES, type QuantizeMode } from '../quantize/index.ts';

export type IoType = 'uint8' | 'int8';

export const quantizeModes = QUANTIZE_MODES;

export function isQuantizeMode(value: unknown): value is QuantizeMode {
  return typeof value === 'string' && (quantizeModes as readonly string[]).includes(value);
}

/** The settings that need a representative dataset. */
export function needsCalibration(mode: QuantizeMode): boolean {
  return mode === 'int8' || mode === 'int8-io';
}
