import type { BackendName } from '../nn/tf';
import type { Trainer } from '../train/client';
import type { Command, Report } from '../train/protocol';

/**
 * The controller's line to its trainer: a worker, or (after the reader chose it, where no
 * worker starts) the page's own thread. At most one trainer at a time; commands sent while
 * there is none are dropped, as a closed worker would drop them.
 */
export class TrainerLink {
  /** Train on the page's own thread (the way on where no worker could start). */
  inPage = false;
  /** The backend the trainer runs on (it may have fallen back from the one asked for). */
  runningOn: BackendName | null = null;
  /** The WebGL context was lost: only a new trainer goes on. */
  contextLost = false;
  #trainer: Trainer | null = null;

  constructor(
    private readonly make: (onReport: (r: Report) => void, inPage: boolean) => Trainer,
    private readonly onReport: (r: Report) => void,
  ) {}

  get open(): boolean {
    return this.#trainer !== null;
  }

  /** Starts a trainer and sends it `init`; where none can start, reports why (a no-worker error). */
  start(init: Extract<Command, { type: 'init' }>): void {
    try {
      this.#trainer = this.make(this.onReport, this.inPage);
    } catch (err) {
      this.onReport({ type: 'error', noWorker: true, message: err instanceof Error ? err.message : String(err) });
      return;
    }
    this.#trainer.send(init);
  }

  send(cmd: Command): void {
    this.#trainer?.send(cmd);
  }

  /** Stops the trainer at once; every tensor it held goes with it. */
  close(): void {
    this.#trainer?.terminate();
    this.#trainer = null;
    this.contextLost = false;
  }
}
