// The inspector's engine calls (runtime trials, "Run it here") take turns: the WASM engines are not
// re-entrant, and a file opened while another file's trial still runs must wait for it (seen here:
// tfjs-tflite crashing with "memory access out of bounds" when two models ran into each other).
/** Longest one engine call may take: loading and a first run of the largest site model take a few seconds here. */
const TIMEOUT_MS = 60_000;

/**
 * Settles when `run` does, or rejects when the page reports an uncaught engine error meanwhile
 * (LiteRT.js 2.5 can crash inside its WASM, "memory access out of bounds", leaving run() pending
 * for ever) or after TIMEOUT_MS: a hung engine must not hang the inspector.
 */
function untilCrashOrTimeout<T>(run: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (reason: string) => {
      cleanup();
      reject(new Error(reason));
    };
    const onError = (e: ErrorEvent) => fail(e.message);
    const onRejection = (e: PromiseRejectionEvent) => fail(e.reason instanceof Error ? e.reason.message : String(e.reason));
    const timer = setTimeout(() => fail(`no result within ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS);
    const cleanup = () => {
      clearTimeout(timer);
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    };
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    run.then((value) => {
      cleanup();
      resolve(value);
    }, (error: unknown) => {
      cleanup();
      reject(error);
    });
  });
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `job` after every earlier one has settled; a crashed or hung job fails instead of blocking the rest. */
export function inTurn<T>(job: () => Promise<T>): Promise<T> {
  const guarded = () => untilCrashOrTimeout(job());
  const next = queue.then(guarded, guarded);
  queue = next.catch(() => undefined);
  return next;
}
