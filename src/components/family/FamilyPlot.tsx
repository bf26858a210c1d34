// Latency vs top-1 of the family, dot area = file size. No text labels on the points (they collided
// where models sit close together): each model has its own colour, named in a legend that wraps.
import type { FamilyRun } from '../../lib/bench/family-run.ts';
import { plotStyle } from '../shared/plot.ts';
import { useCallback } from 'preact/hooks';
import { usePlot, type DrawPlot } from '../shared/usePlot.ts';

interface Props {
  run: FamilyRun | null;
  labelOf: (id: string) => string;
  text: { alt: string; x: string; y: string; legend: string };
}

export default function FamilyPlot({ run, labelOf, text }: Props) {
  const { box, error } = usePlot(
    useCallback<DrawPlot>((Plot, width) => {
      if (!run) return null;
      const measured = run.points.some((p) => p.measuredTop1 !== null);
      const data = run.points
        .map((p) => ({ ...p, label: labelOf(p.id), top1: measured ? p.measuredTop1 : p.publishedTop1 }))
        .filter((p) => p.top1 !== null);
      return Plot.plot({
        width,
        height: Math.round(Math.min(420, Math.max(260, width * 0.55))),
        marginLeft: 48,
        marginRight: 24,
        marginTop: 36,
        marginBottom: 40,
        style: plotStyle,
        ariaLabel: text.alt,
        x: { type: 'log', label: text.x, labelAnchor: 'center', labelArrow: 'none', grid: true, insetLeft: 24, insetRight: 24 },
        y: { labelAnchor: 'top', label: text.y, labelArrow: 'none', grid: true },
        r: { range: [3, 18] },
        color: { type: 'ordinal', scheme: 'tableau10', domain: data.map((d) => d.label), legend: true },
        caption: text.legend,
        marks: [
          Plot.dot(data, { x: 'medianMs', y: 'top1', r: 'sizeBytes', fill: 'label', fillOpacity: 0.7, stroke: 'var(--sl-color-text)', strokeWidth: 0.75, title: 'label' }),
        ],
      });
    }, [run, labelOf, text.alt, text.x, text.y, text.legend]),
  );
  return (
    <>
      <div class="bl-chart" ref={box} data-testid="family-plot" />
      {error ? (
        <p class="bl-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
