// Top classes of each audio window, in time order.
import { num, type T } from '../format.ts';

export interface WindowScores {
  /** Start of the window, seconds. */
  time: number;
  top: { index: number; score: number }[];
}

export default function AudioTimeline({ rows, labelOf, hasLabels, t }: { rows: WindowScores[]; labelOf: (i: number) => string; hasLabels: boolean; t: T }) {
  if (!rows.length) return null;
  return (
    <div data-testid="try-audio-rows">
      <ol class="insp-steps">
        {rows.map((row, i) => (
          <li key={i} data-testid="try-audio-row">
            <strong>{t('tryAudioTime', { t: num(Number(row.time.toFixed(2))) })}</strong>{' '}
            {row.top.map((p) => `${labelOf(p.index)} ${num(Number(p.score.toPrecision(2)))}`).join(t('listSeparator'))}
          </li>
        ))}
      </ol>
      {!hasLabels && <p class="insp-note">{t('tryIdsOnly')}</p>}
    </div>
  );
}
