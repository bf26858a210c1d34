// The runtime layer's input/output specs come from the .tflite file (via the site's reader),
// not from the runtimes (which report int32 for 8-bit tensors and no quantization).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readModelIO } from '../../src/lib/runtime/model-io.ts';
import { getModel, models } from '../../src/lib/models.ts';

const bytesOf = (id: string) => new Uint8Array(readFileSync(`public/${getModel(id).file}`));

describe('readModelIO', () => {
  it('reads the uint8 QAT model: input scale 1/128 zero point 128, output scale 1/256', async () => {
    const io = await readModelIO(bytesOf('mobilenet_v1_0.25_224_uint8'));
    expect(io.inputs).toEqual([{ name: 'input', dtype: 'uint8', shape: [1, 224, 224, 3], quantization: { scale: [1 / 128], zeroPoint: [128] } }]);
    expect(io.outputs[0]).toMatchObject({ dtype: 'uint8', shape: [1, 1001], quantization: { scale: [1 / 256], zeroPoint: [0] } });
  });

  it('reads the TF2 PTQ model: uint8 I/O around an int8 graph, input zero point 127', async () => {
    const io = await readModelIO(bytesOf('mobilenet_v2_1.0_224_int8'));
    expect(io.inputs[0]!.dtype).toBe('uint8');
    expect(io.inputs[0]!.quantization!.zeroPoint).toEqual([127]);
    expect(io.inputs[0]!.quantization!.scale[0]).toBeCloseTo(1 / 127.5, 6);
  });

  it('agrees with the manifest on every served model: float has no quantization, 8-bit has', async () => {
    for (const model of models) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(`public/${model.file}`));
      } catch {
        continue; // derived twins may not be materialised in every checkout
      }
      const io = await readModelIO(bytes);
      expect(io.inputs[0]!.shape, model.id).toEqual([1, model.resolution, model.resolution, 3]);
      expect(io.outputs[0]!.shape, model.id).toEqual([1, 1001]);
      if (model.dtype === 'float32') expect(io.inputs[0]!.quantization, model.id).toBeUndefined();
      else expect(io.inputs[0]!.quantization, model.id).toBeDefined();
    }
  });
});
