import { describe, expect, it } from 'vitest';
import { defaults, EXPERIMENTS, TrainingRun } from '../../../src/train';
import { createTrainerHost } from '../../../src/train/host';
import type { Command, Report } from '../../../src/train/protocol';
import { doubleRelu } from '../../../src/train/double-relu';
import { tf } from '../../../src/nn';

/** A host on the CPU backend (whose read-backs resolve at once) and the reports it sent. */
function host() {
  const reports: Report[] = [];
  const waiting: { test: (r: Report) => boolean; resolve: (r: Report) => void }[] = [];
  let closed!: () => void;
  const done = new Promise<void>((resolve) => (closed = resolve));
  const send = createTrainerHost(
    (r) => {
      // A run that never yields starves every timer: end it from inside so the test fails instead of hanging.
      if (r.type === 'progress' && r.progress.step > 100_000) throw new Error('the run never yielded to its commands');
      reports.push(r);
      for (const w of [...waiting]) {
        if (!w.test(r)) continue;
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(r);
      }
    },
    () => closed(),
  );
  const next = (type: Report['type'], test: (r: Report) => boolean = () => true) =>
    new Promise<Report>((resolve) => waiting.push({ test: (r) => r.type === type && test(r), resolve }));
  const lastStep = () => {
    for (let i = reports.length - 1; i >= 0; i--) {
      const r = reports[i]!;
      if (r.type === 'progress' || r.type === 'start') return r.progress.step;
    }
    return -1;
  };
  // Commands arrive as a worker's messages do: each in a task of its own.
  const deliver = (c: Command) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      send(c);
    };
    port2.postMessage(null);
  };
  /** Disposes the session and resolves once the host has let go of every tensor. */
  const dispose = () => {
    deliver({ type: 'dispose' });
    return done;
  };
  return { send: deliver, reports, next, lastStep, dispose };
}

const init = (experiment: string): Command => ({
  type: 'init',
  experiment,
  settings: defaults(EXPERIMENTS[experiment]!.settings),
  backend: 'cpu',
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the training host on a backend whose reads resolve at once', () => {
  it('pause during an endless run takes effect within one chunk, and no progress follows it', async () => {
    const h = host();
    h.send(init('double-relu'));
    await h.next('start');
    h.send({ type: 'run', steps: Number.POSITIVE_INFINITY });
    await h.next('progress', (r) => r.type === 'progress' && r.progress.step > 300);
    const asked = performance.now();
    h.send({ type: 'pause' });
    const stopped = await h.next('stopped');
    expect(stopped).toEqual({ type: 'stopped', reason: 'paused' });
    expect(performance.now() - asked).toBeLessThan(100);
    const stepAtPause = h.lastStep();
    await sleep(200);
    expect(h.lastStep()).toBe(stepAtPause);
    await h.dispose();
  });

  it('reset during a run returns to the seeded start (same loss), with the same tensor count', async () => {
    const h = host();
    h.send(init('double-relu'));
    const first = (await h.next('start')) as Extract<Report, { type: 'start' }>;
    h.send({ type: 'run', steps: 20_000 });
    const running = (await h.next('progress', (r) => r.type === 'progress' && r.progress.step > 100)) as Extract<Report, { type: 'progress' }>;
    h.send({ type: 'reset', settings: defaults(doubleRelu.settings) });
    const again = (await h.next('start')) as Extract<Report, { type: 'start' }>;
    expect(again.progress.step).toBe(0);
    expect(again.progress.rows[0]).toEqual(first.progress.rows[0]);
    expect(again.progress.numTensors).toBe(first.progress.numTensors);
    // Nothing from the old run arrives after the new start.
    const at = h.reports.indexOf(again);
    await sleep(100);
    expect(h.reports.slice(at + 1).filter((r) => r.type === 'progress')).toEqual([]);
    expect(running.progress.step).toBeGreaterThan(100);
    await h.dispose();
  });

  it("a display setting (a race's fit shown) is drawn at once while paused: fresh curves, no new rows; other live settings wait for the next step", async () => {
    const h = host();
    h.send(init('activation-race'));
    await h.next('start');
    h.send({ type: 'run', steps: 30 });
    await h.next('stopped');
    const drawn = h.reports.findLast((r) => r.type === 'progress') as Extract<Report, { type: 'progress' }>;
    const before = h.reports.length;
    h.send({ type: 'update', settings: { lr: 0.02 } });
    await sleep(50);
    expect(h.reports.length).toBe(before);
    h.send({ type: 'update', settings: { shown: 'none' } });
    const shown = (await h.next('progress')) as Extract<Report, { type: 'progress' }>;
    expect(shown.progress.rows).toEqual([]);
    expect(shown.progress.step).toBe(30);
    // The identity net's fit is a straight line (equal rises on the even grid); the tanh net's, shown before, was not.
    const straight = (line: number[]) => line.every((v, i) => i < 2 || Math.abs(v - line[i - 1]! - (line[1]! - line[0]!)) < 1e-4);
    expect(straight(shown.progress.curves![0]!)).toBe(true);
    expect(straight(drawn.progress.curves![0]!)).toBe(false);
    await h.dispose();
  });
});

describe('warming a host ahead of its demo', () => {
  /** The start report and the rows of the first `steps` steps, with the host warmed first or not. */
  async function firstSteps(experiment: string, warmFirst: boolean, steps = 5) {
    const h = host();
    const before = tf.memory().numTensors;
    let afterWarm = before;
    if (warmFirst) {
      h.send({ ...init(experiment), type: 'warm' } as Command);
      await h.next('warmed');
      afterWarm = tf.memory().numTensors;
    }
    h.send(init(experiment));
    const start = (await h.next('start')) as Extract<Report, { type: 'start' }>;
    h.send({ type: 'run', steps });
    await h.next('stopped');
    const rows = h.reports.flatMap((r) => (r.type === 'progress' ? r.progress.rows : []));
    await h.dispose();
    return { start: start.progress, rows, leftByWarm: afterWarm - before, warmed: h.reports.filter((r) => r.type === 'warmed').length };
  }

  for (const id of ['double-relu', 'thermo-mlp', 'optimizer-race']) {
    it(`${id}: a warm-up's throwaway step frees every tensor and changes nothing in the run that follows`, async () => {
      const cold = await firstSteps(id, false);
      const warm = await firstSteps(id, true);
      expect(warm.warmed).toBe(1);
      expect(cold.warmed).toBe(0);
      expect(warm.leftByWarm).toBe(0);
      expect(warm.start.numTensors).toBe(cold.start.numTensors);
      expect(warm.start.rows).toEqual(cold.start.rows);
      expect(warm.rows).toHaveLength(5);
      expect(warm.rows).toEqual(cold.rows);
    });
  }
});

describe('every experiment frees what it made', () => {
  for (const [id, definition] of Object.entries(EXPERIMENTS)) {
    it(`${id}: five sessions made, trained and disposed leave no tensor behind`, async () => {
      const before = tf.memory().numTensors;
      for (let i = 0; i < 5; i++) {
        const session = new TrainingRun(definition, defaults(definition.settings));
        await session.start();
        await session.run(
          3,
          () => {},
          () => true,
        );
        session.dispose();
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('TrainingRun.run yields between chunks', () => {
  it('an endless run stops when a timer (another task) asks, within one chunk', async () => {
    const session = new TrainingRun(doubleRelu, defaults(doubleRelu.settings));
    await session.start();
    let go = true;
    let stepWhenAsked = -1;
    setTimeout(() => {
      go = false;
      stepWhenAsked = session.step;
    }, 100);
    // Long enough to run for seconds: a run that never yields would finish it before stopping.
    const end = await session.run(
      20_000,
      () => {},
      () => go,
    );
    expect(end.kind).toBe('stopped');
    expect(stepWhenAsked).toBeGreaterThan(0);
    expect(session.step - stepWhenAsked).toBeLessThanOrEqual(256);
    session.dispose();
  });
});
