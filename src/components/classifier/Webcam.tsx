// Live camera: classifies frames back to back (never overlapping) and shows the frame rate.
// The stream is stopped when the reader stops it, switches away, or the island unmounts.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/models.ts';
import { translator } from '../../i18n/translate.ts';
import { classifierStrings } from '../../i18n/classifier.ts';
import { describeCameraError, type ErrorText } from '../../i18n/errors.ts';

interface Props {
  lang: Locale;
  /** Classifies the current frame; resolves when both models are done. */
  onFrame: (video: HTMLVideoElement) => Promise<void>;
  onError: (error: ErrorText) => void;
  onStop: () => void;
}

export default function Webcam({ lang, onFrame, onError, onStop }: Props) {
  const t = translator(classifierStrings, lang);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [fps, setFps] = useState<number | null>(null);
  const frameRef = useRef(onFrame);
  frameRef.current = onFrame;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    const times: number[] = [];
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) throw Object.assign(new Error('no mediaDevices'), { name: 'unsupported' });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (stopped) return;
      const video = videoRef.current!;
      video.srcObject = stream;
      await video.play();
      while (!stopped) {
        if (video.readyState >= 2) {
          await frameRef.current(video);
          const now = performance.now();
          times.push(now);
          while (times.length > 0 && now - times[0]! > 2000) times.shift();
          if (times.length > 1) setFps(((times.length - 1) * 1000) / (now - times[0]!));
        }
        // Yield to the browser so the page stays responsive and the video keeps painting.
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    })().catch((err: unknown) => {
      if (stopped) return;
      onError(describeCameraError(err, lang));
      onStop();
    });
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <figure class="clf-webcam">
      <video ref={videoRef} muted playsInline aria-label={t('webcamLive')} />
      <figcaption aria-live="off" data-testid="fps">
        {fps === null ? '…' : t('webcamFps', { fps: fps.toFixed(1) })}
      </figcaption>
    </figure>
  );
}
