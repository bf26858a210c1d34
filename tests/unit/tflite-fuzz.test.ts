// Bad input for the .tflite reader: every outcome is either a parsed model or a TfliteParseError
// with a specific code; never a RangeError, a TypeError or a hang (vitest's timeout guards that).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainSubgraph, parseTflite } from '../../src/lib/tflite/reader.ts';
import { TfliteParseError, type TfliteModel } from '../../src/lib/tflite/types.ts';
import { seededRandom } from '../../src/lib/random.ts';

const publicDir = join(import.meta.dirname, '../../public');
const load = (file: string) => new Uint8Array(readFileSync(join(publicDir, file)));

type Outcome = 'parsed' | TfliteParseError['code'];

function attempt(bytes: Uint8Array): Outcome {
  try {
    const model = parseTflite(bytes);
    // Touch what a consumer touches, so lazily wrong data would surface here too.
    for (const sg of model.subgraphs) for (const t of sg.tensors) void t.data?.length;
    return 'parsed';
  } catch (error) {
    if (!(error instanceof TfliteParseError)) throw new Error(`Not a TfliteParseError: ${String(error)}`, { cause: error });
    expect(error.message.length).toBeGreaterThan(10);
    return error.code;
  }
}

/** Byte ranges outside weight data: the tables, vtables, strings and vectors worth corrupting. */
function structureBytes(model: TfliteModel, size: number): number[] {
  const inData = new Uint8Array(size);
  for (const t of mainSubgraph(model).tensors) {
    if (t.data) inData.fill(1, t.data.byteOffset, t.data.byteOffset + t.data.byteLength);
  }
  const positions: number[] = [];
  for (let i = 0; i < size; i++) if (!inData[i]) positions.push(i);
  return positions;
}

const fuzzModels = [
  'models/mobilenet_v1_0.25_224_quant.tflite', // metadata + appended zip
  'models/mobilenet_v1_0.25_224_1_default_1.tflite', // float, TOCO layout
  'models/tf2_mobilenet_v2_1.0_224_ptq.tflite', // per-channel int8, MLIR layout
];

describe('fuzzing with truncated and bit-flipped copies of real models', () => {
  for (const file of fuzzModels) {
    it(`${file}: 1000 corrupted copies each parse or throw TfliteParseError`, () => {
      const original = load(file);
      const structure = structureBytes(parseTflite(original), original.length);
      const random = seededRandom(0x7f1e + original.length);
      const work = original.slice();
      const outcomes: Record<string, number> = {};
      const count = (o: Outcome) => (outcomes[o] = (outcomes[o] ?? 0) + 1);

      // 300 truncations, biased towards the start and the end where the tables and zip live.
      for (let i = 0; i < 300; i++) {
        const r = random();
        const length = i % 3 === 0 ? Math.floor(r * 4096) : i % 3 === 1 ? original.length - 1 - Math.floor(r * 70_000) : Math.floor(r * original.length);
        count(attempt(original.subarray(0, Math.max(0, length))));
      }
      // 700 copies with 1-16 flipped bits, mostly in the structure (flips in weights change nothing).
      for (let i = 0; i < 700; i++) {
        const flips = 1 + Math.floor(random() * 16);
        const touched: number[] = [];
        for (let k = 0; k < flips; k++) {
          const pos = random() < 0.85 ? structure[Math.floor(random() * structure.length)]! : Math.floor(random() * original.length);
          touched.push(pos);
          work[pos]! ^= 1 << Math.floor(random() * 8);
        }
        count(attempt(work));
        for (const pos of touched) work[pos] = original[pos]!;
      }
      // Both kinds of outcome must occur, or the fuzzing did not reach the checks.
      expect(outcomes.parsed ?? 0).toBeGreaterThan(0);
      expect(1000 - (outcomes.parsed ?? 0)).toBeGreaterThan(100);
      expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(1000);
    });
  }
});

describe('specific bad files', () => {
  const model = load('models/mobilenet_v1_0.25_224_quant.tflite');

  const codeOf = (bytes: Uint8Array): string => {
    try {
      parseTflite(bytes);
      return 'parsed';
    } catch (error) {
      return error instanceof TfliteParseError ? error.code : `foreign ${String(error)}`;
    }
  };

  it('rejects a JPEG (not a FlatBuffer) by its identifier', () => {
    expect(codeOf(load('images/grace_hopper.jpg'))).toBe('bad-identifier');
  });

  it('rejects a wrong identifier and names what it found', () => {
    const copy = model.slice();
    copy.set(new TextEncoder().encode('TFL2'), 4);
    expect(() => parseTflite(copy)).toThrow(/"TFL3".*"TFL2"/);
  });

  it('rejects empty and tiny files as too small', () => {
    expect(codeOf(new Uint8Array(0))).toBe('too-small');
    expect(codeOf(model.subarray(0, 7))).toBe('too-small');
  });

  it('rejects a truncated model with out-of-bounds', () => {
    expect(codeOf(model.subarray(0, 1000))).toBe('out-of-bounds');
  });

  it('rejects a root offset pointing outside the file', () => {
    const copy = model.slice();
    new DataView(copy.buffer).setUint32(0, 0xfffffff0, true);
    expect(codeOf(copy)).toBe('out-of-bounds');
  });

  it('rejects a vector whose length runs past the end of the file', () => {
    // The subgraph's tensor vector: find it through the parse, then inflate its length field.
    const parsed = parseTflite(model);
    const firstTensorName = new TextEncoder().encode(mainSubgraph(parsed).tensors[0]!.name);
    const copy = model.slice();
    const view = new DataView(copy.buffer);
    // Every string is stored as u32 length + bytes: inflate the first tensor name's length.
    let at = -1;
    for (let i = 0; i + 4 + firstTensorName.length <= copy.length && at < 0; i++) {
      if (view.getUint32(i, true) === firstTensorName.length && copy.subarray(i + 4, i + 4 + firstTensorName.length).every((b, k) => b === firstTensorName[k])) at = i;
    }
    expect(at).toBeGreaterThan(0);
    view.setUint32(at, 0x7fffffff, true);
    expect(codeOf(copy)).toBe('out-of-bounds');
  });

  it('refuses files over the size limit before reading them', () => {
    expect(codeOf(new Uint8Array(2048))).toBe('bad-identifier');
    expect(() => parseTflite(model, { maxBytes: 1000 })).toThrow(expect.objectContaining({ code: 'too-large' }));
  });

  it('handles 200 MB inputs without hanging: zeros, and a real model padded to 200 MB', () => {
    const big = new Uint8Array(200 * 1024 * 1024);
    expect(codeOf(big)).toBe('bad-identifier');
    big.set(new TextEncoder().encode('TFL3'), 4);
    expect(codeOf(big)).toBe('malformed'); // root offset 0: a table whose vtable has size 0
    big.fill(0, 0, 8);
    big.set(model, 0);
    // The model itself still parses; the padding only pushes its appended zip away from the end.
    const parsed = parseTflite(big);
    expect(mainSubgraph(parsed).operators).toHaveLength(31);
    expect(parsed.byteLength).toBe(big.length);
  });

  it('reports a broken appended zip as a warning and keeps the model', () => {
    const copy = model.slice();
    // The end-of-central-directory record sits in the last 22 bytes; break the central directory offset.
    new DataView(copy.buffer).setUint32(copy.length - 22 + 16, 0x7ffffff0, true);
    const parsed = parseTflite(copy);
    expect(mainSubgraph(parsed).tensors).toHaveLength(89);
    expect(parsed.warnings.join(' ')).toMatch(/zip/);
  });
});
