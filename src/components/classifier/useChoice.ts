// What the reader chose (pair, runtime, classic mistake), read from and written back to the URL
// (?pair=&runtime=&mistake=; ?runs= is read only), so a link reproduces what the reader sees.
import { useEffect, useState } from 'preact/hooks';
import { modelPairs } from '../../lib/models.ts';
import { DEFAULT_RUNTIME, isRuntimeId, type RuntimeId } from '../../lib/runtime/index.ts';
import { isMistakeId, type MistakeId } from '../../lib/classify/mistakes.ts';

export interface Choice {
  pair: string;
  runtime: RuntimeId;
  mistake: MistakeId | null;
  /** Timed runs per photo (?runs=1..20, default 5): scripts that classify hundreds of photos use 1. */
  runs: number;
}

const DEFAULT_RUNS = 5;

function runsFrom(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 20 ? n : DEFAULT_RUNS;
}

function fromUrl(): Choice {
  const params = typeof location !== 'undefined' ? new URLSearchParams(location.search) : new URLSearchParams();
  const pair = params.get('pair');
  const runtime = params.get('runtime');
  const mistake = params.get('mistake');
  return {
    pair: modelPairs.some((p) => p.id === pair) ? pair! : modelPairs[0]!.id,
    runtime: isRuntimeId(runtime) ? runtime : DEFAULT_RUNTIME,
    mistake: isMistakeId(mistake) ? mistake : null,
    runs: runsFrom(params.get('runs')),
  };
}

export function useChoice(): [Choice, (change: Partial<Choice>) => void] {
  // Read on the client's first render, so that a ?runtime= link never loads the default runtime first.
  const [choice, setChoice] = useState<Choice>(fromUrl);
  useEffect(() => {
    if (typeof history === 'undefined') return;
    const url = new URL(location.href);
    url.searchParams.set('pair', choice.pair);
    url.searchParams.set('runtime', choice.runtime);
    if (choice.mistake) url.searchParams.set('mistake', choice.mistake);
    else url.searchParams.delete('mistake');
    history.replaceState(history.state, '', url);
  }, [choice.pair, choice.runtime, choice.mistake]);
  return [choice, (change) => setChoice((c) => ({ ...c, ...change }))];
}
