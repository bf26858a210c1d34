// A plain verdict on a speed-up interval, for the headline before the detail: either a clear
// difference ("1.6x faster") or none ("rerun on an idle machine"). The rule the lesson states:
// an interval that includes 1 shows no difference; a very wide one (high/low above WIDE_RATIO)
// says the machine was too noisy to tell how large it is.
import type { RatioInterval } from './bootstrap.ts';

export const WIDE_RATIO = 1.5;

export type Verdict =
  | { kind: 'faster' | 'slower'; factor: number }
  | { kind: 'unclear'; reason: 'includes-one' | 'too-wide' };

export function speedVerdict(interval: Pick<RatioInterval, 'speedup' | 'low' | 'high'>): Verdict {
  const { speedup, low, high } = interval;
  if (!(low > 0) || !(high >= low)) return { kind: 'unclear', reason: 'too-wide' };
  if (low <= 1 && high >= 1) return { kind: 'unclear', reason: 'includes-one' };
  if (high / low > WIDE_RATIO) return { kind: 'unclear', reason: 'too-wide' };
  return speedup >= 1 ? { kind: 'faster', factor: speedup } : { kind: 'slower', factor: 1 / speedup };
}
