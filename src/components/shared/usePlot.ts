// Mounts an Observable Plot chart into a box: loads Plot on demand, redraws when the box's width or
// the inputs change, and reports a failed load or draw instead of leaving an empty box.
import { useEffect, useRef, useState, type Inputs } from 'preact/hooks';
import { loadPlot, type PlotModule } from './plot.ts';
import { useWidth } from './useWidth.ts';

/** Returns the chart for this width, or null to leave the box as it is. */
export type DrawPlot = (Plot: PlotModule, width: number) => Element | null;

export function usePlot(draw: DrawPlot, inputs: Inputs) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadPlot()
      .then((Plot) => {
        if (cancelled || !box.current) return;
        const chart = draw(Plot, width);
        if (chart) box.current.replaceChildren(chart);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(err instanceof Error ? err.message : String(err));
      });
    return () => {
      cancelled = true;
    };
  }, [width, ...inputs]);

  return { box, error };
}
