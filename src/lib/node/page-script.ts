// Bundles a measurement script (bench/*-page.ts) into one classic script that a Node-driven page can
// inject with page.addScriptTag: the site's own lib code, with tfjs-tflite's self-contained module
// (its package entry imports a file it does not ship; see NOTES.md).
import { build } from 'esbuild';

export async function bundlePageScript(root: string, entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    alias: { '@tensorflow/tfjs-tflite': './node_modules/@tensorflow/tfjs-tflite/dist/tf-tflite.fesm.js' },
    absWorkingDir: root,
  });
  return result.outputFiles[0]!.text;
}
