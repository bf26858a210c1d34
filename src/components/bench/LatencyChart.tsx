// Latency distributions as box plots with every run as a dot (Observable Plot, loaded on demand).
import { plotStyle } from '../shared/plot.ts';
import { usePlot } from '../shared/usePlot.ts';

interface Props {
  series: { label: string; samples: number[] }[];
  axisLabel: string;
  ariaLabel: string;
}

export default function LatencyChart({ series, axisLabel, ariaLabel }: Props) {
  const { box, error } = usePlot(
    (Plot, width) => {
      const data = series.flatMap((s) => s.samples.map((ms) => ({ model: s.label, ms })));
      const longest = Math.max(...series.map((s) => s.label.length));
      // Phones: model names go above their rows instead of eating half the width.
      const narrow = width < 520;
      return Plot.plot({
        width,
        height: 56 + series.length * (narrow ? 72 : 56),
        marginLeft: narrow ? 12 : Math.min(width * 0.45, 12 + longest * 6.5),
        marginRight: 16,
        marginBottom: 40,
        style: plotStyle,
        ariaLabel,
        x: { label: axisLabel, labelAnchor: 'center', labelArrow: 'none', grid: true, zero: true, ticks: Math.max(3, Math.floor(width / 90)) },
        y: { label: null, domain: series.map((s) => s.label), axis: narrow ? null : 'left' },
        marks: [
          ...(narrow
            ? [Plot.text(series, { y: 'label', text: 'label', frameAnchor: 'left', textAnchor: 'start', dy: -27, fill: 'var(--sl-color-gray-2)' })]
            : []),
          Plot.dot(data, { x: 'ms', y: 'model', r: 2, fill: 'var(--sl-color-accent)', fillOpacity: 0.35, stroke: 'none' }),
          Plot.boxX(data, { x: 'ms', y: 'model', stroke: 'var(--sl-color-text)', fill: 'var(--sl-color-accent)', fillOpacity: 0.15 }),
        ],
      });
    },
    [series, axisLabel, ariaLabel],
  );

  return (
    <>
      <div class="bl-chart" ref={box} data-testid="bench-chart" />
      {error ? <p role="alert">{error}</p> : null}
    </>
  );
}
