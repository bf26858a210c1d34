// Handing a user's own .tflite file from the inspector to the benchmark lab, within one browser.
//
// Contract (the inspector writes, the benchmark reads):
//   IndexedDB database HANDOFF_DB ('tflite-lab'), object store HANDOFF_STORE ('handoff'),
//   key HANDOFF_KEY ('inspector-model'), value HandoffModel:
//     { name: string (file name), bytes: ArrayBuffer (the whole .tflite), savedAt: number (Date.now()) }
//   The inspector then opens the benchmark at `labs/benchmark/?handoff=inspector` (HANDOFF_PARAM /
//   HANDOFF_VALUE). IndexedDB, not sessionStorage: models are megabytes of binary, sessionStorage
//   holds a few MB of strings. The file never leaves the device; a newer hand-off replaces it.

export const HANDOFF_DB = 'tflite-lab';
export const HANDOFF_STORE = 'handoff';
export const HANDOFF_KEY = 'inspector-model';
export const HANDOFF_PARAM = 'handoff';
export const HANDOFF_VALUE = 'inspector';

export interface HandoffModel {
  name: string;
  bytes: ArrayBuffer;
  savedAt: number;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available in this browser'));
      return;
    }
    const request = indexedDB.open(HANDOFF_DB, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(HANDOFF_STORE)) request.result.createObjectStore(HANDOFF_STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
}

function withStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(HANDOFF_STORE, mode);
        const request = act(tx.objectStore(HANDOFF_STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result as T);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

/** Stores a model for the benchmark (replacing any earlier one). */
export function saveHandoffModel(name: string, bytes: Uint8Array): Promise<void> {
  // Copy exactly the file's bytes: `bytes` may be a view into a larger buffer.
  const value: HandoffModel = { name, bytes: bytes.slice().buffer, savedAt: Date.now() };
  return withStore<unknown>('readwrite', (store) => store.put(value, HANDOFF_KEY)).then(() => undefined);
}

/** The model the inspector handed over, or null when there is none. */
export function loadHandoffModel(): Promise<HandoffModel | null> {
  return withStore<HandoffModel | undefined>('readonly', (store) => store.get(HANDOFF_KEY)).then((v) =>
    v && typeof v.name === 'string' && v.bytes instanceof ArrayBuffer ? v : null,
  );
}

/** URL of the benchmark lab that picks up the handed-over model. */
/** The benchmark lab in the reader's language, opened to take the inspector's model. */
export function benchmarkHandoffUrl(lang: Locale = 'en'): string {
  return localePagePath(`labs/benchmark/?${HANDOFF_PARAM}=${HANDOFF_VALUE}`, lang);
}

// The quantizer lab hands over two models at once: the float model and what it made of it, so the
// benchmark and accuracy labs can compare them (and the inspector can open the quantized one).
// Same database and store; key QUANTIZER_HANDOFF_KEY; pages opened with `?handoff=quantizer`.
import { localePagePath } from '../site-path.ts';
import type { Locale } from '../models.ts';

export const QUANTIZER_HANDOFF_KEY = 'quantizer-models';
export const QUANTIZER_HANDOFF_VALUE = 'quantizer';

export interface QuantizerHandoff {
  float: HandoffModel & { /** Manifest id when the float model is one of the site's. */ modelId?: string };
  quantized: HandoffModel & { /** The converter setting, e.g. 'int8'. */ mode: string };
  /** Pixel normalisation the float model expects (real = (pixel - mean) / std). */
  normalization: { mean: number[]; std: number[] };
  savedAt: number;
}

export interface QuantizerHandoffInput {
  float: { name: string; bytes: Uint8Array; modelId?: string };
  quantized: { name: string; bytes: Uint8Array; mode: string };
  normalization: { mean: number[]; std: number[] };
}

export function saveQuantizerHandoff(input: QuantizerHandoffInput): Promise<void> {
  const savedAt = Date.now();
  const value: QuantizerHandoff = {
    float: { name: input.float.name, bytes: input.float.bytes.slice().buffer, savedAt, ...(input.float.modelId ? { modelId: input.float.modelId } : {}) },
    quantized: { name: input.quantized.name, bytes: input.quantized.bytes.slice().buffer, savedAt, mode: input.quantized.mode },
    normalization: { mean: [...input.normalization.mean], std: [...input.normalization.std] },
    savedAt,
  };
  return withStore<unknown>('readwrite', (store) => store.put(value, QUANTIZER_HANDOFF_KEY)).then(() => undefined);
}

export function loadQuantizerHandoff(): Promise<QuantizerHandoff | null> {
  return withStore<QuantizerHandoff | undefined>('readonly', (store) => store.get(QUANTIZER_HANDOFF_KEY)).then((v) =>
    v && v.float?.bytes instanceof ArrayBuffer && v.quantized?.bytes instanceof ArrayBuffer ? v : null,
  );
}

/** URL of a lab that picks up the quantizer's two models, in the reader's language (English is the root locale). */
export function quantizerHandoffUrl(lab: 'benchmark' | 'accuracy' | 'inspector', lang: Locale = 'en'): string {
  return localePagePath(`labs/${lab}/?${HANDOFF_PARAM}=${QUANTIZER_HANDOFF_VALUE}`, lang);
}
