// Models handed over by another lab (contract in lib/tflite/handoff.ts): a file dropped into the
// inspector (`?handoff=inspector`), or the quantizer's float + quantized pair (`?handoff=quantizer`).
import { HANDOFF_PARAM, HANDOFF_VALUE, QUANTIZER_HANDOFF_VALUE, loadHandoffModel, loadQuantizerHandoff } from '../../lib/tflite/handoff.ts';
import { bytesSource, manifestSource, type ModelSource } from '../../lib/inference/source.ts';
import { models } from '../../lib/models.ts';

export const HANDOFF_SOURCE_ID = 'inspector';
export const QUANTIZED_SOURCE_ID = 'quantized';
export const FLOAT_SOURCE_ID = 'float';

/** The handed-over models (none, one from the inspector, or the quantizer's two: float first). */
export async function handedOverSources(params: URLSearchParams): Promise<ModelSource[]> {
  const kind = params.get(HANDOFF_PARAM);
  if (kind === HANDOFF_VALUE) {
    const model = await loadHandoffModel().catch(() => null);
    return model ? [bytesSource(HANDOFF_SOURCE_ID, model.name, new Uint8Array(model.bytes))] : [];
  }
  if (kind === QUANTIZER_HANDOFF_VALUE) {
    const pair = await loadQuantizerHandoff().catch(() => null);
    if (!pair) return [];
    const { normalization } = pair;
    const siteFloat = pair.float.modelId && models.some((m) => m.id === pair.float.modelId) ? manifestSource(pair.float.modelId) : null;
    const float = siteFloat ?? { ...bytesSource(FLOAT_SOURCE_ID, pair.float.name, new Uint8Array(pair.float.bytes)), normalization };
    const quantized = { ...bytesSource(QUANTIZED_SOURCE_ID, pair.quantized.name, new Uint8Array(pair.quantized.bytes)), normalization };
    return [float, quantized];
  }
  return [];
}
