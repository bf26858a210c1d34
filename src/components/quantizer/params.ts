// The lab's URL parameters (stable hooks for tests and `npm run quantize`):
//   ?model=<manifest id>&mode=dynamic|float16|int8|int8-io&calibration=<n>&autorun=1
//   optional: io=uint8|int8, range=<method>, bias=1 (bias correction), runtime=<runtime id>, offset=<k> (calibrate on dev photos
//   k+1..k+n, e.g. offset=50&calibration=50 keeps photos 1-50 out of calibration for a held-out check)
import { devImages, models, type ModelEntry } from '../../lib/models.ts';
import { isRuntimeId, type RuntimeId } from '../../lib/runtime/index.ts';
import { isQuantizeMode, type IoType } from '../../lib/calibration/modes.ts';
import type { QuantizeMode } from '../../lib/quantize/index.ts';

/** The site's float models, read from the manifest: what the lab offers to quantize. */
export function floatModels(): ModelEntry[] {
  return models.filter((m) => m.dtype === 'float32');
}

export interface LabParams {
  model?: string;
  mode?: QuantizeMode;
  calibration?: string;
  offset: number;
  io?: IoType;
  range?: string;
  bias: boolean;
  runtime?: RuntimeId;
  autorun: boolean;
}

export function readParams(search: string): LabParams {
  const q = new URLSearchParams(search);
  const model = q.get('model') ?? undefined;
  const mode = q.get('mode');
  const io = q.get('io');
  const runtime = q.get('runtime');
  return {
    model: model && floatModels().some((m) => m.id === model) ? model : undefined,
    mode: isQuantizeMode(mode) ? mode : undefined,
    calibration: q.get('calibration') ?? undefined,
    offset: Math.max(0, Math.min(devImages.length - 1, Math.floor(Number(q.get('offset')) || 0))),
    io: io === 'uint8' || io === 'int8' ? io : undefined,
    range: q.get('range') ?? undefined,
    bias: q.get('bias') === '1',
    runtime: isRuntimeId(runtime) ? runtime : undefined,
    autorun: q.get('autorun') === '1',
  };
}

/** Whole number of dev photos from 1 to all of them, or null. */
export function photoCount(value: string): number | null {
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= devImages.length ? n : null;
}
