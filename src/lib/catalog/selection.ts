// Which models the benchmark lab starts with: presets from the manifest's pairs (plus each derived
// float twin against the model it was derived from), and the `?model=` query parameter.
import { models, modelPairs, type Localized } from '../models.ts';

export interface Preset {
  id: string;
  name: Localized;
  ids: [string, string];
}

export function presets(): Preset[] {
  const fromPairs: Preset[] = modelPairs.map((p) => ({ id: p.id, name: p.name, ids: [p.a, p.b] as [string, string] }));
  const covered = (a: string, b: string) => fromPairs.some((p) => p.ids.includes(a) && p.ids.includes(b));
  // A derived float twin is the cleanest speed comparison there is: offer it even when no pair names it.
  const twins: Preset[] = models
    .filter((m) => m.derived_from && models.some((o) => o.id === m.derived_from) && !covered(m.id, m.derived_from))
    .map((m) => {
      const of = models.find((o) => o.id === m.derived_from)!;
      return { id: `twin-${m.id}`, name: { en: `${m.name.en} vs ${of.name.en}`, ja: `${m.name.ja} と ${of.name.ja}` }, ids: [m.id, of.id] as [string, string] };
    });
  const all = [...fromPairs, ...twins];
  // Pairs with a derived twin first: same graph, same weights, only the arithmetic differs.
  const isTwinPair = (p: Preset) => p.ids.some((id) => models.find((m) => m.id === id)?.derived_from);
  return [...all.filter(isTwinPair), ...all.filter((p) => !isTwinPair(p))];
}

/** The default: the first preset (the v2 float twin vs int8 when the twin exists). */
export function defaultSelection(): string[] {
  const first = presets()[0];
  return first ? [...first.ids] : models.slice(0, 2).map((m) => m.id);
}

/**
 * Selection from `?model=` values (repeatable, or comma-separated). One known model is paired with
 * its preset partner so there is something to compare; unknown ids are ignored.
 */
export function selectionFromQuery(values: string[], known: (id: string) => boolean): string[] | null {
  const ids = [...new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v && known(v)))];
  if (ids.length === 0) return null;
  if (ids.length >= 2) return ids;
  const only = ids[0]!;
  const partner = presets().find((p) => p.ids.includes(only));
  if (partner) return [...partner.ids];
  const fallback = defaultSelection().find((id) => id !== only);
  return fallback ? [only, fallback] : [only];
}
