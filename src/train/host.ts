/**
 * The training host: owns tfjs's backend, one experiment and its TrainingSession, and
 * answers the page's commands with reports. The worker runs one (worker.ts); where no
 * worker can start, the page runs one itself on the CPU backend (client.ts, InPageTrainer).
 * Commands are handled in order; a run in progress is stopped before anything else.
 */
import { startBackend, tf } from '../nn/tf';
import type { Command, Report } from './protocol';
import { experimentById } from './registry';
import { TrainingSession } from './session';
import { viewOf, type ExperimentDefinition } from './experiment';

/** Takes commands one at a time; `post` carries the reports back, `close` ends the host's context. */
export function createTrainerHost(post: (r: Report) => void, close: () => void = () => {}): (cmd: Command) => void {
  let definition: ExperimentDefinition | null = null;
  let session: TrainingSession | null = null;
  /** Bumped to stop the current run; a run checks it between chunks. */
  let runId = 0;
  let running: Promise<void> = Promise.resolve();
  let contextLost = false;
  let closed = false;

  /** A lost WebGL context would leave read-backs pending forever: stop and say so instead. */
  function watchContext(): void {
    const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
    const canvas = backend.gpgpu?.gl?.canvas;
    canvas?.addEventListener('webglcontextlost', () => {
      contextLost = true;
      runId++;
      post({
        type: 'error',
        contextLost: true,
        message:
          'The graphics context was lost (the GPU was reset, or too many tabs use WebGL). Reset to start again; if it keeps happening, switch the backend to CPU.',
      });
    });
  }

  async function stop(): Promise<void> {
    runId++;
    await running;
  }

  /** Step 0 of a new session, with what it shows. */
  async function postStart(s: TrainingSession): Promise<void> {
    post({ type: 'start', progress: await s.start(), view: viewOf(s.experiment) });
  }

  function run(steps: number): void {
    const id = ++runId;
    const s = session;
    if (!s || contextLost) return;
    running = (async () => {
      const end = await s.run(
        steps,
        (progress) => {
          if (id === runId) post({ type: 'progress', progress });
        },
        () => id === runId,
      );
      if (end.kind === 'diverged') post({ type: 'diverged', step: end.step, loss: end.loss, message: end.message });
      else if (id === runId) post({ type: 'stopped', reason: end.kind === 'done' ? 'done' : 'paused' });
    })();
  }

  async function handle(cmd: Command): Promise<void> {
    switch (cmd.type) {
      case 'init': {
        definition = experimentById(cmd.experiment);
        const report = await startBackend(cmd.backend);
        if (report.backend === 'webgl') watchContext();
        session = new TrainingSession(definition, cmd.settings);
        post({ type: 'ready', backend: report.backend, fallbackReason: report.fallbackReason });
        await postStart(session);
        return;
      }
      case 'run':
        await stop();
        run(cmd.steps);
        return;
      case 'pause':
        await stop();
        post({ type: 'stopped', reason: 'paused' });
        return;
      case 'reset':
        await stop();
        session?.dispose();
        session = new TrainingSession(definition!, cmd.settings);
        await postStart(session);
        return;
      case 'update':
        session?.update(cmd.settings);
        return;
      case 'edit': {
        await stop();
        if (!session) return;
        const { loss, progress } = await session.edit(cmd.edit);
        post({ type: 'edited', loss, progress });
        return;
      }
      case 'dispose':
        await stop();
        session?.dispose();
        session = null;
        closed = true;
        close();
        return;
    }
  }

  // Commands run one after another, so a reset never interleaves with an init.
  let queue: Promise<void> = Promise.resolve();
  return (cmd: Command) => {
    if (closed) return;
    queue = queue
      .then(() => handle(cmd))
      .catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
  };
}
