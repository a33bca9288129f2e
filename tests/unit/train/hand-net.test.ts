import { describe, expect, it } from 'vitest';
import { datasetSine, RandomState } from '../../../src/data';
import { tf } from '../../../src/nn';
import { defaults, TrainingRun, type Progress } from '../../../src/train';
import { HandLinear, HandNet, handMSE } from '../../../src/train/hand-net';
import { sineByHand, sineEpochs } from '../../../src/train/sine-by-hand';
import fixture from '../../fixtures/hand_net.json';
import { expectClose } from '../helpers';

async function collect(session: TrainingRun, steps: number) {
  const seen: Progress[] = [];
  await session.run(
    steps,
    (p) => seen.push(p),
    () => true,
  );
  return { rows: seen.flatMap((p) => p.rows), seen };
}

describe("chapter 5's network by hand", () => {
  for (const run of fixture.runs) {
    it(`follows NumPy step by step (${run.hidden} hidden units, ${run.shuffled ? 'shuffled' : 'sequential'} batches)`, async () => {
      const settings = { ...defaults(sineByHand.settings), hidden: run.hidden, batches: run.shuffled ? 'shuffled' : 'sequential' };
      const session = new TrainingRun(sineByHand, settings);
      const start = await session.start();
      const { rows } = await collect(session, fixture.steps);
      // Row k's loss is before step k+1's update; NumPy's list is the same.
      expectClose(
        rows.map((r) => r.loss),
        run.losses,
        2e-5,
        1e-5,
      );
      // The hand-written ∂L/∂b₂ is the one NumPy computes for that step's batch.
      expectClose(
        rows.map((r) => r.columns[0]!),
        run.db2,
        2e-5,
        1e-5,
      );
      expect(start.rows[0]!.loss).toBeCloseTo(run.losses[0]!, 4);
      session.dispose();
    });
  }

  it("the hand-written gradients equal autograd's on every step, to float32 precision", async () => {
    const session = new TrainingRun(sineByHand, { ...defaults(sineByHand.settings), hidden: 100 });
    await session.start();
    const { rows } = await collect(session, 50);
    for (const r of rows) {
      const [hand, auto, largest] = r.columns as [number, number, number];
      expect(Math.abs(hand - auto)).toBeLessThanOrEqual(largest);
      expect(largest).toBeLessThan(1e-5);
    }
    session.dispose();
  });

  it('a wrong backward would show: breaking the ReLU mask makes the largest difference large', () => {
    const net = new HandNet(5, 'relu', new RandomState(0));
    const { x, y } = tf.tidy(() => ({
      x: tf.tensor2d(datasetSine().x.slice(0, 100), [100, 1]),
      y: tf.tensor2d(datasetSine().y.slice(0, 100), [100, 1]),
    }));
    const diff = (broken: boolean) =>
      tf.tidy(() => {
        const pred = net.forward(x);
        const dPred = handMSE.backward(pred, y);
        if (broken) {
          // The chain rule without the ReLU's derivative.
          const dFeatures = net.output.backward(dPred);
          net.hidden.backward(dFeatures);
        } else net.backward(dPred);
        const hand = net.gradients();
        const auto = tf.variableGrads(() => handMSE.forward(net.forward(x), y), net.parameters());
        return Math.max(...net.parameters().map((p, i) => tf.max(tf.abs(tf.sub(hand[i]!, auto.grads[p.name]!))).dataSync()[0]!));
      });
    expect(diff(false)).toBeLessThan(1e-5);
    expect(diff(true)).toBeGreaterThan(0.1);
    net.dispose();
    tf.dispose([x, y]);
  });

  it('HandLinear: y = x·W + b, with W in × out', () => {
    const layer = new HandLinear(2, 3, new RandomState(1));
    const rs = new RandomState(1);
    const k = 1 / Math.sqrt(2);
    const W = rs.uniform(-k, k, 6);
    const b = rs.uniform(-k, k, 3);
    const y = tf.tidy(() => layer.forward(tf.tensor2d([[1, 2]])).arraySync()[0]!);
    expectClose(
      y,
      [0, 1, 2].map((j) => W[j]! + 2 * W[3 + j]! + b[j]!),
      1e-6,
      1e-6,
    );
    layer.dispose();
  });

  it('without an activation the net can only draw a line: it ends no better than the least-squares line', async () => {
    const { x, y } = datasetSine();
    const mx = x.reduce((a, v) => a + v, 0) / x.length;
    const my = y.reduce((a, v) => a + v, 0) / y.length;
    const slope = x.reduce((a, v, i) => a + (v - mx) * (y[i]! - my), 0) / x.reduce((a, v) => a + (v - mx) ** 2, 0);
    const lineMse = y.reduce((a, v, i) => a + (v - (my + slope * (x[i]! - mx))) ** 2, 0) / y.length;
    const session = new TrainingRun(sineByHand, { ...defaults(sineByHand.settings), activation: 'none' });
    await session.start();
    const { rows, seen } = await collect(session, 600);
    expect(rows.at(-1)!.loss).toBeGreaterThanOrEqual(lineMse * (1 - 1e-5));
    expect(rows.at(-1)!.loss).toBeLessThan(lineMse * 1.05);
    // Every curve it draws is straight: equal steps in x, equal steps in y.
    const model = seen.at(-1)!.curves![0]!;
    const d = model.slice(1).map((v, i) => v - model[i]!);
    expect(Math.max(...d) - Math.min(...d)).toBeLessThan(1e-4);
    session.dispose();
  });

  it('keeps its tensor count across epochs (new batches each epoch, the old ones freed)', async () => {
    const session = new TrainingRun(sineByHand, defaults(sineByHand.settings));
    await session.start();
    const first = await collect(session, 1);
    const later = await collect(session, 33);
    expect(later.seen.at(-1)!.numTensors).toBe(first.seen.at(-1)!.numTensors);
    session.dispose();
  });
});

describe('the same net by epochs, with SGD and momentum from the library', () => {
  it('each step is an epoch; 100 units beat 5; the tensor count holds', async () => {
    const lossAfter = async (hidden: number) => {
      const session = new TrainingRun(sineEpochs, { ...defaults(sineEpochs.settings), hidden });
      await session.start();
      const first = await collect(session, 1);
      const rest = await collect(session, 29);
      expect(rest.seen.at(-1)!.numTensors).toBe(first.seen.at(-1)!.numTensors);
      session.dispose();
      return rest.rows.at(-1)!.loss;
    };
    const [five, hundred] = [await lossAfter(5), await lossAfter(100)];
    expect(hundred).toBeLessThan(0.05);
    expect(hundred).toBeLessThan(five / 3);
  });
});

describe('chapter 6 on the thermometer data', () => {
  it('Linear(1, 1) approaches the least-squares line; validation loss is logged; no tensor leaks', async () => {
    const { thermoLinear, LEAST_SQUARES } = await import('../../../src/train/thermometer');
    const session = new TrainingRun(thermoLinear, defaults(thermoLinear.settings));
    const start = await session.start();
    const first = await collect(session, 1);
    const rest = await collect(session, 2999);
    const last = rest.rows.at(-1)!;
    const [, w, b, distance] = last.columns as [number, number, number, number];
    expect(distance).toBeCloseTo(Math.hypot(w - LEAST_SQUARES.w, b - LEAST_SQUARES.b), 4);
    expect(distance).toBeLessThan(start.rows[0]!.columns[3]! / 20);
    expect(rest.seen.at(-1)!.numTensors).toBe(first.seen.at(-1)!.numTensors);
    session.dispose();
  });

  it("the validation loss follows the log's rule: like the training loss, taken before the row's update", async () => {
    const { thermoLinear } = await import('../../../src/train/thermometer');
    const { datasetThermometer } = await import('../../../src/data');
    const val = datasetThermometer().val;
    const session = new TrainingRun(thermoLinear, defaults(thermoLinear.settings));
    const start = await session.start();
    const rows = [start.rows[0]!, ...(await collect(session, 5)).rows];
    // Row k's validation loss is the loss of the line row k − 1 ended with (w and b are logged after each update).
    const lossOfLine = (w: number, b: number) => val.x.reduce((a, x, i) => a + (w * x + b - val.y[i]!) ** 2, 0) / val.x.length;
    for (let k = 1; k <= 5; k++) {
      const [, w, b] = rows[k - 1]!.columns as [number, number, number];
      expect(Math.abs(rows[k]!.columns[0]! / lossOfLine(w, b) - 1)).toBeLessThan(1e-5);
    }
    session.dispose();
  });
});
