// Injected into a page of the built site by bench/input-flips.ts: for every dev photo, the 8-bit
// model's top-1 with the raw RGB bytes (what the site feeds now, as the official examples do) and
// with the normalised value re-quantized from the unrounded resize (what it fed before).
import { devImages, getModel, assetUrl } from '../src/lib/models.ts';
import { loadModel, type RuntimeId } from '../src/lib/runtime/index.ts';
import { fetchModelBytes } from '../src/lib/inference/source.ts';
import { buildInput, centerSquarePixels, decodeImageBlob, imageInputSize, inputQuantization, resizeBilinearRgb, roundToBytes } from '../src/lib/image/index.ts';
import { argmax, toProbabilities } from '../src/lib/classify/output.ts';
import { quantizeValue } from '../src/lib/quant/quantize.ts';

interface FlipReport {
  model: string;
  runtime: string;
  n: number;
  flips: string[];
  top1Raw: number;
  top1Requantized: number;
  bytesDiffering: number;
  maxLevelDiff: number;
}

async function flips(modelId: string, runtime: RuntimeId): Promise<FlipReport> {
  const entry = getModel(modelId);
  const model = await loadModel(runtime, await fetchModelBytes(entry), { threads: 1 });
  const spec = model.inputs[0]!;
  const { height, width } = imageInputSize(spec);
  const { scale, zeroPoint, lo, hi } = inputQuantization(spec);
  const report: FlipReport = { model: modelId, runtime, n: 0, flips: [], top1Raw: 0, top1Requantized: 0, bytesDiffering: 0, maxLevelDiff: 0 };
  let total = 0;
  for (const dev of devImages) {
    const image = await decodeImageBlob(await (await fetch(assetUrl(dev))).blob());
    const resized = resizeBilinearRgb(centerSquarePixels(image), width, height);
    image.close();
    const raw = buildInput(roundToBytes(resized), spec, entry.normalization);
    const mean = entry.normalization.mean[0]!;
    const std = entry.normalization.std[0]!;
    const requantized = raw instanceof Uint8Array ? new Uint8Array(raw.length) : new Int8Array(raw.length);
    for (let i = 0; i < resized.length; i++) requantized[i] = quantizeValue((resized[i]! - mean) / std, scale, zeroPoint, lo, hi);
    for (let i = 0; i < raw.length; i++) {
      const d = Math.abs(raw[i]! - requantized[i]!);
      if (d) report.bytesDiffering++;
      report.maxLevelDiff = Math.max(report.maxLevelDiff, d);
    }
    total += raw.length;
    const top = async (input: Parameters<typeof model.run>[0]) => argmax(toProbabilities((await model.run(input)).output, model.outputs[0]!, entry.output));
    const a = await top(raw);
    const b = await top(requantized);
    if (a !== b) report.flips.push(`${dev.id}: ${b} -> ${a}`);
    if (a === dev.index_1001) report.top1Raw++;
    if (b === dev.index_1001) report.top1Requantized++;
    report.n++;
  }
  report.bytesDiffering /= total;
  model.dispose();
  return report;
}

(window as unknown as { inputFlips: typeof flips }).inputFlips = flips;
