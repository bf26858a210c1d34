// Runs both models on one photo: the correct pipeline (timed over a few runs: median and spread),
// plus the chosen classic mistake when there is one. Photos arriving meanwhile queue and only the
// newest shows; the last photo re-runs when the mistake changes.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { DecodedImage } from '../../lib/image/index.ts';
import { classifyImage, prepareImage, type Classification, type ModelSession } from '../../lib/classify/session.ts';
import { getMistake, mistakeApplies, pipelineWith, type MistakeId } from '../../lib/classify/mistakes.ts';
import { timing, type Timing } from '../../lib/classify/verdict.ts';
import { describeError, type ErrorText } from '../../i18n/errors.ts';
import type { Locale } from '../../lib/models.ts';
import type { Phase } from './useModelSessions.ts';


export interface ModelOutcome {
  session: ModelSession;
  result: Classification;
  timing: Timing;
  /** The same photo through the chosen mistake; null when the mistake cannot happen to this model. */
  mistaken: Classification | null;
}

export interface Outcome {
  run: number;
  source: 'file' | 'camera';
  image: { width: number; height: number; incomplete: boolean };
  mistake: MistakeId | null;
  models: ModelOutcome[];
}

type GetImage = () => Promise<DecodedImage> | DecodedImage;

async function runModels(opened: ModelSession[], image: DecodedImage, runs: number, mistake: MistakeId | null): Promise<ModelOutcome[]> {
  const prepared = prepareImage(image);
  const results: Classification[] = [];
  for (const session of opened) results.push(await classifyImage(session, prepared, 5));
  const times = results.map((r) => [r.inferenceMs]);
  // Interleaved, so that a burst of background load hits both models alike.
  for (let r = 1; r < runs; r++) {
    for (const [i, session] of opened.entries()) times[i]!.push((await session.model.run(results[i]!.trace.input)).inferenceMs);
  }
  const broken = mistake ? getMistake(mistake) : null;
  const out: ModelOutcome[] = [];
  for (const [i, session] of opened.entries()) {
    const io = { input: session.model.inputs[0]!, output: session.model.outputs[0]! };
    const mistaken = broken && mistakeApplies(broken, io) ? await classifyImage(session, prepared, 5, pipelineWith(broken)) : null;
    out.push({ session, result: results[i]!, timing: timing(times[i]!), mistaken });
  }
  return out;
}

export function useClassify(
  sessionsRef: { current: Promise<ModelSession[]> | null },
  setPhase: (u: (p: Phase) => Phase) => void,
  mistake: MistakeId | null,
  lang: Locale,
  /** Timed runs per photo (the first is the classification itself); the camera uses one. */
  runs: number,
) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const queueRef = useRef<Promise<unknown>>(Promise.resolve());
  const requestRef = useRef(0);
  const runRef = useRef(0);
  const lastFileRef = useRef<GetImage | null>(null);
  const mistakeRef = useRef(mistake);
  mistakeRef.current = mistake;

  const classify = useCallback((getImage: GetImage, from: 'file' | 'camera'): Promise<void> => {
    const request = ++requestRef.current;
    if (from === 'file') lastFileRef.current = getImage;
    const job = queueRef.current.then(async () => {
      if (request !== requestRef.current && from === 'file') return; // superseded by a newer photo
      let image: DecodedImage | null = null;
      try {
        setPhase((p) => (p === 'ready' ? 'busy' : p));
        image = await getImage();
        const opened = await sessionsRef.current!;
        const chosen = mistakeRef.current;
        const models = await runModels(opened, image, from === 'camera' ? 1 : runs, chosen);
        const shown = { width: image.originalWidth, height: image.originalHeight, incomplete: image.incomplete };
        setOutcome({ run: ++runRef.current, source: from, image: shown, mistake: chosen, models });
        setError(null);
      } catch (err) {
        setError(describeError(err, lang));
        if (from === 'file') setOutcome(null);
      } finally {
        image?.close();
        setPhase((p) => (p === 'busy' ? 'ready' : p));
      }
    });
    queueRef.current = job.catch(() => undefined);
    return job;
  }, [sessionsRef, setPhase, lang, runs]);

  // A new mistake re-runs the last photo, so the comparison appears at once.
  useEffect(() => {
    if (lastFileRef.current && outcome?.source === 'file' && outcome.mistake !== mistake) void classify(lastFileRef.current, 'file');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mistake]);

  const clear = useCallback(() => setOutcome(null), []);
  return { outcome, error, setError, classify, clear };
}
