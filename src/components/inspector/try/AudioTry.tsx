// Audio classifiers: a dropped audio file (decoded and resampled by the browser) or the
// microphone, cut into the model's windows; top classes for each window over time.
import { useMemo, useState } from 'preact/hooks';
import type { LoadedModel } from '../../../lib/runtime/index.ts';
import type { ModelReport } from '../../../lib/tflite/describe.ts';
import type { Locale } from '../../../lib/models.ts';
import { describeError } from '../../../i18n/errors.ts';
import { inTurn } from '../engine-turns.ts';
import { topK } from '../../../lib/classify/output.ts';
import { frameWaveform, toMono } from '../../../lib/tryit/audio.ts';
import { realValues } from '../../../lib/tryit/outputs.ts';
import { num, type T } from '../format.ts';
import AudioTimeline, { type WindowScores } from './AudioTimeline.tsx';
import Microphone from './Microphone.tsx';

/** Used when the file states no sample rate (the reader is told). */
const ASSUMED_RATE = 16000;
/** Longest stretch classified from a file, in windows (keeps a long song from freezing the tab). */
const MAX_WINDOWS = 40;

export default function AudioTry({ report, loaded, t, lang }: { report: ModelReport; loaded: LoadedModel; t: T; lang: Locale }) {
  const role = report.kind.inputs[0];
  const samples = role?.role === 'waveform' ? role.samples : 0;
  const rate = (role?.role === 'waveform' && role.sampleRate) || ASSUMED_RATE;
  const [rows, setRows] = useState<WindowScores[]>([]);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const labels = useMemo(() => report.labels?.text.split('\n') ?? [], [report]);
  const seconds = num(Number((samples / rate).toPrecision(3)));

  /** Runs one window; returns its top 3 real scores. */
  const classify = async (frame: Float32Array, start: number): Promise<WindowScores> => {
    const { outputs } = await inTurn(() => loaded.runAll([frame.slice()]));
    const scores = realValues(outputs[0]!, loaded.outputs[0]!);
    return { time: start / rate, top: topK(scores, 3).map((p) => ({ index: p.index, score: p.prob })) };
  };

  const openFile = async (file: File) => {
    setRows([]);
    setStatus(null);
    let mono: Float32Array;
    try {
      // decodeAudioData resamples to the context's rate: the browser does the resampling.
      const context = new OfflineAudioContext(1, 1, rate);
      const buffer = await context.decodeAudioData(await file.arrayBuffer());
      mono = toMono(Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c)));
    } catch {
      setStatus({ text: t('tryAudioBad'), error: true });
      return;
    }
    const frames = frameWaveform(mono, samples, Math.max(1, Math.floor(samples / 2))).slice(0, MAX_WINDOWS);
    if (!frames.length) {
      setStatus({ text: t('tryAudioEmpty', { seconds }), error: true });
      return;
    }
    setStatus({ text: t('tryAudioInfo', { rate, windows: frames.length, seconds }) });
    try {
      const found: WindowScores[] = [];
      for (const { start, frame } of frames) found.push(await classify(frame, start));
      setRows(found);
    } catch (error) {
      const { message, detail } = describeError(error, lang);
      setStatus({ text: `${message} ${detail}`, error: true });
    }
  };

  return (
    <div data-testid="try-audio">
      {!(role?.role === 'waveform' && role.sampleRate) && <p class="insp-note">{t('tryAudioAssumed')}</p>}
      <div class="insp-pickers">
        <label class="insp-field">
          <span>{t('tryAudioFile')}</span>
          <input type="file" accept="audio/*" data-testid="try-audio-file" onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void openFile(file);
            input.value = '';
          }} />
        </label>
        <Microphone rate={rate} samples={samples} classify={classify} onRow={(row) => setRows((all) => [...all.slice(-9), row])} onStatus={setStatus} t={t} />
      </div>
      {status && <p class={status.error ? 'insp-error' : 'insp-note'} role={status.error ? 'alert' : 'status'} data-testid="try-audio-status">{status.text}</p>}
      <AudioTimeline rows={rows} labelOf={(i) => labels[i] || t('tryClassId', { id: i })} hasLabels={labels.length > 0} t={t} />
    </div>
  );
}
