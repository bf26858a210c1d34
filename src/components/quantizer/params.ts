// The lab's URL parameters (stable hooks for tests and `npm run quantize`):
//   ?model=<manifest id>&mode=dynamic|float16|int8|int8-io&calibration=<n>&autorun=1
//   optional: io=uint8|int8, range=<method>, runtime=<runtime id>
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
  io?: IoType;
  range?: string;
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
    io: io === 'uint8' || io === 'int8' ? io : undefined,
    range: q.get('range') ?? undefined,
    runtime: isRuntimeId(runtime) ? runtime : undefined,
    autorun: q.get('autorun') === '1',
  };
}

/** Whole number of dev photos from 1 to all of them, or null. */
export function photoCount(value: string): number | null {
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= devImages.length ? n : null;
}
