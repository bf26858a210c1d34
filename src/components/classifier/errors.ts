// Maps any failure of the classifier pipeline to a message key in the reader's language.
import { ImageDecodeError } from '../../lib/image/decode.ts';
import { RuntimeError } from '../../lib/runtime/types.ts';
import { FetchError } from '../../lib/fetch-with-progress.ts';
import type { classifierStrings } from '../../i18n/classifier.ts';

export type StringKey = keyof (typeof classifierStrings)['en'];

export interface UiError {
  key: StringKey;
  vars?: Record<string, string | number>;
  /** Stable code for tests and styling. */
  code: string;
}

const imageKeys: Record<ImageDecodeError['code'], StringKey> = {
  empty: 'errEmpty',
  'not-image': 'errNotImage',
  svg: 'errSvg',
  'too-large': 'errTooLarge',
  corrupt: 'errCorrupt',
};

const runtimeKeys: Record<RuntimeError['code'], StringKey> = {
  'wasm-load-failed': 'errWasm',
  'model-load-failed': 'errModel',
  'run-failed': 'errRun',
  unsupported: 'errUnsupported',
};

export function toUiError(err: unknown, extra: Record<string, string | number> = {}): UiError {
  const detail = err instanceof Error ? err.message : String(err);
  if (err instanceof ImageDecodeError) return { key: imageKeys[err.code], code: err.code, vars: { detail, ...extra } };
  if (err instanceof RuntimeError) return { key: runtimeKeys[err.code], code: err.code, vars: { detail } };
  if (err instanceof FetchError) return { key: 'errModel', code: 'model-load-failed', vars: { detail } };
  return { key: 'errRun', code: 'run-failed', vars: { detail } };
}

/** getUserMedia failures by DOMException name. */
export function cameraError(err: unknown): UiError {
  const name = (err as { name?: string } | null)?.name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return { key: 'errCameraDenied', code: 'camera-denied' };
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') {
    return { key: 'errNoCamera', code: 'no-camera' };
  }
  if (name === 'unsupported') return { key: 'errCameraUnsupported', code: 'camera-unsupported' };
  return { key: 'errCamera', code: 'camera-failed', vars: { detail: (err as Error)?.message ?? String(err) } };
}
