// A model the reader dropped into the inspector, handed over to the benchmark (contract in lib/tflite/handoff.ts).
import { HANDOFF_PARAM, HANDOFF_VALUE, loadHandoffModel } from '../../lib/tflite/handoff.ts';
import { bytesSource, type BenchModelSource } from '../../lib/bench/subjects.ts';

export const HANDOFF_SOURCE_ID = 'inspector';

/** The handed-over model when the page was opened with `?handoff=inspector`, else null. */
export async function handedOverSource(params: URLSearchParams): Promise<BenchModelSource | null> {
  if (params.get(HANDOFF_PARAM) !== HANDOFF_VALUE) return null;
  const model = await loadHandoffModel().catch(() => null);
  return model ? bytesSource(HANDOFF_SOURCE_ID, model.name, new Uint8Array(model.bytes)) : null;
}
