// Failures of a lab run (benchmark, accuracy, profile), naming the model when one is to blame.
// src/i18n/errors.ts turns the code into the reader's language.
export class BenchError extends Error {
  override name = 'BenchError';
  constructor(
    message: string,
    readonly code: 'load-failed' | 'run-failed' | 'photo-failed',
    readonly modelId?: string,
  ) {
    super(message);
  }
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
