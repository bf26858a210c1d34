// Label files: one class name per line, line i is output index i (line 0 is "background").
import { assetUrl, getLabelFile, type ModelEntry } from '../models.ts';

export function parseLabels(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.map((l) => l.trim());
}

const cache = new Map<string, Promise<string[]>>();

/** The label list a manifest model names, fetched once per page. */
export function loadLabels(model: ModelEntry): Promise<string[]> {
  const url = assetUrl(getLabelFile(model.labels));
  let labels = cache.get(url);
  if (!labels) {
    labels = fetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`Could not download the labels (${url}): HTTP ${res.status}`);
      return parseLabels(await res.text());
    });
    labels.catch(() => cache.delete(url));
    cache.set(url, labels);
  }
  return labels;
}

/** The label of output `index`; `dropped` > 0 reads a label file whose first lines were removed. */
export function labelOf(labels: readonly string[], index: number, dropped = 0): string {
  return labels[index + dropped] ?? `#${index}`;
}
