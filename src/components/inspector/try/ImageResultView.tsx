// Words and numbers beside the drawn photo: top classes, detections, mask classes, an embedding.
import type { ImageRunResult } from '../../../lib/tryit/interpret.ts';
import { num, type T } from '../format.ts';
import RawOutputs from './RawOutputs.tsx';
import type { TensorSpec } from '../../../lib/runtime/index.ts';

export default function ImageResultView({ result, labelOf, hasLabels, specs, t }: {
  result: ImageRunResult; labelOf: (i: number) => string; hasLabels: boolean; specs: readonly TensorSpec[]; t: T;
}) {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  switch (result.kind) {
    case 'scores':
      return (
        <div data-testid="try-scores">
          <p>{t('tryTopK', { k: result.top.length, count: result.classes })}</p>
          <ol class="insp-steps">{result.top.map((p) => <li key={p.index}>{labelOf(p.index)}: {num(Number(p.score.toPrecision(3)))}</li>)}</ol>
          {!hasLabels && <p class="insp-note">{t('tryIdsOnly')}</p>}
        </div>
      );
    case 'detections':
      return (
        <div data-testid="try-detections" data-count={result.detections.length}>
          <p>{result.detections.length ? t('tryDetections', { count: result.detections.length, threshold: result.threshold }) : t('tryNoDetections', { threshold: result.threshold })}</p>
          <ol class="insp-steps">{result.detections.map((d, i) => <li key={i}>{labelOf(d.classId)}: {pct(d.score)}</li>)}</ol>
          {!hasLabels && <p class="insp-note">{t('tryDetIds')}</p>}
        </div>
      );
    case 'mask':
      return (
        <div data-testid="try-mask">
          <p>{t('trySegment')}</p>
          <p>{t('trySegmentClasses', { list: [...result.shares].map(([c, s]) => `${labelOf(c)} ${pct(s)}`).join(t('listSeparator')) })}</p>
        </div>
      );
    case 'embedding':
      return (
        <p data-testid="try-embedding">
          {t('tryEmbedding', { dims: result.stats.length, first: result.stats.first.slice(0, 5).map((v) => num(Number(v.toPrecision(4)))).join(', '), norm: num(Number(result.stats.norm.toPrecision(4))) })}
        </p>
      );
    case 'raw':
      return <RawOutputs outputs={result.outputs} specs={specs} t={t} />;
  }
}
