// The page: decode a photo, hand it to the worker, show the top three labels.
import type { Request, Response } from './messages.ts';

// A classic worker (Vite bundles it as one file): LiteRT.js loads its WASM glue with importScripts().
const worker = new Worker(new URL('./classifier.worker.ts', import.meta.url));
const photo = document.querySelector<HTMLImageElement>('#photo')!;
const file = document.querySelector<HTMLInputElement>('#file')!;
const status = document.querySelector<HTMLParagraphElement>('#status')!;
const results = document.querySelector<HTMLOListElement>('#results')!;
let nextId = 0;

worker.onmessage = ({ data }: MessageEvent<Response>) => {
  if (data.type === 'ready') {
    void classify();
  } else if (data.type === 'result') {
    status.textContent = `Done in ${data.inferenceMs.toFixed(1)} ms.`;
    results.replaceChildren(
      ...data.predictions.map(({ label, score }) => {
        const item = document.createElement('li');
        item.textContent = `${label} (${score.toFixed(2)})`;
        return item;
      }),
    );
  } else {
    status.textContent = `Error: ${data.message}`;
  }
};

async function classify() {
  await photo.decode();
  const image = await createImageBitmap(photo);
  status.textContent = 'Classifying…';
  const request: Request = { id: nextId++, image };
  worker.postMessage(request, [image]); // transfer, do not copy
}

file.onchange = () => {
  const chosen = file.files?.[0];
  if (!chosen) return;
  URL.revokeObjectURL(photo.src);
  photo.src = URL.createObjectURL(chosen);
  void classify().catch((err: unknown) => {
    status.textContent = `This file could not be read as an image (${(err as Error).message}).`;
  });
};
