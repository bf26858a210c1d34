// Observable Plot is large: load it only when a chart is first drawn, and only once.
export type PlotModule = typeof import('@observablehq/plot');

let plotModule: Promise<PlotModule> | null = null;

export function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('@observablehq/plot');
  return plotModule;
}

/** Inline style for charts: transparent on Starlight's background, text in its gray. */
export const plotStyle = {
  background: 'transparent',
  color: 'var(--sl-color-gray-2)',
  fontSize: '12px',
  overflow: 'visible',
};
