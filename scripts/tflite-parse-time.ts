// Measures how long parseTflite takes on the site's models (median of repeated parses, after a
// warm-up), in Node. Usage: npx tsx scripts/tflite-parse-time.ts [runs]
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { models } from '../src/lib/models.ts';
import { parseTflite } from '../src/lib/tflite/reader.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const runs = Number(process.argv[2] ?? 50);

for (const entry of models) {
  const bytes = new Uint8Array(await readFile(join(root, 'public', entry.file)));
  for (let i = 0; i < 5; i++) parseTflite(bytes);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    parseTflite(bytes);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${entry.id.padEnd(40)} ${(bytes.length / 1e6).toFixed(1).padStart(5)} MB  median ${median.toFixed(2)} ms  max ${times.at(-1)!.toFixed(2)} ms  (${runs} runs)`);
}
