// Typed view of assets.manifest.json: the only place that knows which models, photos and labels exist.
import { sitePath } from './site-path.ts';
import manifest from '../../assets.manifest.json' with { type: 'json' };

export type Locale = 'en' | 'ja';
export type Localized = Record<Locale, string>;
export type ModelDtype = 'float32' | 'uint8' | 'int8';

export interface PublishedAccuracy {
  /** ImageNet validation top-1 (%) of this model. */
  top1: number;
  /** Top-1 (%) of the float model it was made from. */
  float_top1: number;
  source: keyof typeof manifest.published_sources;
}

export interface FileEntry {
  id: string;
  file: string;
  source_url: string;
  sha256: string;
  bytes: number;
  license: string;
  attribution: string;
}

export interface ModelEntry extends FileEntry {
  name: Localized;
  architecture: string;
  width: number;
  resolution: number;
  dtype: ModelDtype;
  quantization: 'none' | 'qat-uint8' | 'ptq-int8' | 'dequantized-twin';
  normalization: { mean: number[]; std: number[] };
  labels: string;
  output: 'probabilities' | 'logits';
  has_metadata: boolean;
  published: PublishedAccuracy | null;
  /** Set on models the asset script computes from another manifest model. */
  derived_from?: string;
  method?: string;
}

/** Kind of a test model of another kind (kept out of the ImageNet classifier and benchmark pickers). */
export type ByoKind = 'object-detector' | 'text-classifier' | 'audio-classifier' | 'text-tokenizer' | 'text-test' | 'image-classifier';

/** A real .tflite file that is not one of the site's ImageNet MobileNets, for the inspector. */
export interface ByoModelEntry extends FileEntry {
  name: Localized;
  kind: ByoKind;
}

export interface SampleImage extends FileEntry {
  name: Localized;
}

export interface DevImage extends FileEntry {
  synset: string;
  index_1000: number;
  /** Index in the models' 1001-way output (0 is "background"). */
  index_1001: number;
  label_short: string;
  label_full: string;
}

export interface ModelPair {
  id: string;
  name: Localized;
  a: string;
  b: string;
}

export const publishedSources = manifest.published_sources;
export const sourceModels = manifest.models as ModelEntry[];
export const derivedModels = manifest.derived as ModelEntry[];
/** Every model the site serves, official ones first, then derived twins. */
export const models: readonly ModelEntry[] = [...sourceModels, ...derivedModels];
/** Models of other kinds (detector, audio, text...): inspector only. */
export const byoModels = manifest.byo as ByoModelEntry[];
export const labelFiles = manifest.labels as FileEntry[];
export const sampleImages = manifest.images as SampleImage[];
export const devImages = manifest.dev as DevImage[];
export const modelPairs = manifest.pairs as ModelPair[];

export function getModel(id: string): ModelEntry {
  const model = models.find((m) => m.id === id);
  if (!model) throw new Error(`Unknown model id "${id}"`);
  return model;
}

export function getPair(id: string): ModelPair | undefined {
  return modelPairs.find((p) => p.id === id);
}

export function getLabelFile(id: string): FileEntry {
  const file = labelFiles.find((l) => l.id === id);
  if (!file) throw new Error(`Unknown label file id "${id}"`);
  return file;
}

/** URL path of an asset (public/ is served at the site's base; sitePath() knows the base). */
export function assetUrl(entry: { file: string }): string {
  return sitePath(entry.file);
}

export function isQuantized(model: ModelEntry): boolean {
  return model.dtype !== 'float32';
}
