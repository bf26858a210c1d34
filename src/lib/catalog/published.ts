// Published ImageNet top-1 for a model, from the manifest, with its source. Where the exact file has
// no published number, the closest published model of the same architecture, width and resolution
// is returned and marked as such, so the page never passes off one model's number as another's.
import { models, publishedSources, type ModelEntry } from '../models.ts';

export interface PublishedTop1 {
  /** ImageNet validation top-1, %. */
  top1: number;
  /** The model the number belongs to (this one, or the closest published relative). */
  modelId: string;
  exact: boolean;
  /** The number is the float top-1 of the model `modelId` was quantized from, not of `modelId` itself. */
  ofFloatOriginal: boolean;
  source: { title: string; url: string };
}

function sourceOf(key: string): { title: string; url: string } {
  const s = (publishedSources as Record<string, { title: string; url: string }>)[key];
  return s ? { title: s.title, url: s.url } : { title: key, url: '' };
}

export function publishedTop1(entry: ModelEntry): PublishedTop1 | null {
  if (entry.published) return { top1: entry.published.top1, modelId: entry.id, exact: true, ofFloatOriginal: false, source: sourceOf(entry.published.source) };
  const relative = models.find(
    (m) => m.published && m.architecture === entry.architecture && m.width === entry.width && m.resolution === entry.resolution,
  );
  if (!relative?.published) return null;
  // A float model's closest published number is the float top-1 of its quantized relative.
  const ofFloatOriginal = entry.dtype === 'float32';
  const top1 = ofFloatOriginal ? relative.published.float_top1 : relative.published.top1;
  return { top1, modelId: relative.id, exact: false, ofFloatOriginal, source: sourceOf(relative.published.source) };
}
