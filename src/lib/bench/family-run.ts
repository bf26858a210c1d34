// The family chart's measurement: one interleaved benchmark of every model, then (optionally) one
// pass over the dev photos, with progress that names the step and counts every part, loading included.
import type { DevImage, ModelEntry } from '../models.ts';
import type { ModelLoader, RuntimeId } from '../runtime/index.ts';
import { manifestSource } from '../inference/source.ts';
import type { PreparedImage } from '../inference/prepared-image.ts';
import { classifyDevSet, type AccuracyOptions } from '../eval/dev-set.ts';
import { publishedTop1 } from '../catalog/published.ts';
import { benchmark } from './benchmark.ts';
import type { RunPlan } from './validate.ts';

export type FamilyProgress =
  | { step: 'loading'; modelId: string; done: number; total: number }
  | { step: 'timing'; done: number; total: number }
  | { step: 'accuracy'; done: number; total: number };

export interface FamilyPoint {
  id: string;
  sizeBytes: number;
  medianMs: number;
  p90Ms: number;
  /** Top-1 on the dev photos, %, or null when accuracy was skipped. */
  measuredTop1: number | null;
  publishedTop1: number | null;
}

export interface FamilyRun {
  points: FamilyPoint[];
  photos: number;
  runs: number;
  /** Wall-clock time of the whole measurement (loading, timing and accuracy), ms. */
  elapsedMs: number;
}

export async function measureFamily(
  family: readonly ModelEntry[],
  photos: readonly DevImage[],
  options: { runtime: RuntimeId; threads: number; plan: RunPlan; signal?: AbortSignal; onProgress?: (p: FamilyProgress) => void; loader?: ModelLoader; image?: PreparedImage; openPhoto?: AccuracyOptions['openPhoto'] },
): Promise<FamilyRun> {
  const started = performance.now();
  const sources = family.map((m) => manifestSource(m));
  const { runtime, threads, signal, loader } = options;
  let loaded = 0;
  const timed = await benchmark(sources, {
    runtime, threads, plan: options.plan, signal, loader, image: options.image,
    onStatus: (s) => {
      if (s.kind === 'loading') options.onProgress?.({ step: 'loading', modelId: s.modelId, done: loaded++, total: sources.length });
      if (s.kind === 'running') options.onProgress?.({ step: 'timing', done: s.done, total: s.total });
    },
  });
  let top1 = new Map<string, number>();
  if (photos.length > 0) {
    options.onProgress?.({ step: 'accuracy', done: 0, total: photos.length });
    const answers = await classifyDevSet(sources, photos, {
      runtime, threads, signal, loader, openPhoto: options.openPhoto,
      onProgress: (done, total) => options.onProgress?.({ step: 'accuracy', done, total }),
    });
    const n = answers.outcomes.length;
    // Outputs that are not the ImageNet classes have no top-1 against the photos' labels.
    if (answers.indexing) top1 = new Map(sources.map((s, i) => [s.id, (100 * answers.outcomes.filter((o) => o.answers[i]!.rank === 0).length) / n]));
  }
  const points = family.map((m): FamilyPoint => {
    const r = timed.models.find((x) => x.id === m.id)!;
    return { id: m.id, sizeBytes: m.bytes, medianMs: r.inference.median, p90Ms: r.inference.p90, measuredTop1: top1.get(m.id) ?? null, publishedTop1: publishedTop1(m)?.top1 ?? null };
  });
  return { points, photos: photos.length, runs: timed.runs, elapsedMs: performance.now() - started };
}
