import { describe, expect, it } from 'vitest';
import { DemoController } from '../../../src/demo/controller';
import { TRANSITIONS, type DemoEvent, type DemoState } from '../../../src/demo/states';
import type { Trainer } from '../../../src/train/client';
import { WorkerUnavailableError } from '../../../src/train/client';
import { doubleRelu } from '../../../src/train/double-relu';
import type { RunView } from '../../../src/train/experiment';
import type { Command, Report } from '../../../src/train/protocol';
import { quadraticByHand } from '../../../src/train/quadratic';
import { reluInterpolant } from '../../../src/train/relu-interpolant';
import type { Progress } from '../../../src/train/training-run';
import type { SettingsSpec } from '../../../src/train/settings';

const VIEW: RunView = { columnNames: ['m1', 'b1', 'm2', 'b2'], unitNames: [], data: { x: [0], y: [0] }, grid: [0], editable: true };

/** Rows for `steps`, each with loss `loss`, as one read-back brings them. */
function progress(steps: number[], loss = 1): Progress {
  return {
    step: steps.at(-1)!,
    rows: steps.map((step) => ({ step, loss, columns: [step, 0, 0, 0] })),
    curves: [[loss]],
    msPerStep: 0.5,
    numTensors: 7,
  };
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * A controller over a fake trainer: every command it sends is recorded, and the test
 * answers with reports itself. `answer` (optional) replies at once, inside `send`, as a
 * backend whose reads resolve at once does.
 */
function setup(
  o: { spec?: SettingsSpec; hand?: boolean; query?: string; noWorker?: boolean; answer?: (cmd: Command, reply: (r: Report) => void) => void } = {},
) {
  const sent: Command[] = [];
  const events: DemoEvent[] = [];
  const trainers: { inPage: boolean; terminated: boolean }[] = [];
  let reply: (r: Report) => void = () => {};
  let noWorker = o.noWorker ?? false;
  const c = new DemoController({
    id: 'demo',
    experiment: 'double-relu',
    spec: o.spec ?? doubleRelu.settings,
    hand: o.hand ?? false,
    query: new URLSearchParams(o.query ?? ''),
    makeTrainer(onReport, inPage): Trainer {
      if (noWorker && !inPage) throw new WorkerUnavailableError('This browser has no Web Workers');
      const t = { inPage, terminated: false };
      trainers.push(t);
      reply = onReport;
      return {
        send: (cmd) => {
          sent.push(cmd);
          o.answer?.(cmd, onReport);
        },
        terminate: () => void (t.terminated = true),
      };
    },
    emit: (e) => events.push(e),
    now: () => 0,
  });
  const states = () => events.filter((e) => e.type === 'state').map((e) => (e as { state: DemoState }).state);
  const last = <T extends DemoEvent['type']>(type: T) => events.filter((e) => e.type === type).at(-1) as Extract<DemoEvent, { type: T }> | undefined;
  /** Started and at step 0, as after the worker's first reports. */
  const ready = () => {
    c.start();
    reply({ type: 'ready', backend: 'webgl' });
    reply({ type: 'start', progress: progress([0], 2), view: VIEW });
  };
  return { c, sent, events, trainers, states, last, ready, report: (r: Report) => reply(r), allowWorkers: () => (noWorker = false) };
}

describe('the demo state machine', () => {
  it('idle → loading → ready: start sends init once, with the URL settings and backend', () => {
    const t = setup({ query: 'demo.lr=0.05&demo.backend=cpu' });
    expect(t.c.state).toBe('idle');
    t.c.start();
    t.c.start();
    expect(t.sent).toEqual([{ type: 'init', experiment: 'double-relu', settings: { lr: 0.05, loss: 'mae', clear: true, seed: 42 }, backend: 'cpu' }]);
    expect(t.c.state).toBe('loading');
    t.report({ type: 'ready', backend: 'cpu' });
    t.report({ type: 'start', progress: progress([0], 2), view: VIEW });
    expect(t.states()).toEqual(['loading', 'ready']);
    expect(t.c.record.history.rows().map((r) => r.step)).toEqual([0]);
    expect(t.last('status')?.text).toBe('Ready at the seeded start: loss 2.0000.');
  });

  it('ready → running → paused → running → ready, on Play, Pause, Play and a finished run', () => {
    const t = setup();
    t.ready();
    t.c.run(Infinity);
    expect(t.c.state).toBe('running');
    t.report({ type: 'progress', progress: progress(range(1, 4)) });
    t.c.pause();
    expect(t.sent.at(-1)).toEqual({ type: 'pause' });
    t.report({ type: 'stopped', reason: 'paused' });
    expect(t.c.state).toBe('paused');
    t.c.run(3);
    t.report({ type: 'progress', progress: progress(range(5, 7)) });
    t.report({ type: 'stopped', reason: 'done' });
    expect(t.states()).toEqual(['loading', 'ready', 'running', 'paused', 'running', 'ready']);
    expect(t.c.record.step).toBe(7);
    expect(t.last('status')?.text).toBe('Stopped at step 7: loss 1.0000.');
  });

  it('Step and Play do nothing while loading, diverged or failed', () => {
    const t = setup();
    t.c.start();
    t.c.run(1);
    expect(t.c.state).toBe('loading');
    expect(t.sent.map((c) => c.type)).toEqual(['init']);
  });

  it('pause and reset on a backend whose reads resolve at once: reports arrive inside send, and a late one is ignored', () => {
    let step = 0;
    const t = setup({
      answer: (cmd, reply) => {
        if (cmd.type === 'run') reply({ type: 'progress', progress: progress(range(step + 1, (step += 5))) });
        if (cmd.type === 'pause') reply({ type: 'stopped', reason: 'paused' });
        if (cmd.type === 'reset') step = 0;
      },
    });
    t.ready();
    t.c.run(Infinity);
    expect(t.c.record.step).toBe(5);
    t.c.pause();
    expect(t.c.state).toBe('paused');
    t.c.reset();
    expect(t.c.state).toBe('loading');
    expect(t.sent.at(-1)).toEqual({ type: 'reset', settings: { lr: 0.01, loss: 'mae', clear: true, seed: 42 } });
    // The run's last chunk, and its stop, reach the page after the reset: neither moves the state.
    t.report({ type: 'stopped', reason: 'done' });
    expect(t.c.state).toBe('loading');
    t.report({ type: 'start', progress: progress([0], 2), view: VIEW });
    expect(t.c.state).toBe('ready');
    expect(t.c.record.history.rows().map((r) => r.step)).toEqual([0]);
  });

  it('running → diverged: the message says why, waiters are rejected, and only a reset goes on', async () => {
    const t = setup();
    t.ready();
    const waiting = t.c.runTo(100);
    expect(t.sent.at(-1)).toEqual({ type: 'run', steps: 100 });
    t.report({ type: 'diverged', step: 12, loss: Infinity, message: 'Training stopped at step 12: the loss became Infinity.' });
    await expect(waiting).rejects.toThrow('Training stopped at step 12');
    expect(t.c.state).toBe('diverged');
    expect(t.last('message')?.message).toEqual({ text: 'Training stopped at step 12: the loss became Infinity.', kind: 'error', way: 'defaults' });
    t.c.run(1);
    expect(t.c.state).toBe('diverged');
    await expect(t.c.runTo(50)).rejects.toThrow('the run stopped before step 50');
    t.c.reset();
    expect(t.c.state).toBe('loading');
  });

  it('no worker: error with the way on being this page; that way starts an in-page trainer on the CPU', () => {
    const t = setup({ noWorker: true });
    t.c.start();
    expect(t.c.state).toBe('error');
    expect(t.last('message')?.message?.way).toBe('in-page');
    expect(t.last('message')?.message?.text).toMatch(/^This browser has no Web Workers, so this demo can't train in the background/);
    t.c.trainInPage();
    expect(t.trainers).toEqual([{ inPage: true, terminated: false }]);
    expect(t.c.state).toBe('loading');
    expect(t.sent.at(-1)).toMatchObject({ type: 'init', backend: 'cpu' });
    expect(t.c.settings.query.get('demo.backend')).toBe('cpu');
  });

  it('a lost context is an error that Reset answers with a new trainer', () => {
    const t = setup();
    t.ready();
    t.report({ type: 'error', contextLost: true, message: 'The graphics context was lost.' });
    expect(t.c.state).toBe('error');
    expect(t.c.link.contextLost).toBe(true);
    t.c.reset();
    expect(t.trainers.map((x) => x.terminated)).toEqual([true, false]);
    expect(t.c.link.contextLost).toBe(false);
    expect(t.c.state).toBe('loading');
  });

  it('the table of transitions is what the controller follows (and nothing leaves error but loading)', () => {
    expect(TRANSITIONS.error).toEqual(['loading']);
    expect(TRANSITIONS.diverged).not.toContain('running');
    expect(TRANSITIONS.loading).not.toContain('running');
    const t = setup();
    t.ready();
    t.c.run(1);
    t.report({ type: 'diverged', step: 1, loss: Infinity, message: 'gone' });
    // A 'start' can only follow a reset: without one, a diverged run stays diverged.
    t.report({ type: 'stopped', reason: 'done' });
    expect(t.c.state).toBe('diverged');
  });
});

/** Drives a fresh controller into `state`, through the reports a trainer sends. */
function reach(state: DemoState) {
  const t = setup();
  if (state === 'idle') return t;
  if (state === 'loading') {
    t.c.start();
    return t;
  }
  t.ready();
  if (state === 'error') t.report({ type: 'error', message: 'failed' });
  if (state === 'ready' || state === 'error') return t;
  t.c.run(Infinity);
  if (state === 'paused') t.report({ type: 'stopped', reason: 'paused' });
  if (state === 'diverged') t.report({ type: 'diverged', step: 3, loss: Infinity, message: 'gone' });
  return t;
}

/** What moves a controller to each state: the reader's action or the trainer's report. */
const TRIGGERS: Record<DemoState, ((t: ReturnType<typeof setup>) => void)[]> = {
  idle: [],
  loading: [(t) => t.c.start(), (t) => t.c.reset()],
  ready: [(t) => t.report({ type: 'start', progress: progress([0], 2), view: VIEW }), (t) => t.report({ type: 'stopped', reason: 'done' })],
  running: [(t) => t.c.run(Infinity)],
  paused: [(t) => t.report({ type: 'stopped', reason: 'paused' })],
  diverged: [(t) => t.report({ type: 'diverged', step: 3, loss: Infinity, message: 'gone' })],
  error: [(t) => t.report({ type: 'error', message: 'failed' })],
};
const STATES = Object.keys(TRIGGERS) as DemoState[];

describe('every transition', () => {
  for (const from of STATES) {
    for (const to of TRANSITIONS[from]) {
      it(`${from} → ${to}`, () => {
        const moved = TRIGGERS[to].some((trigger) => {
          const t = reach(from);
          expect(t.c.state).toBe(from);
          trigger(t);
          return t.c.state === to;
        });
        expect(moved, `nothing moves ${from} to ${to}`).toBe(true);
      });
    }
    it(`from ${from}, nothing reaches a state outside its table`, () => {
      for (const to of STATES.filter((s) => s !== from && !TRANSITIONS[from].includes(s))) {
        for (const trigger of TRIGGERS[to]) {
          const t = reach(from);
          trigger(t);
          expect(t.c.state, `${from} → ${to}`).not.toBe(to);
        }
      }
    });
  }
});

describe('settings', () => {
  it('a live setting applies mid-run; any other restarts from the seeded start; a bad value is refused with a message', () => {
    const t = setup();
    t.ready();
    t.c.run(Infinity);
    t.report({ type: 'progress', progress: progress([1, 2]) });
    expect(t.c.change('lr', '0.02')).toBeNull();
    expect(t.sent.at(-1)).toEqual({ type: 'update', settings: { lr: 0.02 } });
    expect(t.c.state).toBe('running');
    expect(t.c.change('loss', 'mse')).toBeNull();
    expect(t.sent.at(-1)).toEqual({ type: 'reset', settings: { lr: 0.02, loss: 'mse', clear: true, seed: 42 } });
    expect(t.c.state).toBe('loading');
    expect(t.c.change('lr', 'abc')).toBe('Learning rate: "abc" is not a number in decimal notation');
    expect(t.c.settings.values.lr).toBe(0.02);
    expect(t.last('message')?.message).toMatchObject({
      kind: 'notice',
      text: 'Learning rate: "abc" is not a number in decimal notation. Keeping 0.02.',
    });
    expect(t.last('settings')?.query.toString()).toBe('demo.lr=0.02&demo.loss=mse');
  });

  it('a link with bad settings keeps the defaults and says why', () => {
    const t = setup({ query: 'demo.lr=5e9&demo.nope=1&other=1' });
    expect(t.c.settings.values).toEqual({ lr: 0.01, loss: 'mae', clear: true, seed: 42 });
    expect(t.c.settings.urlErrors).toEqual([
      'Learning rate: 5000000000 is outside the allowed range 0.0001 to 100',
      '"demo.nope" is not a setting of this demo',
    ]);
    expect(t.c.settings.query.toString()).toBe('demo.nope=1&other=1');
  });

  it('hand mode: each change is a try, even while the last one is under way; Back to the start restores the defaults', () => {
    const t = setup({ spec: quadraticByHand.settings, hand: true });
    t.ready();
    t.c.change('a', '2');
    expect(t.sent.slice(-2)).toEqual([
      { type: 'update', settings: { a: 2 } },
      { type: 'run', steps: 1 },
    ]);
    t.c.change('a', '2.5');
    expect(t.sent.slice(-2)).toEqual([
      { type: 'update', settings: { a: 2.5 } },
      { type: 'run', steps: 1 },
    ]);
    t.c.reset();
    expect(t.c.settings.values).toEqual({ a: 1.1, b: 1.2, c: 1.3, loss: 'mae' });
    expect(t.sent.at(-1)).toMatchObject({ type: 'reset', settings: { a: 1.1 } });
  });
});

describe('what claims ask of a demo', () => {
  it('runTo resolves from the history, or trains on and resolves when the row arrives', async () => {
    const t = setup();
    t.ready();
    await expect(t.c.runTo(0)).resolves.toMatchObject({ step: 0, loss: 2 });
    const p = t.c.runTo(3);
    expect(t.sent.at(-1)).toEqual({ type: 'run', steps: 3 });
    t.report({ type: 'progress', progress: progress([1, 2, 3], 0.5) });
    await expect(p).resolves.toMatchObject({ step: 3, loss: 0.5 });
  });

  it('runWith restarts from the defaults with the changes, and reuses a run with the same settings', async () => {
    const t = setup({ query: 'demo.seed=7' });
    t.ready();
    const first = t.c.runWith({ loss: 'mse' }, 2);
    expect(t.sent.at(-1)).toEqual({ type: 'reset', settings: { lr: 0.01, loss: 'mse', clear: true, seed: 42 } });
    t.report({ type: 'start', progress: progress([0]), view: VIEW });
    expect(t.sent.at(-1)).toEqual({ type: 'run', steps: 2 });
    t.report({ type: 'progress', progress: progress([1, 2], 0.25) });
    t.report({ type: 'stopped', reason: 'done' });
    await expect(first).resolves.toMatchObject({ step: 2, loss: 0.25 });
    const again = t.c.runWith({ loss: 'mse' }, 2);
    await expect(again).resolves.toMatchObject({ step: 2 });
    expect(t.sent.filter((c) => c.type === 'reset')).toHaveLength(1);
    await expect(t.c.runWith({ nope: 1 }, 2)).rejects.toThrow('no setting "nope"');
  });

  it('runWith in hand mode: live settings are a try where the demo stands; one that rebuilds the model starts it anew at try 0', async () => {
    const t = setup({ spec: reluInterpolant.settings, hand: true });
    t.ready();
    const rebuilt = t.c.runWith({ pieces: 8 });
    expect(t.sent.at(-1)).toEqual({ type: 'reset', settings: { pieces: 8, target: 'sin' } });
    t.report({ type: 'start', progress: progress([0], 0.0133), view: VIEW });
    await expect(rebuilt).resolves.toMatchObject({ step: 0, loss: 0.0133 });
    const hand = setup({ spec: quadraticByHand.settings, hand: true });
    hand.ready();
    const tried = hand.c.runWith({ a: 3 });
    expect(hand.sent.slice(-2)).toEqual([
      { type: 'update', settings: { a: 3, b: 1.2, c: 1.3, loss: 'mae' } },
      { type: 'run', steps: 1 },
    ]);
    hand.report({ type: 'progress', progress: progress([1], 3.4) });
    await expect(tried).resolves.toMatchObject({ step: 1, loss: 3.4 });
  });

  it('a reset rejects what was waited for', async () => {
    const t = setup();
    t.ready();
    const p = t.c.runTo(10);
    t.c.reset();
    await expect(p).rejects.toThrow('the demo was reset');
  });
});

describe('editing and visibility', () => {
  it('kink edits go one at a time: the latest waits, the ones between are dropped, and a run pauses first', () => {
    const t = setup();
    t.ready();
    t.c.run(Infinity);
    t.c.edit({ unit: 0, kink: 0.1 });
    expect(t.sent.slice(-2)).toEqual([{ type: 'pause' }, { type: 'edit', edit: { unit: 0, kink: 0.1 } }]);
    t.report({ type: 'stopped', reason: 'paused' });
    t.c.edit({ unit: 0, kink: 0.2 });
    t.c.edit({ unit: 0, kink: 0.3 });
    expect(t.sent.filter((c) => c.type === 'edit')).toHaveLength(1);
    t.report({ type: 'edited', edit: { unit: 0, kink: 0.1 }, step: 0, loss: 1.5, progress: { ...progress([0]), rows: [] } });
    expect(t.sent.at(-1)).toEqual({ type: 'edit', edit: { unit: 0, kink: 0.3 } });
    expect(t.last('edited')).toBeUndefined();
    t.report({ type: 'edited', edit: { unit: 0, kink: 0.3 }, step: 0, loss: 1.25, progress: { ...progress([0], 9), rows: [] } });
    expect(t.last('edited')).toEqual({ type: 'edited', loss: 1.25 });
    expect(t.c.record.curves).toEqual([[9]]);
    // The record keeps every edit applied, with the step it followed: a notebook replays them.
    expect(t.c.record.edits).toEqual([
      { step: 0, edit: { unit: 0, kink: 0.1 } },
      { step: 0, edit: { unit: 0, kink: 0.3 } },
    ]);
  });

  it('off screen a run pauses, and on screen again it resumes; a run the reader paused stays paused', () => {
    const t = setup();
    t.ready();
    t.c.run(Infinity);
    t.c.setVisible(false);
    expect(t.sent.at(-1)).toEqual({ type: 'pause' });
    t.report({ type: 'stopped', reason: 'paused' });
    t.c.setVisible(true);
    expect(t.sent.at(-1)).toEqual({ type: 'run', steps: Infinity });
    t.c.pause();
    t.report({ type: 'stopped', reason: 'paused' });
    t.c.setVisible(false);
    t.c.setVisible(true);
    expect(t.c.state).toBe('paused');
  });

  it('a run to a step someone waits for (a claim, an exercise) goes on off screen, and resolves', async () => {
    const t = setup();
    t.ready();
    const row = t.c.runTo(3);
    t.c.setVisible(false);
    expect(t.sent.at(-1)).toEqual({ type: 'run', steps: 3 });
    t.report({ type: 'progress', progress: progress([1, 2, 3]) });
    t.report({ type: 'stopped', reason: 'done' });
    await expect(row).resolves.toMatchObject({ step: 3 });
    expect(t.c.state).toBe('ready');
  });

  it('"Use the default settings" resets every setting and the backend, on a new trainer', () => {
    const t = setup({ query: 'demo.lr=0.5&demo.backend=wasm' });
    t.ready();
    t.c.useDefaults();
    expect(t.c.settings.values).toEqual({ lr: 0.01, loss: 'mae', clear: true, seed: 42 });
    expect(t.trainers.map((x) => x.terminated)).toEqual([true, false]);
    expect(t.sent.at(-1)).toMatchObject({ type: 'init', backend: 'webgl' });
    expect(t.c.settings.query.toString()).toBe('');
  });
});
