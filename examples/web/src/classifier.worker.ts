// The worker: load LiteRT.js and the model once, then classify every photo the page sends.
// Inference runs here, off the page's main thread, so the page never freezes.
import { loadAndCompile, loadLiteRt, Tensor } from '@litertjs/core';
import type { Prediction, Request, Response } from './messages.ts';

const SIZE = 224; // mobilenet_v1_0.25_224_quant: uint8 [1, 224, 224, 3] in, uint8 [1, 1001] out
const post = (message: Response) => self.postMessage(message);

// Steps 3 and 4, once: load the runtime from our own server, then load and compile the model.
const wasmDir = new URL('./wasm/', self.location.href).href;
// Options for the WASM glue. In a worker it looks for its .wasm file next to the worker script, so
// say where it is; and it prints INFO lines through console.error, so demote those.
(self as { Module?: object }).Module = {
  locateFile: (file: string) => wasmDir + file,
  printErr: (line: string) => (/^(INFO|WARNING|VERBOSE)\b/.test(line) ? console.debug : console.error)(line),
};

const ready = (async () => {
  await loadLiteRt(wasmDir, { threads: self.crossOriginIsolated });
  const model = await loadAndCompile('./mobilenet_v1_0.25_224_quant.tflite', {
    accelerator: 'wasm',
    cpuOptions: { numThreads: 2 },
  });
  const labels = (await (await fetch('./labels.txt')).text()).trimEnd().split('\n');
  return { model, labels };
})();

ready.then(
  () => post({ type: 'ready' }),
  (err: unknown) => post({ type: 'error', message: (err as Error).message }),
);

// Centre-crop the largest square, resize it to 224 × 224 and keep the R, G, B bytes.
function rgbBytes(image: ImageBitmap): Uint8Array<ArrayBuffer> {
  const side = Math.min(image.width, image.height);
  const canvas = new OffscreenCanvas(SIZE, SIZE);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(image, (image.width - side) / 2, (image.height - side) / 2, side, side, 0, 0, SIZE, SIZE);
  image.close();
  const rgba = ctx.getImageData(0, 0, SIZE, SIZE).data; // canvas pixels are R, G, B, A
  const rgb = new Uint8Array(SIZE * SIZE * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4) {
    rgb[j++] = rgba[i]!;
    rgb[j++] = rgba[i + 1]!;
    rgb[j++] = rgba[i + 2]!;
  }
  return rgb;
}

// Step 5, for every photo: uint8 input takes the raw bytes (its scale and zero point normalise them).
self.onmessage = async ({ data }: MessageEvent<Request>) => {
  try {
    const { model, labels } = await ready;
    const input = new Tensor(rgbBytes(data.image), [1, SIZE, SIZE, 3]);
    const start = performance.now();
    const [output] = await model.run(input);
    const inferenceMs = performance.now() - start;
    const scores = (output!.toTypedArray() as Uint8Array).slice(); // copy out of WASM memory
    input.delete(); // LiteRT.js memory is manual: delete every tensor
    output!.delete();
    const scale = 1 / 256; // this model's output quantization (zero point 0)
    const predictions: Prediction[] = [...scores.keys()]
      .sort((a, b) => scores[b]! - scores[a]!)
      .slice(0, 3)
      .map((i) => ({ label: labels[i]!, score: scores[i]! * scale })); // line 0 is "background"
    post({ id: data.id, type: 'result', predictions, inferenceMs });
  } catch (err) {
    post({ id: data.id, type: 'error', message: (err as Error).message });
  }
};
