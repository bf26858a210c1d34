// The microphone, with the reader's permission: an AudioContext at the model's rate (the browser
// resamples), the latest window read every half second and classified.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { T } from '../format.ts';
import type { WindowScores } from './AudioTimeline.tsx';

interface Props {
  rate: number;
  samples: number;
  classify: (frame: Float32Array, start: number) => Promise<WindowScores>;
  onRow: (row: WindowScores) => void;
  onStatus: (status: { text: string; error?: boolean } | null) => void;
  t: T;
}

export default function Microphone({ rate, samples, classify, onRow, onStatus, t }: Props) {
  const [on, setOn] = useState(false);
  const stop = useRef<() => void>(() => {});
  useEffect(() => () => stop.current(), []);

  const start = async () => {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      onStatus({ text: t('tryMicDenied', { detail: (error as Error).message }), error: true });
      return;
    }
    const context = new AudioContext({ sampleRate: rate });
    const analyser = context.createAnalyser();
    // The analyser's buffer is a power of two: the smallest one holding a whole window.
    analyser.fftSize = Math.min(32768, 2 ** Math.ceil(Math.log2(Math.max(32, samples))));
    context.createMediaStreamSource(stream).connect(analyser);
    const buffer = new Float32Array(analyser.fftSize);
    const began = context.currentTime;
    let busy = false;
    const timer = setInterval(async () => {
      if (busy || context.currentTime - began < samples / rate) return;
      busy = true;
      analyser.getFloatTimeDomainData(buffer);
      try {
        onRow(await classify(buffer.subarray(buffer.length - samples), Math.round((context.currentTime - began) * rate)));
      } finally {
        busy = false;
      }
    }, 500);
    stop.current = () => {
      clearInterval(timer);
      stream.getTracks().forEach((track) => track.stop());
      void context.close();
      setOn(false);
    };
    onStatus(null);
    setOn(true);
  };

  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) return null;
  return (
    <button type="button" class="insp-button" data-testid="try-mic" aria-pressed={on} onClick={() => (on ? stop.current() : void start())}>
      {on ? t('tryMicStop') : t('tryMic')}
    </button>
  );
}
