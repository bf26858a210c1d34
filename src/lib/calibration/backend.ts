// The CPU-heavy half of a quantization, behind one interface: build the calibration model, turn
// photos into inputs, record activation ranges, write the quantized model. `localBackend` does it in the calling thread;
// quantize-client.ts offers the same interface backed by a worker (the lab's choice), so recording
// ranges over megabytes of activations per photo and writing the model never block the page.
import { makeCalibrationModel, quantizeModel, QuantizeError, RangeRecorder, type QuantizeMode, type QuantizeReport, type RangeMethod } from '../quantize/index.ts';
import type { IoType } from './modes.ts';
import type { CalibrationSink } from './calibrate.ts';
import { photoToInput } from './prepare-photo.ts';

export interface BackendSetup {
  floatModel: Uint8Array;
  mode: QuantizeMode;
  ioType?: IoType;
  rangeMethod?: RangeMethod;
  biasCorrection?: boolean;
}

export interface QuantizerBackend extends CalibrationSink {
  /** The calibration model (outputs = every activation to observe) and the order add() expects. */
  calibrationModel(): Promise<{ bytes: Uint8Array; tensorIndices: number[] }>;
  /** Writes the quantized model with the ranges recorded so far (none for dynamic range / float16). */
  finish(): Promise<{ bytes: Uint8Array; report: QuantizeReport }>;
  /** Stops any work in progress and releases resources. */
  close(): void;
}

export function localBackend(setup: BackendSetup): QuantizerBackend {
  let recorder: RangeRecorder | null = null;
  return {
    async calibrationModel() {
      let made;
      try {
        made = makeCalibrationModel(setup.floatModel);
      } catch (err) {
        // makeCalibrationModel checks int8 support without knowing which int8 setting was chosen: name it.
        if (err instanceof QuantizeError) throw new QuantizeError(err.message, err.code, setup.mode, err.op);
        throw err;
      }
      recorder = RangeRecorder.forCalibration(made, setup.rangeMethod);
      return { bytes: made.bytes, tensorIndices: made.tensorIndices };
    },
    prepareInput: photoToInput,
    add(values) {
      if (!recorder) throw new Error('calibrationModel() must come before add()');
      recorder.add(values);
    },
    async finish() {
      return quantizeModel(setup.floatModel, {
        mode: setup.mode,
        ranges: recorder?.ranges(),
        ioType: setup.mode === 'int8-io' ? (setup.ioType ?? 'uint8') : undefined,
        biasCorrection: setup.biasCorrection === true,
      });
    },
    close() {
      recorder = null;
    },
  };
}
