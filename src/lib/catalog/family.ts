// The model family the site ships, one entry per distinct model (the same network with extra
// metadata is not a different point on a latency/accuracy chart).
import { models, type ModelEntry } from '../models.ts';

export function familyModels(all: readonly ModelEntry[] = models): ModelEntry[] {
  const seen = new Set<string>();
  const out: ModelEntry[] = [];
  for (const m of all) {
    if (!m.architecture.startsWith('mobilenet')) continue;
    const key = [m.architecture, m.width, m.resolution, m.dtype, m.quantization].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}
