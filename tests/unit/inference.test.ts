// The one inference path (src/lib/inference) and the orchestrators on top of it (benchmark,
// accuracy over the dev set, per-op profile), run against a fake engine and fake photos: load and
// prepare are separate, resizes are cached per input size, files are parsed once, models released.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openModel } from '../../src/lib/runtime/load.ts';
import type { ModelLoader } from '../../src/lib/runtime/index.ts';
import type { OpProfile, TensorData } from '../../src/lib/runtime/types.ts';
import { bytesSource, loadImageModel, PreparedImage, answerImage, classify, type ModelSource } from '../../src/lib/inference/index.ts';
import { CORRECT_STEPS } from '../../src/lib/image/prepare.ts';
import { benchmark } from '../../src/lib/bench/benchmark.ts';
import { BenchError } from '../../src/lib/bench/errors.ts';
import { classifyDevSet, evaluateOnDevSet } from '../../src/lib/eval/dev-set.ts';
import { profileModel } from '../../src/lib/bench/profile-run.ts';
import type { DevImage } from '../../src/lib/models.ts';
import { fakeEngine, ioOnlyModel } from './helpers/fake-engine.ts';

const SIZE = 4;
/** A float model and an 8-bit model of one input size: both answer "the class = brightest channel". */
const floatFile = ioOnlyModel([{ name: 'in', dtype: 'float32', shape: [1, SIZE, SIZE, 3] }], [{ name: 'out', dtype: 'float32', shape: [1, 3] }]);
const uint8File = ioOnlyModel(
  [{ name: 'in', dtype: 'uint8', shape: [1, SIZE, SIZE, 3], quantization: { scale: [1 / 127.5], zeroPoint: [127] } }],
  [{ name: 'out', dtype: 'uint8', shape: [1, 3], quantization: { scale: [1 / 256], zeroPoint: [0] } }],
);

function channelMeans(input: TensorData): number[] {
  const sums = [0, 0, 0];
  for (let i = 0; i < input.length; i++) sums[i % 3]! += input[i]!;
  return sums.map((s) => s / (input.length / 3));
}
/** One-hot on the brightest channel, as float probabilities or as uint8 (scale 1/256). */
const brightest = (dtype: 'float32' | 'uint8') => (inputs: readonly TensorData[]): TensorData[] => {
  const means = channelMeans(inputs[0]!);
  const top = means.indexOf(Math.max(...means));
  return [dtype === 'float32' ? Float32Array.from([0, 1, 2], (c) => (c === top ? 1 : 0)) : Uint8Array.from([0, 1, 2], (c) => (c === top ? 255 : 0))];
};

function fakeLoader(profile?: () => OpProfile[]) {
  const float = fakeEngine({ inputs: [{ dtype: 'float32', shape: [1, SIZE, SIZE, 3] }], outputs: [{ dtype: 'float32', shape: [1, 3] }], compute: brightest('float32'), profile });
  const uint8 = fakeEngine({ inputs: [{ dtype: 'uint8', shape: [1, SIZE, SIZE, 3] }], outputs: [{ dtype: 'uint8', shape: [1, 3] }], compute: brightest('uint8'), profile });
  const calls: { io: boolean; profiling: boolean | undefined }[] = [];
  const loader: ModelLoader = async (_id, bytes, options, io) => {
    calls.push({ io: !!io, profiling: options?.profiling });
    const engine = bytes.byteLength === floatFile.byteLength && bytes.every((b, i) => b === floatFile[i]) ? float : uint8;
    return openModel(engine.engine, bytes, options, io);
  };
  return { loader, calls, logs: [float.log, uint8.log] };
}

/** A photo whose pixels are one colour; counts how often it is resized. */
function solidPhoto(rgb: [number, number, number]) {
  const resizes: string[] = [];
  const image = new PreparedImage((h, w, steps) => {
    resizes.push(`${h}x${w}:${steps.channels}`);
    return Float32Array.from({ length: h * w * 3 }, (_, i) => rgb[i % 3]!);
  });
  return { image, resizes };
}

const sources: [ModelSource, ModelSource] = [bytesSource('float', 'float.tflite', floatFile), bytesSource('uint8', 'uint8.tflite', uint8File)];

afterEach(() => vi.unstubAllGlobals());

describe('PreparedImage', () => {
  it('resizes once per input size and steps, builds each dtype from the same bytes', () => {
    const { image, resizes } = solidPhoto([255, 0, 127.5]);
    const spec = { name: 'in', dtype: 'float32' as const, shape: [1, SIZE, SIZE, 3] };
    const first = image.inputFor(spec, sources[0].normalization);
    const again = image.inputFor({ ...spec, dtype: 'uint8', quantization: { scale: [1 / 127.5], zeroPoint: [127] } }, sources[0].normalization);
    expect(resizes).toEqual(['4x4:rgb']);
    expect(again.rgb).toBe(first.rgb);
    expect(Array.from(first.input.slice(0, 3))).toEqual([1, -1, 0]);
    expect(again.input).toBeInstanceOf(Uint8Array);
    image.inputFor(spec, sources[0].normalization, { ...CORRECT_STEPS, channels: 'bgr' });
    image.inputFor({ ...spec, shape: [1, 2, 2, 3] }, sources[0].normalization);
    expect(resizes).toEqual(['4x4:rgb', '4x4:bgr', '2x2:rgb']);
  });
});

describe('loadImageModel + answerImage', () => {
  it('answers from a prepared image; the 8-bit output is dequantized', async () => {
    const { loader } = fakeLoader();
    const { image } = solidPhoto([10, 200, 30]);
    for (const source of sources) {
      const model = await loadImageModel(source, 'litert', { loader });
      const answer = await answerImage(model, image);
      expect(answer.probs[1], source.id).toBeCloseTo(source.id === 'float' ? 1 : 255 / 256, 6);
      const top = await classify({ ...model, labels: ['a', 'b', 'c'] }, image, 2);
      expect(top.predictions[0]).toMatchObject({ index: 1, label: 'b' });
      model.model.dispose();
    }
  });

  it('warms up with one untimed run when asked', async () => {
    const { loader, logs } = fakeLoader();
    await loadImageModel(sources[0], 'litert', { loader, warmUp: true });
    expect(logs[0]!.runs).toHaveLength(1);
  });
});

describe('benchmark', () => {
  it('times every model on the given image, resized once, and releases every model', async () => {
    const { loader, logs } = fakeLoader();
    const { image, resizes } = solidPhoto([0, 0, 255]);
    const result = await benchmark(sources, { runtime: 'litert', threads: 1, plan: { warmup: 1, runs: 3 }, image, loader });
    expect(result.models.map((m) => [m.id, m.samples.length])).toEqual([['float', 3], ['uint8', 3]]);
    expect(result.ratios).toEqual([expect.objectContaining({ baseline: 'float', candidate: 'uint8' })]);
    expect(resizes).toEqual(['4x4:rgb']);
    expect(logs.map((l) => [l.runs.length, l.disposed])).toEqual([[4, 1], [4, 1]]);
  });

  it('names the model that fails to load, and releases the ones already loaded', async () => {
    const { loader, logs } = fakeLoader();
    const broken = bytesSource('broken', 'broken.tflite', new Uint8Array([1, 2, 3]));
    const failure = await benchmark([sources[0], broken], { runtime: 'litert', threads: 1, plan: { warmup: 0, runs: 3 }, image: solidPhoto([1, 2, 3]).image, loader }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BenchError);
    expect(failure).toMatchObject({ code: 'load-failed', modelId: 'broken' });
    expect(logs[0]!.disposed).toBe(1);
  });
});

describe('accuracy over the dev set', () => {
  const dev = (id: string, index: number): DevImage => ({ id, file: `${id}.jpg`, index_1001: index } as unknown as DevImage);

  it('loads without any benchmark photo, decodes each photo once and resizes it once for both models', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in unit tests')));
    vi.stubGlobal('fetch', fetchSpy);
    const { loader, logs } = fakeLoader();
    const opened: string[] = [];
    const closed: string[] = [];
    const photos: Record<string, ReturnType<typeof solidPhoto>> = { red: solidPhoto([255, 0, 0]), blue: solidPhoto([0, 0, 255]) };
    const run = await evaluateOnDevSet(sources, [dev('red', 0), dev('blue', 1)], {
      runtime: 'litert',
      threads: 1,
      loader,
      openPhoto: async (d) => {
        opened.push(d.id);
        return { image: photos[d.id]!.image, close: () => closed.push(d.id) };
      },
    });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(opened).toEqual(['red', 'blue']);
    expect(closed).toEqual(['red', 'blue']);
    expect(photos.red!.resizes).toEqual(['4x4:rgb']);
    // 3 outputs are not the ImageNet classes: the same run, agreement only, no rank against the labels.
    expect(run.indexing).toBeNull();
    expect(run.outcomes.map((o) => [o.trueIndex, ...o.answers.map((a) => [a.top1, a.rank])])).toEqual([[null, [0, null], [0, null]], [null, [2, null], [2, null]]]);
    expect(run.summary.models).toBeNull();
    expect(run.summary.agreeCount).toBe(2);
    // uint8 255 * 1/256 against float 1.0: |Δ| = 1/256 on one of the 3 values.
    expect(run.summary.outputDiff!.max).toBeCloseTo(1 / 256, 12);
    expect(run.summary.outputDiff!.mean).toBeCloseTo(1 / 256 / 3, 12);
    expect(logs.map((l) => l.disposed)).toEqual([1, 1]);
  });

  it('scores a 1001-way output against the photos’ ImageNet labels (index_1001)', async () => {
    const wide = (dtype: 'float32') => [{ name: 'out', dtype, shape: [1, 1001] }];
    const file = ioOnlyModel([{ name: 'in', dtype: 'float32', shape: [1, SIZE, SIZE, 3] }], wide('float32'));
    const engine = fakeEngine({
      inputs: [{ dtype: 'float32', shape: [1, SIZE, SIZE, 3] }],
      outputs: [{ dtype: 'float32', shape: [1, 1001] }],
      compute: (inputs) => [Float32Array.from({ length: 1001 }, (_, c) => (c === 1 + brightest('float32')(inputs)[0]!.indexOf(1) ? 1 : 0))],
    });
    const loader: ModelLoader = (_id, bytes, options, io) => openModel(engine.engine, bytes, options, io);
    const pair: [ModelSource, ModelSource] = [bytesSource('a', 'a.tflite', file), bytesSource('b', 'b.tflite', file)];
    const red = { ...dev('red', 1), index_1000: 0 } as DevImage; // red = channel 0 = output 1 ("background" is 0)
    const blue = { ...dev('blue', 1), index_1000: 0 } as DevImage; // labelled 1, answers 3
    const run = await evaluateOnDevSet(pair, [red, blue], { runtime: 'litert', threads: 1, loader, openPhoto: async (d) => ({ image: solidPhoto(d.id === 'red' ? [255, 0, 0] : [0, 0, 255]).image, close: () => {} }) });
    expect(run.indexing).toBe('index_1001');
    expect(run.outcomes.map((o) => [o.trueIndex, o.answers[0].rank])).toEqual([[1, 0], [1, 2]]); // blue answers 3: 0 (tie, lower index) and 3 rank above 1
    expect(run.summary.models!.map((m) => [m.top1Count, m.top5Count])).toEqual([[1, 2], [1, 2]]);
    expect(run.summary.outputDiff).toEqual({ mean: 0, max: 0 });
  });

  it('names the model whose run fails', async () => {
    const failing = fakeEngine({ inputs: [{ dtype: 'float32', shape: [1, SIZE, SIZE, 3] }], outputs: [{ dtype: 'float32', shape: [1, 3] }], compute: brightest('float32'), fail: 'invoke' });
    const loader: ModelLoader = (_id, bytes, options, io) => openModel(failing.engine, bytes, options, io);
    const failure = await classifyDevSet([sources[0]], [dev('red', 0)], {
      runtime: 'litert',
      threads: 1,
      loader,
      openPhoto: async () => ({ image: solidPhoto([255, 0, 0]).image, close: () => {} }),
    }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'run-failed', modelId: 'float' });
    expect(failing.log.disposed).toBe(1);
  });
});

describe('profileModel', () => {
  it('parses the file once (the runtime gets the specs) and averages the profiler per op type', async () => {
    let calls = 0;
    const { loader, calls: loads } = fakeLoader(() => {
      calls++;
      return Array.from({ length: calls }, () => [
        { nodeType: 'CONV_2D', nodeName: 'a', ms: 2 },
        { nodeType: 'SOFTMAX', nodeName: 'b', ms: 1 },
      ]).flat();
    });
    const result = await profileModel(sources[0], { threads: 1, image: solidPhoto([1, 2, 3]).image, warmup: 1, runs: 2, loader });
    expect(loads).toEqual([{ io: true, profiling: true }]);
    expect(result.id).toBe('float');
    expect(result.work).toEqual([]);
    expect(result.runs).toBeGreaterThan(0);
  });
});
