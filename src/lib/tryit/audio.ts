// Cutting a mono waveform into the fixed windows an audio classifier takes, and following the
// top classes over time.

/** Consecutive windows of `size` samples, `hop` apart; a tail shorter than a window is dropped. */
export function frameWaveform(samples: Float32Array, size: number, hop = size): { start: number; frame: Float32Array }[] {
  if (size <= 0 || hop <= 0) throw new Error('Window size and hop must be positive');
  const frames: { start: number; frame: Float32Array }[] = [];
  for (let start = 0; start + size <= samples.length; start += hop) frames.push({ start, frame: samples.subarray(start, start + size) });
  return frames;
}

/** Mixes channels down to mono by averaging. */
export function toMono(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const n = Math.min(...channels.map((c) => c.length));
  const out = new Float32Array(n);
  for (const c of channels) for (let i = 0; i < n; i++) out[i] = out[i]! + c[i]! / channels.length;
  return out;
}
