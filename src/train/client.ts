import type { Command, Report } from './protocol';

/** The page's handle on a training host, in a worker or (as a fallback) on the page itself. */
export interface Trainer {
  send(cmd: Command): void;
  /** Stops at once; every tensor the host held goes with it. */
  terminate(): void;
}

/** Thrown when this browser can't start a Web Worker at all; the message says why, as a sentence's start. */
export class WorkerUnavailableError extends Error {}

/**
 * A training worker. Creating one starts it (Vite bundles worker.ts and its tfjs on their
 * own); reports arrive through `onReport`. Throws {@link WorkerUnavailableError} where
 * there is no `Worker`; a worker that fails before its first report (its script blocked
 * by a security policy, say) is reported as an error with `noWorker` set.
 */
export class TrainerClient implements Trainer {
  readonly #worker: Worker;
  #heard = false;

  constructor(onReport: (r: Report) => void) {
    if (typeof Worker !== 'function') throw new WorkerUnavailableError('This browser has no Web Workers');
    try {
      this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'nn-trainer' });
    } catch (err) {
      throw new WorkerUnavailableError(`This browser could not start a Web Worker (${err instanceof Error ? err.message : String(err)})`);
    }
    this.#worker.onmessage = (e: MessageEvent<Report>) => {
      this.#heard = true;
      onReport(e.data);
    };
    this.#worker.onerror = (e) => {
      e.preventDefault();
      const why = e.message || 'its script could not be loaded';
      onReport(
        this.#heard
          ? { type: 'error', message: `The training worker failed: ${why}` }
          : { type: 'error', noWorker: true, message: `The training worker could not start (${why})` },
      );
    };
  }

  send(cmd: Command): void {
    this.#worker.postMessage(cmd);
  }

  terminate(): void {
    this.#worker.terminate();
  }
}

/**
 * The fallback where no worker can start: the same host, on the page's own thread, on the
 * CPU backend. The page stays usable (a run yields between chunks of about 30 ms), but
 * scrolling is less smooth while it trains. Reports arrive asynchronously, as from a worker.
 */
export class InPageTrainer implements Trainer {
  #host: Promise<(cmd: Command) => void>;
  #alive = true;

  /** The backend the page asked for, when it was not the CPU: the ready report then says why it is. */
  #asked: string | null = null;

  constructor(onReport: (r: Report) => void) {
    const report = (r: Report) => {
      if (!this.#alive) return;
      if (r.type === 'ready' && this.#asked && !r.fallbackReason) {
        r = { ...r, fallbackReason: 'on this page, without a worker, the demo trains on the CPU backend only' };
      }
      onReport(structuredClone(r));
    };
    this.#host = import('./host').then(({ createTrainerHost }) => createTrainerHost(report));
    this.#host.catch((err: unknown) =>
      report({ type: 'error', message: `The trainer could not load: ${err instanceof Error ? err.message : String(err)}` }),
    );
  }

  send(cmd: Command): void {
    if (cmd.type === 'init') this.#asked = cmd.backend === 'cpu' ? null : cmd.backend;
    const sent = cmd.type === 'init' ? { ...cmd, backend: 'cpu' as const } : cmd;
    void this.#host.then((host) => host(sent));
  }

  terminate(): void {
    if (!this.#alive) return;
    this.#alive = false;
    void this.#host.then((host) => host({ type: 'dispose' }));
  }
}
