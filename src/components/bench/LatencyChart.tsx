// Latency distributions as box plots with every run as a dot (Observable Plot, loaded on demand).
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadPlot, plotStyle } from '../quant/plot.ts';
import { useWidth } from '../quant/useWidth.ts';

interface Props {
  series: { label: string; samples: number[] }[];
  axisLabel: string;
  ariaLabel: string;
}

export default function LatencyChart({ series, axisLabel, ariaLabel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const data = series.flatMap((s) => s.samples.map((ms) => ({ model: s.label, ms })));
    loadPlot()
      .then((Plot) => {
        if (cancelled || !box.current) return;
        const longest = Math.max(...series.map((s) => s.label.length));
        // Phones: model names go above their rows instead of eating half the width.
        const narrow = width < 520;
        const chart = Plot.plot({
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
        box.current.replaceChildren(chart);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(err instanceof Error ? err.message : String(err));
      });
    return () => {
      cancelled = true;
    };
  }, [series, width, axisLabel, ariaLabel]);

  return (
    <>
      <div class="bl-chart" ref={box} data-testid="bench-chart" />
      {error ? <p role="alert">{error}</p> : null}
    </>
  );
}
