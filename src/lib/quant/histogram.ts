// Equal-width histogram bins over [lo, hi]; the last bin includes hi.

export interface Bin {
  x0: number;
  x1: number;
  count: number;
}

export function histogram(values: ArrayLike<number>, binCount: number, domain?: [number, number]): Bin[] {
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError(`Bin count must be a positive integer, got ${binCount}`);
  let lo = domain?.[0] ?? Infinity;
  let hi = domain?.[1] ?? -Infinity;
  if (!domain) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo === Infinity) [lo, hi] = [0, 0];
  }
  if (hi < lo) throw new RangeError(`Empty domain [${lo}, ${hi}]`);
  // A single value still gets a bin of non-zero width.
  if (hi === lo) [lo, hi] = [lo - 0.5, hi + 0.5];
  const width = (hi - lo) / binCount;
  const bins: Bin[] = Array.from({ length: binCount }, (_, k) => ({ x0: lo + k * width, x1: k === binCount - 1 ? hi : lo + (k + 1) * width, count: 0 }));
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo || v > hi) continue;
    const k = Math.min(binCount - 1, Math.floor((v - lo) / width));
    bins[k]!.count++;
  }
  return bins;
}
