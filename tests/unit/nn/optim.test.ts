import { describe, expect, it } from 'vitest';
import { RandomState } from '../../../src/data';
import {
  Adam,
  backward,
  CosineAnnealingLR,
  ExponentialLR,
  Linear,
  MSELoss,
  SGD,
  Sequential,
  StepLR,
  Tanh,
  tf,
  type Optimizer,
  type Parameter,
  type Scalar,
} from '../../../src/nn';
import fixture from '../../fixtures/optimizers.json';
import { expectClose, param, values, expectNoLeaks } from '../helpers';

expectNoLeaks();

/** loss(p) = ½·Σ h·(p − t)², the bowl the NumPy fixture descends. */
function bowlLoss(p: Parameter) {
  const h = tf.tensor1d(fixture.curvature);
  const t = tf.tensor1d(fixture.target);
  const fn = (): Scalar => tf.mul(0.5, tf.sum(tf.mul(h, tf.square(tf.sub(p.value, t)))));
  return { fn, dispose: () => tf.dispose([h, t]) };
}

function makeOptimizer(name: string, params: Parameter[], options: Record<string, unknown>): Optimizer {
  return name === 'SGD'
    ? new SGD(params, options as unknown as ConstructorParameters<typeof SGD>[1])
    : new Adam(params, options as ConstructorParameters<typeof Adam>[1]);
}

describe('optimizer steps match a float64 NumPy re-implementation of torch.optim', () => {
  for (const c of fixture.cases) {
    it(`${c.optimizer} ${JSON.stringify(c.options)}: ${fixture.steps} steps`, () => {
      const p = param(fixture.p0);
      const loss = bowlLoss(p);
      const opt = makeOptimizer(c.optimizer, [p], c.options);
      for (const expected of c.trajectory) {
        opt.zeroGrad();
        backward(loss.fn, [p]).dispose();
        opt.step();
        // float32 against float64: a few ulps of float32 per step, accumulated.
        expectClose(values(p.value), expected, 2e-5, 2e-5);
      }
      opt.dispose();
      loss.dispose();
      p.dispose();
    });
  }
});

describe('one step by hand', () => {
  it('SGD: p ← p − lr·grad', () => {
    const p = param([2, -1]);
    const opt = new SGD([p], { lr: 0.1 });
    // loss = p₀² + 3·p₁ → grad = (2·p₀, 3) = (4, 3)
    backward(() => tf.sum(tf.add(tf.square(tf.slice(p.value, 0, 1)), tf.mul(3, tf.slice(p.value, 1, 1)))), [p]).dispose();
    opt.step();
    expectClose(values(p.value), [2 - 0.1 * 4, -1 - 0.1 * 3], 1e-7);
    opt.zeroGrad();
    p.dispose();
  });

  it('Adam: the first step moves each coordinate by lr·sign(grad) (bias correction)', () => {
    const p = param([2, -1, 0.5]);
    const opt = new Adam([p], { lr: 0.01 });
    // loss = Σp², grad = 2p = (4, -2, 1): with m̂ = g and v̂ = g², the step is lr·g/(|g| + eps).
    backward(() => tf.sum(tf.square(p.value)), [p]).dispose();
    opt.step();
    expectClose(values(p.value), [2 - 0.01, -1 + 0.01, 0.5 - 0.01], 1e-6);
    opt.zeroGrad();
    opt.dispose();
    p.dispose();
  });

  it('a parameter without a gradient is left alone', () => {
    const used = param([1]);
    const unused = param([5]);
    const opt = new SGD([used, unused], { lr: 0.5, momentum: 0.9 });
    backward(() => tf.sum(tf.mul(3, used.value)), [used]).dispose();
    opt.step();
    expect(values(unused.value)).toEqual([5]);
    expectClose(values(used.value), [1 - 0.5 * 3], 1e-7);
    opt.zeroGrad();
    opt.dispose();
    used.dispose();
    unused.dispose();
  });
});

describe('learning-rate schedulers (closed forms, as torch documents them)', () => {
  const lrs = (make: (o: SGD) => { step(): void; getLastLr(): number }, n: number) => {
    const p = param([0]);
    const opt = new SGD([p], { lr: 0.1 });
    const s = make(opt);
    const out = [opt.lr];
    for (let i = 0; i < n; i++) {
      s.step();
      out.push(s.getLastLr());
    }
    p.dispose();
    return out;
  };

  it('StepLR halves every 3 epochs', () => {
    expectClose(
      lrs((o) => new StepLR(o, { stepSize: 3, gamma: 0.5 }), 7),
      [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025],
      1e-15,
    );
  });
  it('ExponentialLR multiplies by gamma each epoch', () => {
    expectClose(
      lrs((o) => new ExponentialLR(o, { gamma: 0.9 }), 3),
      [0.1, 0.09, 0.081, 0.0729],
      1e-15,
    );
  });
  it('CosineAnnealingLR falls along half a cosine to etaMin and stays there', () => {
    const got = lrs((o) => new CosineAnnealingLR(o, { tMax: 4, etaMin: 0.02 }), 6);
    const half = 0.02 + (0.08 * (1 + Math.SQRT1_2)) / 2;
    expectClose(got, [0.1, half, 0.06, 0.02 + (0.08 * (1 - Math.SQRT1_2)) / 2, 0.02, 0.02, 0.02], 1e-15);
  });
});

describe('memory: tensor counts are unchanged after 1000 training steps', () => {
  const optimizers: [string, (ps: Parameter[]) => Optimizer][] = [
    ['SGD', (ps) => new SGD(ps, { lr: 1e-3 })],
    ['SGD with momentum and weight decay', (ps) => new SGD(ps, { lr: 1e-3, momentum: 0.9, weightDecay: 1e-4 })],
    ['SGD with Nesterov momentum', (ps) => new SGD(ps, { lr: 1e-3, momentum: 0.9, nesterov: true })],
    ['Adam', (ps) => new Adam(ps, { lr: 1e-3, weightDecay: 1e-4 })],
  ];
  for (const [name, make] of optimizers) {
    it(name, () => {
      const rng = new RandomState(0);
      const model = new Sequential(new Linear(1, 8, { generator: rng }), new Tanh(), new Linear(8, 1, { generator: rng }));
      const x = tf.tensor2d([[0.1], [0.5], [-0.3], [1.2]]);
      const y = tf.tensor2d([[0.2], [1.0], [-0.1], [2.0]]);
      const mse = new MSELoss();
      const opt = make(model.parameters());
      const trainStep = () => {
        opt.zeroGrad();
        backward(() => mse.forward(model.forward(x), y), model.parameters()).dispose();
        opt.step();
      };
      trainStep(); // the first step creates the optimizer's state (momentum buffers, moments)
      const afterFirst = tf.memory().numTensors;
      for (let i = 1; i < 1000; i++) trainStep();
      expect(tf.memory().numTensors).toBe(afterFirst);
      const first = tf.tidy(() => mse.forward(model.forward(x), y));
      expect(Number.isFinite(first.dataSync()[0])).toBe(true);
      first.dispose();
      opt.zeroGrad();
      opt.dispose();
      model.dispose();
      tf.dispose([x, y]);
    });
  }
});

describe('bad optimizer arguments name the argument and the value', () => {
  it.each([
    [(p: Parameter[]) => new SGD(p, { lr: Number.NaN }), 'SGD: lr must be a finite number >= 0, got NaN'],
    [(p: Parameter[]) => new SGD(p, { lr: -0.1 }), 'SGD: lr must be a finite number >= 0, got -0.1'],
    [(p: Parameter[]) => new SGD(p, { lr: 0.1, momentum: 1.5 }), 'SGD: momentum must be in [0, 1), got 1.5'],
    [(p: Parameter[]) => new SGD(p, { lr: 0.1, nesterov: true }), 'SGD: nesterov needs momentum > 0 and dampening = 0'],
    [() => new SGD([], { lr: 0.1 }), 'SGD: got an empty parameter list'],
    [(p: Parameter[]) => new Adam(p, { betas: [0.9, 1] }), 'Adam: betas[1] must be in [0, 1), got 1'],
    [(p: Parameter[]) => new Adam(p, { lr: Number.POSITIVE_INFINITY }), 'Adam: lr must be a finite number >= 0, got Infinity'],
  ])('%#', (make, message) => {
    const p = param([1]);
    expect(() => make([p])).toThrow(message);
    p.dispose();
  });

  it('setting lr to NaN later (say, from a scheduler) is refused too', () => {
    const p = param([1]);
    const opt = new SGD([p], { lr: 0.1 });
    expect(() => {
      opt.lr = Number.NaN;
    }).toThrow('SGD: lr must be a finite number >= 0, got NaN');
    expect(opt.lr).toBe(0.1);
    p.dispose();
  });
});
