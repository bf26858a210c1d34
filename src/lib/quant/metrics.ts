// How far the dequantized values x̂ are from the originals x.

export interface ErrorMetrics {
  maxAbsError: number;
  meanAbsError: number;
  /** Signal-to-quantization-noise ratio: 10·log10(Σx² / Σ(x - x̂)²). Infinity when there is no error. */
  sqnrDb: number;
}

export function errorMetrics(x: ArrayLike<number>, xHat: ArrayLike<number>): ErrorMetrics {
  if (x.length !== xHat.length) throw new RangeError(`Length mismatch: ${x.length} vs ${xHat.length}`);
  if (x.length === 0) throw new RangeError('No values to compare');
  let maxAbs = 0;
  let sumAbs = 0;
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const e = v - xHat[i]!;
    const a = Math.abs(e);
    if (a > maxAbs) maxAbs = a;
    sumAbs += a;
    signal += v * v;
    noise += e * e;
  }
  const sqnrDb = noise === 0 ? Infinity : signal === 0 ? -Infinity : 10 * Math.log10(signal / noise);
  return { maxAbsError: maxAbs, meanAbsError: sumAbs / x.length, sqnrDb };
}
