// The pure parts of LiteRT.js in a Web Worker: where LiteRT.js runs, which buffers move with a
// message, errors crossing postMessage, and timing an engine that reports its own invoke time.
import { describe, expect, it } from 'vitest';
import { liteRtPlacement, DEFAULT_LITERT_PLACEMENT } from '../../src/lib/runtime/environment.ts';
import { errorReply, replyError, transferables } from '../../src/lib/runtime/litert-worker/protocol.ts';
import { openModel } from '../../src/lib/runtime/load.ts';
import { RuntimeError, type Engine } from '../../src/lib/runtime/types.ts';
import { runsOffMainThread } from '../../src/lib/runtime/index.ts';
import { fakeEngine, ioOnlyModel } from './helpers/fake-engine.ts';

describe('liteRtPlacement', () => {
  it('follows ?litert= and falls back to the default for anything else', () => {
    expect(liteRtPlacement('?litert=worker', true)).toBe('worker');
    expect(liteRtPlacement('?model=a&litert=page', true)).toBe('page');
    expect(liteRtPlacement('', true)).toBe(DEFAULT_LITERT_PLACEMENT);
    expect(liteRtPlacement('?litert=gpu', true)).toBe(DEFAULT_LITERT_PLACEMENT);
  });
  it('stays in the page where the browser has no workers', () => {
    expect(liteRtPlacement('?litert=worker', false)).toBe('page');
  });
});

describe('runsOffMainThread', () => {
  it('is true only for LiteRT.js, and only where workers exist', () => {
    expect(typeof Worker).toBe('undefined');
    expect(runsOffMainThread('litert')).toBe(false);
    expect(runsOffMainThread('tfjs-tflite')).toBe(false);
    (globalThis as { Worker?: unknown }).Worker = class {};
    try {
      expect(runsOffMainThread('litert')).toBe(true);
      expect(runsOffMainThread('tfjs-tflite')).toBe(false);
    } finally {
      delete (globalThis as { Worker?: unknown }).Worker;
    }
  });
});

describe('transferables', () => {
  it('lists each ArrayBuffer once, and never a SharedArrayBuffer (which cannot be transferred)', () => {
    const shared = new ArrayBuffer(16);
    const a = new Float32Array(shared, 0, 2);
    const b = new Uint8Array(shared, 8, 4);
    const c = new Int8Array(3);
    const onShared = new Int32Array(new SharedArrayBuffer(8));
    expect(transferables([a, b, c, onShared])).toEqual([shared, c.buffer]);
    expect(transferables([])).toEqual([]);
  });
});

describe('worker errors', () => {
  it('keep their RuntimeError code across postMessage', () => {
    const reply = errorReply(7, new RuntimeError('LiteRT.js cannot return outputs', 'unsupported'));
    expect(reply).toEqual({ id: 7, ok: false, error: { message: 'LiteRT.js cannot return outputs', code: 'unsupported' } });
    const back = replyError(structuredClone(reply as Extract<typeof reply, { ok: false }>).error);
    expect(back).toBeInstanceOf(RuntimeError);
    expect(back.code).toBe('unsupported');
  });
  it('turn anything else into run-failed with its message', () => {
    expect(errorReply(1, new TypeError('boom'))).toEqual({ id: 1, ok: false, error: { message: 'boom', code: 'run-failed' } });
    expect(errorReply(2, 'plain')).toEqual({ id: 2, ok: false, error: { message: 'plain', code: 'run-failed' } });
  });
});

describe('an engine that times its own invoke (the worker)', () => {
  const file = ioOnlyModel([{ name: 'x', dtype: 'float32', shape: [2] }], [{ name: 'y', dtype: 'float32', shape: [2] }]);
  const spec = { inputs: [{ dtype: 'float32', shape: [2] }], outputs: [{ dtype: 'float32', shape: [2] }] };

  /** The fake engine, with invoke taking `wallMs` of wall time and reporting `remoteMs` as its own. */
  function remoteEngine(wallMs: number, remoteMs: number): Engine {
    const { engine } = fakeEngine({ ...spec, compute: ([x]) => [Float32Array.from(x!, (v) => v * 2)] });
    return {
      ...engine,
      async compile(bytes, options) {
        const model = await engine.compile(bytes, options);
        const invoke = model.invoke.bind(model);
        return Object.assign(model, {
          invoke: async () => {
            await invoke();
            await new Promise((r) => setTimeout(r, wallMs));
            return remoteMs;
          },
        });
      },
    };
  }

  it('reports the engine time as inference and the rest of the round trip as copy time', async () => {
    const model = await openModel(remoteEngine(30, 5), file);
    const { output, inferenceMs, copyMs } = await model.run(Float32Array.of(1, 2));
    expect(output).toEqual(Float32Array.of(2, 4));
    expect(inferenceMs).toBe(5);
    expect(copyMs).toBeGreaterThanOrEqual(20); // the 30 ms of messaging, not hidden in inference
  });
});
