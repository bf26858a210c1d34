// Checks a benchmark plan before anything runs, with a machine-readable reason for each rejection
// so the island can say what is wrong in the reader's language.

export const LIMITS = {
  maxRuns: 2000,
  maxWarmup: 200,
  maxBudgetMs: 10 * 60_000,
  maxThreads: 64,
  /** tfjs-tflite starts a WASM instance with its own worker pool per model; past eight, Chromium stalls loading them. */
  maxModels: 6,
} as const;

export type PlanErrorCode =
  | 'runs-not-integer'
  | 'runs-too-few'
  | 'runs-too-many'
  | 'warmup-not-integer'
  | 'warmup-negative'
  | 'warmup-too-many'
  | 'budget-invalid'
  | 'threads-invalid'
  | 'models-too-few'
  | 'models-too-many';

export class PlanError extends Error {
  override name = 'PlanError';
  constructor(
    message: string,
    readonly code: PlanErrorCode,
    /** Values for the message placeholders ({min}, {max}, {value}). */
    readonly vars: Record<string, number | string> = {},
  ) {
    super(message);
  }
}

export interface RunPlan {
  /** Warm-up runs per model, not timed (JIT, caches, XNNPACK packing). */
  warmup: number;
  /** Timed runs per model. */
  runs: number;
  /** Optional wall-clock budget for the timed phase; stops early (after at least `minRuns`) when spent. */
  budgetMs?: number;
}

/** The smallest timed sample that still has a median and p10/p90 worth showing. */
export const MIN_RUNS = 3;

export function validatePlan(input: { warmup: unknown; runs: unknown; budgetMs?: unknown }): RunPlan {
  const runs = toNumber(input.runs);
  const warmup = toNumber(input.warmup);
  if (!Number.isInteger(runs)) throw new PlanError(`Run count must be a whole number, got "${String(input.runs)}"`, 'runs-not-integer', { value: String(input.runs) });
  if (runs < MIN_RUNS) throw new PlanError(`At least ${MIN_RUNS} timed runs are needed, got ${runs}`, 'runs-too-few', { min: MIN_RUNS, value: runs });
  if (runs > LIMITS.maxRuns) throw new PlanError(`At most ${LIMITS.maxRuns} timed runs are allowed, got ${runs}`, 'runs-too-many', { max: LIMITS.maxRuns, value: runs });
  if (!Number.isInteger(warmup)) throw new PlanError(`Warm-up count must be a whole number, got "${String(input.warmup)}"`, 'warmup-not-integer', { value: String(input.warmup) });
  if (warmup < 0) throw new PlanError(`Warm-up count cannot be negative, got ${warmup}`, 'warmup-negative', { value: warmup });
  if (warmup > LIMITS.maxWarmup) throw new PlanError(`At most ${LIMITS.maxWarmup} warm-up runs are allowed, got ${warmup}`, 'warmup-too-many', { max: LIMITS.maxWarmup, value: warmup });
  const plan: RunPlan = { warmup, runs };
  if (input.budgetMs !== undefined && input.budgetMs !== null && input.budgetMs !== '') {
    const budget = toNumber(input.budgetMs);
    if (!(budget > 0 && budget <= LIMITS.maxBudgetMs)) {
      throw new PlanError(`Time budget must be between 1 ms and ${LIMITS.maxBudgetMs} ms`, 'budget-invalid', { max: LIMITS.maxBudgetMs, value: String(input.budgetMs) });
    }
    plan.budgetMs = budget;
  }
  return plan;
}

export function validateThreads(value: unknown, max: number = LIMITS.maxThreads): number {
  const n = toNumber(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new PlanError(`Thread count must be a whole number from 1 to ${max}, got "${String(value)}"`, 'threads-invalid', { max, value: String(value) });
  }
  return n;
}

export function validateModelCount(ids: readonly string[]): void {
  const count = new Set(ids).size;
  if (count < 2) throw new PlanError('Choose at least two different models to compare', 'models-too-few', { min: 2 });
  if (count > LIMITS.maxModels) {
    throw new PlanError(`Compare at most ${LIMITS.maxModels} models in one run`, 'models-too-many', { max: LIMITS.maxModels, value: count });
  }
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}
