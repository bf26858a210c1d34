// Gives the browser a turn between runs so the page keeps painting and the cancel button keeps working.

// Not scheduler.yield(): its continuation is prioritised over ordinary tasks, so a long run of
// yields can starve other work queued at normal priority. A posted message queues behind it, and
// unlike nested setTimeout(0) it is not clamped to 4 ms.
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
