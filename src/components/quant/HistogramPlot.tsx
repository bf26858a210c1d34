// Histogram of float values with the quantization grid drawn as vertical lines (Observable Plot).
import type { Bin } from '../../lib/quant/histogram.ts';
import { plotStyle } from '../shared/plot.ts';
import { useCallback } from 'preact/hooks';
import { usePlot, type DrawPlot } from '../shared/usePlot.ts';

interface Props {
  bins: Bin[];
  /** Real values of the integer levels; empty when there is no single grid to show. */
  grid: number[];
  domain: [number, number];
  xLabel: string;
  yLabel: string;
  ariaLabel: string;
  failedText: (reason: string) => string;
}

export default function HistogramPlot({ bins, grid, domain, xLabel, yLabel, ariaLabel, failedText }: Props) {
  const { box, error } = usePlot(
    useCallback<DrawPlot>((Plot, width) => {
      // Dense grids (8 bits: 255 lines) read as a band; sparse ones as distinct lines.
      const gridOpacity = grid.length <= 16 ? 0.9 : grid.length <= 64 ? 0.5 : 0.18;
      return Plot.plot({
        width,
        height: Math.round(Math.min(320, Math.max(200, width * 0.42))),
        marginLeft: 48,
        marginBottom: 40,
        style: plotStyle,
        ariaLabel,
        x: { domain, label: xLabel, labelAnchor: 'center', labelArrow: 'none', ticks: Math.max(3, Math.floor(width / 90)) },
        y: { type: 'sqrt', label: yLabel, labelArrow: 'none', grid: true },
        marks: [
          Plot.ruleX(grid, { className: 'qx-grid', strokeOpacity: gridOpacity, strokeWidth: 1 }),
          Plot.rectY(bins, { x1: 'x0', x2: 'x1', y: 'count', className: 'qx-bar', insetLeft: 0.5, insetRight: 0.5 }),
          Plot.ruleY([0], { className: 'qx-axis' }),
        ],
      });
    }, [bins, grid, domain, xLabel, yLabel, ariaLabel]),
  );

  return (
    <>
      <div class="qx-plot" ref={box} data-testid="qx-histogram" data-grid-lines={grid.length} />
      {error ? (
        <p class="qx-error" role="alert">
          {failedText(error)}
        </p>
      ) : null}
    </>
  );
}
