// The derived maths of the explorer for one layer and the reader's settings: the values, the
// quantization experiment, the official file's choice for comparison, the values shown and sorted.
import { useMemo } from 'preact/hooks';
import { floatValues, type LayerPair } from '../../lib/quant/layers.ts';
import { channelSlice, chooseParams } from '../../lib/quant/params.ts';
import { runExperiment } from '../../lib/quant/experiment.ts';

export interface ExperimentSettings {
  bits: number;
  symmetric: boolean;
  perChannel: boolean;
  view: number | 'all';
}

export function useQuantExperiment(layer: LayerPair['float'] | null, { bits, symmetric, perChannel, view }: ExperimentSettings) {
  const values = useMemo(() => (layer ? floatValues(layer.tensor) : null), [layer]);
  const shape = layer?.tensor.shape;
  const axis = layer?.channelAxis ?? 0;
  const experiment = useMemo(
    () => (values && shape ? runExperiment(values, shape, { bits, symmetric, unsigned: !symmetric, axis: perChannel ? axis : null }) : null),
    [values, shape, axis, bits, symmetric, perChannel],
  );
  // The official file is uint8 asymmetric per tensor; the same choice on the float weights, for comparison.
  const oursUint8 = useMemo(() => (values && shape ? chooseParams(values, shape, { bits: 8, symmetric: false, unsigned: true }) : null), [values, shape]);
  const shown = useMemo(() => (values && shape && view !== 'all' ? channelSlice(values, shape, axis, view) : values), [values, shape, axis, view]);
  const sorted = useMemo(() => (shown ? Float32Array.from(shown).sort() : null), [shown]);
  return { values, experiment, oursUint8, shown, sorted };
}
