// After a photo is classified: bring the answer into view and give it focus (the verdict is what
// the reader is waiting for), and announce it to screen readers. Camera frames do neither.
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../lib/models.ts';
import type { ModelSession } from '../../lib/classify/session.ts';
import { translator } from '../../i18n/translate.ts';
import { classifierStrings } from '../../i18n/classifier.ts';
import type { Outcome } from './useClassify.ts';

export function useReveal(ref: { current: HTMLElement | null }, outcome: Outcome | null): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || !outcome || outcome.source !== 'file') return;
    const box = el.getBoundingClientRect();
    const fits = box.top >= 0 && Math.min(box.bottom, box.top + 320) <= innerHeight;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (!fits) el.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
    el.focus({ preventScroll: true });
    // Once per new result (the ref is stable; the outcome object changes with the run number).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outcome?.run]);
}

export function useAnnouncement(outcome: Outcome | null, lang: Locale): string {
  const t = translator(classifierStrings, lang);
  if (!outcome || outcome.source !== 'file') return '';
  const parts = outcome.models.map(({ session, result, timing }) => {
    const top = result.predictions[0]!;
    return t('announce', { model: session.entry.name[lang], label: top.label, pct: (top.prob * 100).toFixed(0), ms: timing.median.toFixed(0) });
  });
  if (outcome.image.incomplete) parts.unshift(t('incompleteImage'));
  return parts.join(' ');
}

/** Engine memory after each classification (diagnostics for bench/classifier-timing.ts). */
export function useMemoryReadout(sessions: ModelSession[], run: number | undefined): { heap: number | null; tensors: number | null } {
  const [memory, setMemory] = useState<{ heap: number | null; tensors: number | null }>({ heap: null, tensors: null });
  useEffect(() => {
    const engine = sessions[0]?.model;
    if (!engine || run === undefined) return;
    try {
      setMemory({ heap: engine.wasmHeapBytes?.() ?? null, tensors: engine.tfjsTensorCount?.() ?? null });
    } catch {
      // A diagnostic readout must never break classification.
    }
  }, [sessions, run]);
  return memory;
}
