// Latency distributions as box plots with every run as a dot (Observable Plot, loaded on demand).
// Model names sit above their rows at every width, wrapped to the chart's width, so they are never
// cut off by a margin and never drawn over the boxes.
import { plotStyle } from '../shared/plot.ts';
import { useCallback } from 'preact/hooks';
import { usePlot, type DrawPlot } from '../shared/usePlot.ts';

interface Props {
  series: { label: string; samples: number[] }[];
  axisLabel: string;
  ariaLabel: string;
}

const ROW = 76;
const PADDING = 0.55;

export default function LatencyChart({ series, axisLabel, ariaLabel }: Props) {
  const { box, error } = usePlot(
    useCallback<DrawPlot>((Plot, width) => {
      const data = series.flatMap((s) => s.samples.map((ms) => ({ model: s.label, ms })));
      const bandHalf = (ROW * (1 - PADDING)) / 2;
      return Plot.plot({
        width,
        height: 24 + 40 + series.length * ROW,
        marginTop: 24,
        marginLeft: 12,
        marginRight: 16,
        marginBottom: 40,
        style: plotStyle,
        ariaLabel,
        x: { label: axisLabel, labelAnchor: 'center', labelArrow: 'none', grid: true, zero: true, ticks: Math.max(3, Math.floor(width / 90)) },
        y: { label: null, domain: series.map((s) => s.label), axis: null, padding: PADDING },
        marks: [
          // Bottom of the label just above the box; long names wrap upwards into the gap between rows.
          Plot.text(series, {
            y: 'label',
            text: 'label',
            frameAnchor: 'left',
            textAnchor: 'start',
            lineAnchor: 'bottom',
            dy: -bandHalf - 4,
            lineWidth: Math.max(10, Math.floor((width - 28) / 7)),
            fill: 'var(--sl-color-gray-2)',
          }),
          Plot.dot(data, { x: 'ms', y: 'model', r: 2, fill: 'var(--sl-color-accent)', fillOpacity: 0.35, stroke: 'none' }),
          Plot.boxX(data, { x: 'ms', y: 'model', stroke: 'var(--sl-color-text)', fill: 'var(--sl-color-accent)', fillOpacity: 0.15 }),
        ],
      });
    }, [series, axisLabel, ariaLabel]),
  );

  return (
    <>
      <div class="bl-chart" ref={box} data-testid="bench-chart" />
      {error ? <p role="alert">{error}</p> : null}
    </>
  );
}
