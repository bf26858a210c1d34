// Maps a rejected plan (lib/bench/validate.ts) to the reader's language.
import type { PlanError, PlanErrorCode } from '../../lib/bench/validate.ts';
import type { benchStrings } from '../../i18n/bench.ts';

type Key = keyof (typeof benchStrings)['en'];

const KEYS: Record<PlanErrorCode, Key> = {
  'runs-not-integer': 'planRunsNotInteger',
  'runs-too-few': 'planRunsTooFew',
  'runs-too-many': 'planRunsTooMany',
  'warmup-not-integer': 'planWarmupNotInteger',
  'warmup-negative': 'planWarmupNegative',
  'warmup-too-many': 'planWarmupTooMany',
  'budget-invalid': 'planBudget',
  'threads-invalid': 'planThreads',
  'models-too-few': 'planModels',
  'models-too-many': 'planModelsTooMany',
};

export function planMessage(err: PlanError, t: (key: Key, vars?: Record<string, string | number>) => string): string {
  return t('invalid', { message: t(KEYS[err.code], err.vars) });
}
