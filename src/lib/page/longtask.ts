// Watches for main-thread tasks over 50 ms (the Long Tasks API) while a run is in progress,
// so the lab can say whether it kept the page responsive. Where the API is missing, reports null.

export class LongTaskWatch {
  private observer: PerformanceObserver | null = null;
  private longest = 0;
  private count = 0;

  start(): void {
    if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        this.count++;
        if (entry.duration > this.longest) this.longest = entry.duration;
      }
    });
    this.observer.observe({ type: 'longtask' });
  }

  /** Longest task seen (0 when none over 50 ms), or null where the browser cannot tell. */
  stop(): { longestMs: number | null; count: number } {
    if (!this.observer) return { longestMs: null, count: 0 };
    for (const entry of this.observer.takeRecords()) {
      this.count++;
      if (entry.duration > this.longest) this.longest = entry.duration;
    }
    this.observer.disconnect();
    this.observer = null;
    return { longestMs: this.longest, count: this.count };
  }
}
