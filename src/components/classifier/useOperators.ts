// Operator counts of a manifest model, read from its file (the HTTP cache serves the bytes the
// runtime already downloaded), for the "life of one inference" diagram.
import { useEffect, useState } from 'preact/hooks';
import type { ModelEntry } from '../../lib/models.ts';
import { fetchModelBytes } from '../../lib/inference/source.ts';
import { operatorHistogram, parseTflite } from '../../lib/tflite/reader.ts';

const cache = new Map<string, Promise<Record<string, number> | null>>();

export function useOperators(entry: ModelEntry | null): Record<string, number> | null {
  const [ops, setOps] = useState<Record<string, number> | null>(null);
  const id = entry?.id;
  useEffect(() => {
    if (!entry) return;
    let live = true;
    let counts = cache.get(entry.id);
    if (!counts) {
      counts = fetchModelBytes(entry).then((bytes) => operatorHistogram(parseTflite(bytes)), () => null);
      cache.set(entry.id, counts);
    }
    void counts.then((c) => live && setOps(c));
    return () => {
      live = false;
    };
    // The entry object is re-created on every render; its id says whether it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  return ops;
}
