// Background tabs throttle timers and the scheduler, which silently inflates latencies.
// The monitor watches page visibility and the gaps between runs and says when results are unreliable.

export interface VisibilitySource {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export type UnreliableReason = 'hidden' | 'timer-gaps';

export interface Reliability {
  unreliable: boolean;
  reasons: UnreliableReason[];
  /** Longest pause observed between two runs, ms. */
  maxGapMs: number;
  /** Pauses longer than the threshold. */
  longGaps: number;
}

/** A yield between runs normally takes well under a frame; a throttled background tab waits ~1 s. */
export const DEFAULT_GAP_THRESHOLD_MS = 250;

export class ThrottleMonitor {
  private hidden = false;
  private maxGap = 0;
  private longGaps = 0;
  private readonly onChange = () => {
    if (this.source?.visibilityState === 'hidden') this.hidden = true;
  };

  constructor(
    private readonly source: VisibilitySource | null = typeof document === 'undefined' ? null : document,
    private readonly gapThresholdMs = DEFAULT_GAP_THRESHOLD_MS,
  ) {}

  start(): void {
    this.hidden = this.source?.visibilityState === 'hidden';
    this.source?.addEventListener('visibilitychange', this.onChange);
  }

  stop(): void {
    this.source?.removeEventListener('visibilitychange', this.onChange);
  }

  /** Records the wall-clock pause between the end of one run and the start of the next. */
  noteGap(ms: number): void {
    if (ms > this.maxGap) this.maxGap = ms;
    if (ms > this.gapThresholdMs) this.longGaps++;
  }

  /** Checks visibility now too (a page hidden before any event fired). */
  verdict(): Reliability {
    if (this.source?.visibilityState === 'hidden') this.hidden = true;
    const reasons: UnreliableReason[] = [];
    if (this.hidden) reasons.push('hidden');
    if (this.longGaps > 0) reasons.push('timer-gaps');
    return { unreliable: reasons.length > 0, reasons, maxGapMs: this.maxGap, longGaps: this.longGaps };
  }
}
