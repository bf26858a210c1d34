// Mounts an Observable Plot chart into a box: loads Plot on demand, redraws when the box's width or
// the inputs change, and reports a failed load or draw instead of leaving an empty box.
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadPlot, type PlotModule } from './plot.ts';
import { useWidth } from './useWidth.ts';

/** Returns the chart for this width, or null to leave the box as it is. */
export type DrawPlot = (Plot: PlotModule, width: number) => Element | null;

/** `draw` is the caller's useCallback<DrawPlot>(..., deps): the chart redraws when it or the width changes. */
export function usePlot(draw: DrawPlot) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadPlot()
      .then((Plot) => {
        if (cancelled || !box.current) return;
        const chart = draw(Plot, width);
        if (chart) box.current.replaceChildren(withoutGroupLabels(chart));
        setError(null);
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(err instanceof Error ? err.message : String(err));
      });
    return () => {
      cancelled = true;
    };
  }, [width, draw]);

  return { box, error };
}

/**
 * Plot names its inner <g> groups ("bar", "rule", "x-axis tick") with aria-label, which ARIA does not
 * allow on elements without a role (axe: aria-prohibited-attr) and which would read as noise. The
 * chart keeps its own label; the numbers are in the tables next to every chart.
 */
function withoutGroupLabels(chart: Element): Element {
  for (const el of chart.querySelectorAll('svg [aria-label]:not([role]), svg [aria-description]:not([role])')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  return chart;
}
