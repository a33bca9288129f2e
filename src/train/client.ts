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

  /** `key` names a worker {@link warmTrainer} started for this demo: it is taken over if it is still sound. */
  constructor(onReport: (r: Report) => void, key?: string) {
    this.#worker = takeWarm(key) ?? startWorker();
    this.#worker.onmessage = (e: MessageEvent<Report>) => {
      if (e.data.type === 'warmed') return;
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

function startWorker(): Worker {
  if (typeof Worker !== 'function') throw new WorkerUnavailableError('This browser has no Web Workers');
  try {
    return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'nn-trainer' });
  } catch (err) {
    throw new WorkerUnavailableError(`This browser could not start a Web Worker (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** A worker started ahead of need, for one demo; `failed` once its script could not run (the demo then starts its own, which says why). */
interface WarmWorker {
  worker: Worker;
  failed: boolean;
  /** Set once the worker has answered 'warmed'. */
  warmed: boolean;
  /** Ends the warm-up's wait (warmed, failed, cancelled or timed out). */
  settle(): void;
}
const warm = new Map<string, WarmWorker>();

/** What a trainer starts with: the experiment, its settings and the backend asked for. */
export type InitCommand = Omit<Extract<Command, { type: 'init' }>, 'type'>;

/** True while a warm worker waits for its demo. */
export const warmWaiting = (): boolean => warm.size > 0;

/**
 * Starts a worker for the demo `key` before the demo needs it (the page calls this when idle),
 * which loads tfjs, starts `init`'s backend and compiles the shaders of its first step; the
 * demo's {@link TrainerClient} takes it over. Resolves when it is warm, or could not be.
 */
export function warmTrainer(key: string, init: InitCommand): Promise<void> {
  if (warm.has(key) || typeof Worker !== 'function') return Promise.resolve();
  let worker: Worker;
  try {
    worker = startWorker();
  } catch {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const entry: WarmWorker = { worker, failed: false, warmed: false, settle: resolve };
    warm.set(key, entry);
    worker.onmessage = (e: MessageEvent<Report>) => {
      if (e.data.type !== 'warmed') return;
      entry.warmed = true;
      resolve();
    };
    worker.onerror = (e) => {
      e.preventDefault();
      entry.failed = true;
      resolve();
    };
    worker.postMessage({ ...init, type: 'warm' } satisfies Command);
    // A warm-up that never answers (a stalled GPU) must not hold up the next demo's.
    setTimeout(resolve, 20_000);
  });
}

/**
 * Stops the warm-up of demo `key` if it is still under way (another demo began to load or
 * train, and the two would share the machine's cores and GPU): its worker ends, and the demo
 * may be warmed again later. A worker already warm keeps waiting: it costs nothing.
 */
export function cancelWarming(key: string): void {
  const entry = warm.get(key);
  if (!entry || entry.warmed) return;
  warm.delete(key);
  entry.worker.terminate();
  entry.settle();
}

function takeWarm(key: string | undefined): Worker | undefined {
  const entry = key === undefined ? undefined : warm.get(key);
  if (!entry) return undefined;
  warm.delete(key!);
  // Its demo has it now (warm or still warming): the page may warm the next one.
  entry.settle();
  if (!entry.failed) return entry.worker;
  entry.worker.terminate();
  return undefined;
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
