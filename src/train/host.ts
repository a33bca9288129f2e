/**
 * The training host: owns tfjs's backend, one experiment and its TrainingRun, and
 * answers the page's commands with reports. The worker runs one (worker.ts); where no
 * worker can start, the page runs one itself on the CPU backend (client.ts, InPageTrainer).
 * Commands are handled in order; a run in progress is stopped before anything else.
 */
import { startBackend, tf } from '../nn/tf';
import type { Command, Report } from './protocol';
import type { Settings } from './settings';
import { experimentById } from './registry';
import { TrainingRun } from './training-run';
import { viewOf, type ExperimentDefinition } from './experiment';

const CONTEXT_LOST =
  'The graphics context was lost (the GPU was reset, or too many tabs use WebGL). Reset to start again; if it keeps happening, switch the backend to CPU.';

/** Which run's shaders a warm-up compiled: the same experiment, settings and backend need none compiled again. */
const warmKey = (experiment: string, settings: Settings, backend: string) => JSON.stringify([experiment, backend, settings]);

class TrainerHost {
  #definition: ExperimentDefinition | null = null;
  #training: TrainingRun | null = null;
  /** Bumped to stop the current run; a run checks it between chunks. */
  #runId = 0;
  #running: Promise<void> = Promise.resolve();
  #contextLost = false;
  /** The run last warmed (see warmKey). */
  #warmed = '';
  closed = false;

  constructor(
    private readonly post: (r: Report) => void,
    private readonly close: () => void,
  ) {}

  async handle(cmd: Command): Promise<void> {
    if (cmd.type !== 'update') await this.#stop();
    switch (cmd.type) {
      case 'init':
        return this.#init(cmd);
      case 'warm':
        return this.#warm(cmd);
      case 'run':
        return this.#run(cmd.steps);
      case 'pause':
        return this.post({ type: 'stopped', reason: 'paused' });
      case 'reset':
        this.#training?.dispose();
        this.#training = new TrainingRun(this.#definition!, cmd.settings);
        return this.#postStart(this.#training);
      case 'update': {
        const t = this.#training;
        if (!t) return;
        t.experiment.update(cmd.settings);
        // A setting that only changes what is drawn (a race's fit shown) is drawn now, paused or not.
        const display = Object.keys(cmd.settings).some((key) => this.#definition?.settings[key]?.display);
        if (display) this.post({ type: 'progress', progress: await t.view() });
        return;
      }
      case 'edit': {
        if (!this.#training) return;
        const { loss, progress } = await this.#training.edit(cmd.edit);
        return this.post({ type: 'edited', edit: cmd.edit, step: this.#training.step, loss, progress });
      }
      case 'dispose':
        this.#training?.dispose();
        this.#training = null;
        this.closed = true;
        return this.close();
    }
  }

  async #init({ experiment, settings, backend }: Extract<Command, { type: 'init' }>): Promise<void> {
    this.#definition = experimentById(experiment);
    const report = await startBackend(backend);
    if (report.backend === 'webgl') this.#watchContext();
    this.#training = new TrainingRun(this.#definition, settings);
    this.post({ type: 'ready', backend: report.backend, fallbackReason: report.fallbackReason });
    await this.#postStart(this.#training);
    // Not warmed ahead (the reader came straight to the demo): compile the first step's shaders now, while the reader finds the button.
    if (report.backend === 'webgl' && this.#warmed !== warmKey(experiment, settings, report.backend))
      await this.#warm({ type: 'warm', experiment, settings, backend: report.backend });
  }

  /** One throwaway step of the run `init` will start, so its shaders are compiled by then; every tensor it made is freed. */
  async #warm({ experiment, settings, backend }: Extract<Command, { type: 'warm' }>): Promise<void> {
    let run: TrainingRun | null = null;
    try {
      await startBackend(backend);
      run = new TrainingRun(experimentById(experiment), settings);
      await run.start();
      await run.run(
        1,
        () => {},
        () => true,
      );
      this.#warmed = warmKey(experiment, settings, tf.getBackend());
      this.post({ type: 'warmed' });
    } catch {
      // Best effort: init meets the same trouble and reports it.
    } finally {
      run?.dispose();
    }
  }

  /** A lost WebGL context would leave read-backs pending forever: stop and say so instead. */
  #watchContext(): void {
    const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
    backend.gpgpu?.gl?.canvas?.addEventListener('webglcontextlost', () => {
      this.#contextLost = true;
      this.#runId++;
      this.post({ type: 'error', contextLost: true, message: CONTEXT_LOST });
    });
  }

  async #stop(): Promise<void> {
    this.#runId++;
    await this.#running;
  }

  /** Step 0 of a new run, with what it shows. */
  async #postStart(t: TrainingRun): Promise<void> {
    this.post({ type: 'start', progress: await t.start(), view: viewOf(t.experiment) });
  }

  /** Starts a run and returns at once: the next command stops it (between chunks) first. */
  #run(steps: number): void {
    const id = ++this.#runId;
    const t = this.#training;
    if (!t || this.#contextLost) return;
    const current = () => id === this.#runId;
    this.#running = (async () => {
      // Every chunk that ran is reported, the one a stop catches in flight too: the page's log is the model's.
      const end = await t.run(steps, (progress) => this.post({ type: 'progress', progress }), current);
      if (end.kind === 'diverged') this.post({ type: 'diverged', step: end.step, loss: end.loss, message: end.message });
      else if (current()) this.post({ type: 'stopped', reason: end.kind === 'done' ? 'done' : 'paused' });
    })();
  }
}

/** Takes commands one at a time; `post` carries the reports back, `close` ends the host's context. */
export function createTrainerHost(post: (r: Report) => void, close: () => void = () => {}): (cmd: Command) => void {
  const host = new TrainerHost(post, close);
  // Commands run one after another, so a reset never interleaves with an init.
  let queue: Promise<void> = Promise.resolve();
  return (cmd: Command) => {
    if (host.closed) return;
    queue = queue
      .then(() => host.handle(cmd))
      .catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
  };
}
