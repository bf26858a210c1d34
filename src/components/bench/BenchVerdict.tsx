// The headline of a benchmark: one plain verdict per compared model, before any statistics.
import type { BenchmarkResult } from '../../lib/bench/benchmark.ts';
import { speedVerdict } from '../../lib/bench/verdict.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { benchStrings } from '../../i18n/bench.ts';
import { ratio } from '../shared/format.ts';

interface Props {
  result: BenchmarkResult;
  nameOf: (id: string) => string;
  t: Translator<typeof benchStrings>;
}

export default function BenchVerdict({ result, nameOf, t }: Props) {
  return (
    <ul class="bl-verdicts" data-testid="bench-verdict">
      {result.ratios.map((q) => {
        const verdict = speedVerdict(q.interval);
        const names = { candidate: nameOf(q.candidate), baseline: nameOf(q.baseline), low: ratio(q.interval.low), high: ratio(q.interval.high) };
        const text =
          verdict.kind === 'unclear'
            ? t(verdict.reason === 'includes-one' ? 'verdictIncludesOne' : 'verdictTooWide', names)
            : t(verdict.kind === 'faster' ? 'verdictFaster' : 'verdictSlower', { ...names, factor: verdict.factor.toFixed(1) });
        return (
          <li key={q.candidate} class={verdict.kind === 'unclear' ? 'bl-verdict bl-verdict--unclear' : 'bl-verdict'} data-verdict={verdict.kind}>
            {text}
          </li>
        );
      })}
    </ul>
  );
}
