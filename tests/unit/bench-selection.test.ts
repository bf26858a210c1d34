import { describe, expect, it } from 'vitest';
import { defaultSelection, presets, selectionFromQuery } from '../../src/lib/catalog/selection.ts';
import { models } from '../../src/lib/models.ts';

const known = (id: string) => models.some((m) => m.id === id);

describe('benchmark lab selection', () => {
  it('offers every manifest pair once, the derived-twin pair first', () => {
    const all = presets();
    const keys = all.map((p) => [...p.ids].sort().join('+'));
    expect(new Set(keys).size).toBe(keys.length);
    expect(all[0]!.ids).toEqual(['mobilenet_v2_1.0_224_float_twin', 'mobilenet_v2_1.0_224_int8']);
    expect(defaultSelection()).toEqual(['mobilenet_v2_1.0_224_float_twin', 'mobilenet_v2_1.0_224_int8']);
    for (const p of all) for (const id of p.ids) expect(known(id), id).toBe(true);
  });

  it('reads ?model= (repeated or comma-separated), ignoring unknown ids', () => {
    expect(selectionFromQuery(['mobilenet_v1_0.25_224_float', 'mobilenet_v1_0.25_224_uint8'], known)).toEqual([
      'mobilenet_v1_0.25_224_float',
      'mobilenet_v1_0.25_224_uint8',
    ]);
    expect(selectionFromQuery(['mobilenet_v1_0.25_224_uint8,nope,mobilenet_v1_0.5_160_uint8'], known)).toEqual([
      'mobilenet_v1_0.25_224_uint8',
      'mobilenet_v1_0.5_160_uint8',
    ]);
    expect(selectionFromQuery(['nope'], known)).toBeNull();
    expect(selectionFromQuery([], known)).toBeNull();
  });

  it('pairs a single model with its partner so there is something to compare', () => {
    expect(selectionFromQuery(['mobilenet_v1_0.25_224_uint8'], known)).toEqual(['mobilenet_v1_0.25_224_float', 'mobilenet_v1_0.25_224_uint8']);
    const lone = selectionFromQuery(['mobilenet_v1_0.75_192_uint8'], known)!;
    expect(lone[0]).toBe('mobilenet_v1_0.75_192_uint8');
    expect(lone).toHaveLength(2);
  });
});
