// Derived models (e.g. the float32 twin of an int8 model) are computed from a manifest model,
// then verified against the sha256 recorded in the manifest, like any downloaded file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AssetError, describeMismatch, isPresentAndCorrect, writeAtomically, type Outcome } from './materialize.ts';
import { makeFloatTwin } from '../../src/lib/tflite/twin.ts';

export interface DerivedAsset {
  id: string;
  file: string;
  sha256: string;
  bytes: number;
  derived_from: string;
  method: string;
}

export type Deriver = (source: Uint8Array) => Uint8Array;

/** Methods by name; a manifest entry names its method, so adding a derived model needs no code. */
export const derivers: Record<string, Deriver> = {
  // Dequantized weights, float activations, no QUANTIZE/DEQUANTIZE: see src/lib/tflite/twin.ts.
  'float32-twin': (source) => makeFloatTwin(source).bytes,
};

export async function deriveAll(
  derived: readonly DerivedAsset[],
  models: readonly { id: string; file: string }[],
  publicDir: string,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const asset of derived) {
    const target = join(publicDir, asset.file);
    if (await isPresentAndCorrect(target, { ...asset, source_url: '' })) {
      outcomes.push('present');
      continue;
    }
    const source = models.find((m) => m.id === asset.derived_from);
    if (!source) throw new AssetError(`${asset.file}: derived from unknown model id "${asset.derived_from}"`);
    const derive = derivers[asset.method];
    if (!derive) throw new AssetError(`${asset.file}: unknown derivation method "${asset.method}"`);
    const bytes = derive(new Uint8Array(await readFile(join(publicDir, source.file))));
    const mismatch = describeMismatch({ ...asset, source_url: '' }, bytes, `the ${asset.method} derived from ${source.file}`);
    if (mismatch) throw new AssetError(mismatch);
    await writeAtomically(target, bytes);
    outcomes.push('derived');
  }
  return outcomes;
}
