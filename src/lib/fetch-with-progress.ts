// Fetches a same-origin file as bytes and reports progress while it streams in.
// Plain fetch() with the default cache mode: the browser's HTTP cache makes a second visit instant.

export type ProgressCallback = (loaded: number, total: number) => void;

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    message: string,
    readonly url: string,
    /** HTTP status, or 0 when the network request itself failed. */
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Downloads `url` and returns its bytes. `onProgress(loaded, total)` is called as chunks arrive;
 * `total` is the Content-Length, or `expectedBytes` when the server sends none (or 0 if unknown).
 */
export async function fetchWithProgress(
  url: string,
  onProgress?: ProgressCallback,
  options: { expectedBytes?: number; signal?: AbortSignal } = {},
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: options.signal });
  } catch (err) {
    throw new FetchError(`Could not download ${url}: ${(err as Error).message}`, url, 0);
  }
  if (!response.ok) throw new FetchError(`Could not download ${url}: HTTP ${response.status}`, url, response.status);
  const header = Number(response.headers.get('content-length') ?? 0);
  const total = header > 0 ? header : (options.expectedBytes ?? 0);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.(bytes.byteLength, total || bytes.byteLength);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress?.(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress?.(loaded, Math.max(total, loaded));
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
