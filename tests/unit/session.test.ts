import { describe, expect, it } from 'vitest';
import { defaults, settingsFromQuery, settingsToQuery, TrainingSession, type Progress } from '../../src/train';
import { doubleRelu } from '../../src/train/double-relu';
import { tf } from '../../src/nn';
import fixture from '../fixtures/trajectories.json';
import { expectClose } from './helpers';

async function collect(session: TrainingSession, steps: number, maxChunk?: number) {
  const seen: Progress[] = [];
  const end = await session.run(steps, (p) => seen.push(p), () => true, maxChunk);
  return { end, rows: seen.flatMap((p) => p.rows), seen };
}

describe('TrainingSession on the double ReLU', () => {
  it("reproduces chapter 4's NumPy trajectory, every step logged, read back in chunks", async () => {
    const session = new TrainingSession(doubleRelu, defaults(doubleRelu.settings));
    const start = await session.start();
    expect(start.rows.map((r) => r.step)).toEqual([0]);
    expect(start.rows[0]!.params).toEqual([0.5, 0.5, -0.5, -0.5]);
    const { end, rows, seen } = await collect(session, 40);
    expect(end).toEqual({ kind: 'done' });
    expect(rows.map((r) => r.step)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // Fewer read-backs than steps: chunks grow when steps are cheap.
    expect(seen.length).toBeLessThan(40);
    const c = fixture.chapter4.cleared;
    expectClose(rows.map((r) => r.loss), c.losses, 1e-4, 1e-5);
    rows.forEach((r, i) => expectClose(r.params, c.params[i]!, 1e-4, 1e-5));
    session.dispose();
  });

  it('the tensor count is the same after 1 step and after 500', async () => {
    const session = new TrainingSession(doubleRelu, defaults(doubleRelu.settings));
    await session.start();
    const first = await collect(session, 1);
    const later = await collect(session, 499);
    expect(later.seen.at(-1)!.numTensors).toBe(first.seen.at(-1)!.numTensors);
    session.dispose();
  });

  it('a huge learning rate stops the run with a message naming it, and no non-finite row', async () => {
    const session = new TrainingSession(doubleRelu, { ...defaults(doubleRelu.settings), loss: 'mse', lr: 50 });
    await session.start();
    const { end, rows, seen } = await collect(session, 200);
    expect(end.kind).toBe('diverged');
    if (end.kind !== 'diverged') return;
    expect(end.message).toMatch(/^Training stopped at step \d+: .*The learning rate \(50\) is too large/);
    expect(rows.every((r) => Number.isFinite(r.loss) && r.params.every(Number.isFinite))).toBe(true);
    expect(seen.every((p) => p.curves === null || p.curves.flat().every(Number.isFinite))).toBe(true);
    expect(session.diverged).toBe(true);
    session.dispose();
  });

  it('changing the learning rate mid-run applies from the next step', async () => {
    const a = new TrainingSession(doubleRelu, defaults(doubleRelu.settings));
    await a.start();
    await collect(a, 5);
    a.update({ lr: 0 });
    const frozen = await collect(a, 3);
    expect(frozen.rows[2]!.params).toEqual(frozen.rows[0]!.params);
    a.dispose();
  });

  it('leaves no tensor behind once disposed', async () => {
    const before = tf.memory().numTensors;
    const session = new TrainingSession(doubleRelu, defaults(doubleRelu.settings));
    await session.start();
    await collect(session, 30);
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('settings in the URL', () => {
  const specs = doubleRelu.settings;
  it('round-trips non-default values and leaves defaults out of the link', () => {
    const s = { ...defaults(specs), lr: 0.05, clear: false, loss: 'mse' };
    const q = settingsToQuery(specs, s, new URLSearchParams('other=1'), 'dr');
    expect(q.toString()).toBe('other=1&dr.lr=0.05&dr.loss=mse&dr.clear=0');
    expect(settingsFromQuery(specs, q, 'dr')).toEqual({ settings: s, errors: [] });
  });
  it('refuses malformed and out-of-range values with a message, keeping the defaults', () => {
    const q = new URLSearchParams('dr.lr=abc&dr.seed=-3&dr.loss=huber&dr.clear=maybe&dr.speed=2');
    const { settings, errors } = settingsFromQuery(specs, q, 'dr');
    expect(settings).toEqual(defaults(specs));
    expect(errors).toEqual([
      'Learning rate: "abc" is not a number',
      'Data seed: -3 is outside the allowed range 0 to 4294967295',
      'Loss: "huber" is not one of mae, mse',
      'Clear gradients each step: "maybe" is not on/off (use 1 or 0)',
      '"dr.speed" is not a setting of this demo',
    ]);
  });
});
