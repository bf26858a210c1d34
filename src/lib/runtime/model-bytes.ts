// What a runtime's load() accepts (URL, ArrayBuffer or bytes) turned into bytes, fetched with progress.
import { fetchWithProgress } from '../fetch-with-progress.ts';
import type { LoadOptions } from './types.ts';

export async function modelBytes(model: string | ArrayBuffer | Uint8Array, onProgress?: LoadOptions['onProgress']): Promise<Uint8Array> {
  if (typeof model === 'string') return fetchWithProgress(model, onProgress);
  return model instanceof Uint8Array ? model : new Uint8Array(model);
}
