import type { Command, Report } from './protocol';

/**
 * The page's handle on a training worker. Creating one starts the worker (Vite bundles
 * worker.ts and its tfjs on their own); reports arrive through `onReport`.
 */
export class TrainerClient {
  readonly #worker: Worker;

  constructor(onReport: (r: Report) => void) {
    this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'nn-trainer' });
    this.#worker.onmessage = (e: MessageEvent<Report>) => onReport(e.data);
    this.#worker.onerror = (e) => {
      e.preventDefault();
      onReport({ type: 'error', message: `The training worker failed: ${e.message || 'it could not start'}` });
    };
  }

  send(cmd: Command): void {
    this.#worker.postMessage(cmd);
  }

  /** Stops the worker at once; every tensor it held goes with it. */
  terminate(): void {
    this.#worker.terminate();
  }
}
