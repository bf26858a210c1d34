import { describe, expect, it } from 'vitest';
import { runInterleaved, type BenchSubject } from '../../src/lib/bench/loop.ts';
import { ThrottleMonitor, type VisibilitySource } from '../../src/lib/bench/throttle.ts';
import { validatePlan, validateThreads, validateModelCount, PlanError, LIMITS } from '../../src/lib/bench/validate.ts';

/** A fake clock advanced by the fake subjects, so timings are exact. */
function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function subject(id: string, clock: ReturnType<typeof fakeClock>, log: string[], ms: number): BenchSubject {
  let call = 0;
  return {
    id,
    async run() {
      call++;
      log.push(id);
      clock.advance(ms + 1);
      return { inferenceMs: ms + call / 1000, copyMs: 1 };
    },
  };
}

class FakeVisibility implements VisibilitySource {
  visibilityState = 'visible';
  private listeners = new Set<() => void>();
  addEventListener(_: 'visibilitychange', l: () => void) {
    this.listeners.add(l);
  }
  removeEventListener(_: 'visibilitychange', l: () => void) {
    this.listeners.delete(l);
  }
  set(state: string) {
    this.visibilityState = state;
    for (const l of this.listeners) l();
  }
  get listenerCount() {
    return this.listeners.size;
  }
}

const noYield = () => Promise.resolve();

describe('runInterleaved', () => {
  it('runs warm-up first (not recorded), then A B A B timed runs', async () => {
    const clock = fakeClock();
    const log: string[] = [];
    const progress: string[] = [];
    const result = await runInterleaved([subject('A', clock, log, 10), subject('B', clock, log, 5)], { warmup: 2, runs: 3 }, {
      now: clock.now,
      yieldToPage: noYield,
      monitor: new ThrottleMonitor(null),
      onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`),
    });
    expect(log).toEqual(['A', 'B', 'A', 'B', 'A', 'B', 'A', 'B', 'A', 'B']);
    expect(result.runs).toBe(3);
    const [a, b] = result.subjects;
    // Calls 1-2 were warm-up, so the recorded ones are calls 3..5.
    expect(a!.inferenceMs).toEqual([10.003, 10.004, 10.005]);
    expect(b!.inferenceMs).toEqual([5.003, 5.004, 5.005]);
    expect(a!.copyMs).toEqual([1, 1, 1]);
    expect(a!.wallMs).toEqual([11, 11, 11]);
    expect(progress[0]).toBe('warmup:1/10');
    expect(progress[3]).toBe('warmup:4/10');
    expect(progress[4]).toBe('timed:5/10');
    expect(progress.at(-1)).toBe('timed:10/10');
    expect(result.reliability.unreliable).toBe(false);
  });

  it('yields to the page after every run', async () => {
    const clock = fakeClock();
    let yields = 0;
    await runInterleaved([subject('A', clock, [], 1), subject('B', clock, [], 1)], { warmup: 1, runs: 3 }, {
      now: clock.now,
      yieldToPage: async () => void yields++,
      monitor: new ThrottleMonitor(null),
    });
    expect(yields).toBe(8);
  });

  it('stops at the time budget after at least the minimum runs', async () => {
    const clock = fakeClock();
    const result = await runInterleaved([subject('A', clock, [], 49), subject('B', clock, [], 49)], { warmup: 0, runs: 1000, budgetMs: 500 }, {
      now: clock.now,
      yieldToPage: noYield,
      monitor: new ThrottleMonitor(null),
    });
    expect(result.stoppedByBudget).toBe(true);
    // Each round takes 100 ms: rounds start at 0..500, the check fails once 600 > 500.
    expect(result.runs).toBe(6);
    expect(result.subjects[0]!.inferenceMs).toHaveLength(6);
  });

  it('cancels between runs with an AbortError and records nothing further', async () => {
    const clock = fakeClock();
    const log: string[] = [];
    const controller = new AbortController();
    const promise = runInterleaved([subject('A', clock, log, 1), subject('B', clock, log, 1)], { warmup: 0, runs: 100 }, {
      now: clock.now,
      yieldToPage: noYield,
      monitor: new ThrottleMonitor(null),
      onProgress: (p) => {
        if (p.done === 5) controller.abort();
      },
      signal: controller.signal,
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(log).toHaveLength(5);
  });

  it('flags results as unreliable when the page goes to the background', async () => {
    const clock = fakeClock();
    const vis = new FakeVisibility();
    const monitor = new ThrottleMonitor(vis);
    const result = await runInterleaved([subject('A', clock, [], 1), subject('B', clock, [], 1)], { warmup: 0, runs: 4 }, {
      now: clock.now,
      yieldToPage: noYield,
      monitor,
      onProgress: (p) => {
        if (p.done === 3) vis.set('hidden');
        if (p.done === 4) vis.set('visible');
      },
    });
    expect(result.reliability.unreliable).toBe(true);
    expect(result.reliability.reasons).toContain('hidden');
    expect(vis.listenerCount).toBe(0);
  });

  it('flags long gaps between runs (throttled timers)', async () => {
    const clock = fakeClock();
    let n = 0;
    const result = await runInterleaved([subject('A', clock, [], 1), subject('B', clock, [], 1)], { warmup: 0, runs: 4 }, {
      now: clock.now,
      yieldToPage: async () => {
        if (++n === 3) clock.advance(1000); // a background tab's 1 s timer clamp
      },
      monitor: new ThrottleMonitor(new FakeVisibility()),
    });
    expect(result.reliability.reasons).toEqual(['timer-gaps']);
    expect(result.reliability.maxGapMs).toBe(1000);
    expect(result.reliability.longGaps).toBe(1);
  });

  it('propagates a failing run and leaves no listener behind', async () => {
    const vis = new FakeVisibility();
    const failing: BenchSubject = { id: 'X', run: () => Promise.reject(new Error('invoke failed')) };
    await expect(runInterleaved([failing], { warmup: 0, runs: 3 }, { yieldToPage: noYield, monitor: new ThrottleMonitor(vis) })).rejects.toThrow('invoke failed');
    expect(vis.listenerCount).toBe(0);
  });
});

describe('validatePlan', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof PlanError ? e.code : 'other';
    }
    return 'ok';
  };

  it('accepts sensible plans and numeric strings from form fields', () => {
    expect(validatePlan({ warmup: 5, runs: 30 })).toEqual({ warmup: 5, runs: 30 });
    expect(validatePlan({ warmup: '0', runs: '10', budgetMs: '5000' })).toEqual({ warmup: 0, runs: 10, budgetMs: 5000 });
  });

  it('rejects zero, negative, fractional, absurd and non-numeric counts with a specific code', () => {
    expect(code(() => validatePlan({ warmup: 5, runs: 0 }))).toBe('runs-too-few');
    expect(code(() => validatePlan({ warmup: 5, runs: -3 }))).toBe('runs-too-few');
    expect(code(() => validatePlan({ warmup: 5, runs: 2.5 }))).toBe('runs-not-integer');
    expect(code(() => validatePlan({ warmup: 5, runs: 'lots' }))).toBe('runs-not-integer');
    expect(code(() => validatePlan({ warmup: 5, runs: '' }))).toBe('runs-not-integer');
    expect(code(() => validatePlan({ warmup: 5, runs: 1e9 }))).toBe('runs-too-many');
    expect(code(() => validatePlan({ warmup: 5, runs: Infinity }))).toBe('runs-not-integer');
    expect(code(() => validatePlan({ warmup: -1, runs: 30 }))).toBe('warmup-negative');
    expect(code(() => validatePlan({ warmup: LIMITS.maxWarmup + 1, runs: 30 }))).toBe('warmup-too-many');
    expect(code(() => validatePlan({ warmup: 5, runs: 30, budgetMs: -1 }))).toBe('budget-invalid');
  });

  it('carries the limits for the message', () => {
    try {
      validatePlan({ warmup: 5, runs: 100000 });
    } catch (e) {
      expect((e as PlanError).vars).toMatchObject({ max: LIMITS.maxRuns, value: 100000 });
    }
    expect.assertions(1);
  });

  it('checks threads and model count', () => {
    expect(validateThreads('2', 4)).toBe(2);
    expect(code(() => validateThreads(0, 4))).toBe('threads-invalid');
    expect(code(() => validateThreads(5, 4))).toBe('threads-invalid');
    expect(code(() => validateModelCount(['a', 'a']))).toBe('models-too-few');
    expect(code(() => validateModelCount(['a', 'b', 'c', 'd', 'e', 'f', 'g']))).toBe('models-too-many');
    expect(() => validateModelCount(['a', 'b', 'c', 'd', 'e', 'f'])).not.toThrow();
    expect(code(() => validateModelCount(['a', 'b']))).toBe('ok');
  });
});
