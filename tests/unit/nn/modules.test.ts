import { describe, expect, it } from 'vitest';
import { RandomState } from '../../../src/data';
import { backward, countParameters, Linear, MSELoss, printModule, ReLU, Sequential, Tanh, tf, type Tensor2D } from '../../../src/nn';
import initFixture from '../../fixtures/linear_init.json';
import { expectClose, values, expectNoLeaks } from '../helpers';

expectNoLeaks();

describe('Linear', () => {
  for (const f of initFixture) {
    it(`Linear(${f.in}, ${f.out}) with RandomState(${f.seed}) starts where NumPy's recipe does`, () => {
      const layer = new Linear(f.in, f.out, { generator: new RandomState(f.seed) });
      expect(layer.weight.shape).toEqual([f.out, f.in]);
      expect(layer.bias?.shape).toEqual([f.out]);
      // Drawn in float64 exactly as NumPy; stored as float32.
      expect(values(layer.weight.value)).toEqual(f.weight.map(Math.fround));
      expect(values(layer.bias!.value)).toEqual(f.bias.map(Math.fround));
      layer.dispose();
    });
  }

  it('maps a batch B × in to B × out as x·Wᵀ + b', () => {
    const layer = new Linear(2, 3, { generator: new RandomState(0) });
    const x = tf.tensor2d([
      [1, 2],
      [3, -1],
      [0.5, 0],
      [0, 0],
    ]);
    const y = layer.forward(x);
    expect(y.shape).toEqual([4, 3]);
    const W = values(layer.weight.value);
    const b = values(layer.bias!.value);
    const X = [
      [1, 2],
      [3, -1],
      [0.5, 0],
      [0, 0],
    ];
    const expected = X.flatMap(([x0, x1]) => [0, 1, 2].map((j) => x0! * W[2 * j]! + x1! * W[2 * j + 1]! + b[j]!));
    expectClose(values(y), expected, 1e-6);
    tf.dispose([x, y]);
    layer.dispose();
  });

  it('without bias has only a weight', () => {
    const layer = new Linear(4, 2, { bias: false, generator: new RandomState(1) });
    expect(layer.namedParameters().map(([n]) => n)).toEqual(['weight']);
    expect(layer.bias).toBeNull();
    layer.dispose();
  });

  it('refuses non-positive sizes and a wrongly shaped input, naming them', () => {
    expect(() => new Linear(0, 3)).toThrow('Linear: inFeatures must be a positive integer, got 0');
    expect(() => new Linear(2, -1)).toThrow('Linear: outFeatures must be a positive integer, got -1');
    expect(() => new Linear(2.5, 1)).toThrow('inFeatures must be a positive integer, got 2.5');
    const layer = new Linear(2, 1, { generator: new RandomState(0) });
    const x = tf.ones([4, 3]) as Tensor2D;
    expect(() => layer.forward(x)).toThrow('Linear.forward: input must be B × 2 (inFeatures), got shape [4, 3]');
    x.dispose();
    layer.dispose();
  });

  it('gradients equal the hand-derived backward: dW = dyᵀx, db = Σ dy, with dy = 2(y − t)/n', () => {
    const layer = new Linear(3, 2, { generator: new RandomState(3) });
    const x = tf.tensor2d([
      [0.5, -1, 2],
      [1, 0, -0.5],
      [-2, 1, 1],
      [0.1, 0.2, 0.3],
    ]);
    const t = tf.tensor2d([
      [1, 0],
      [0, 1],
      [1, 1],
      [-1, 0.5],
    ]);
    const mse = new MSELoss();
    backward(() => mse.forward(layer.forward(x), t), layer.parameters()).dispose();
    const [dW, db] = tf.tidy(() => {
      // MSE's gradient, written out: 2(ŷ − t)/n.
      const dy = tf.mul(tf.sub(layer.forward(x), t), 2 / t.size);
      return [tf.matMul(dy, x, true, false), tf.sum(dy, 0)];
    });
    expectClose(values(layer.weight.grad!), values(dW!), 1e-6, 1e-5);
    expectClose(values(layer.bias!.grad!), values(db!), 1e-6, 1e-5);
    tf.dispose([x, t, dW!, db!]);
    layer.dispose();
  });
});

describe('Sequential', () => {
  const make = (rng: RandomState) => new Sequential(new Linear(1, 13, { generator: rng }), new Tanh(), new Linear(13, 1, { generator: rng }));

  it('positional children are named 0, 1, 2 and parameters come in torch order', () => {
    const model = make(new RandomState(0));
    expect(model.namedParameters().map(([n, p]) => `${n} ${p.shape.join('×')}`)).toEqual(['0.weight 13×1', '0.bias 13', '2.weight 1×13', '2.bias 1']);
    expect(countParameters(model)).toBe(13 + 13 + 13 + 1);
    expect(printModule(model)).toBe(
      [
        'Sequential(',
        '  (0): Linear(inFeatures=1, outFeatures=13, bias=true)',
        '  (1): Tanh()',
        '  (2): Linear(inFeatures=13, outFeatures=1, bias=true)',
        ')',
      ].join('\n'),
    );
    model.dispose();
  });

  it('named children (the OrderedDict form) name the parameters', () => {
    const rng = new RandomState(0);
    const model = new Sequential({
      hidden: new Linear(1, 8, { generator: rng }),
      activation: new Tanh(),
      output: new Linear(8, 1, { generator: rng }),
    });
    expect(model.namedParameters().map(([n]) => n)).toEqual(['hidden.weight', 'hidden.bias', 'output.weight', 'output.bias']);
    expect(Object.keys(model.children())).toEqual(['hidden', 'activation', 'output']);
    model.dispose();
  });

  it('refuses children that are not modules or names with a dot', () => {
    expect(() => new Sequential({ 'a.b': new ReLU() })).toThrow('child names must be non-empty and contain no ".", got "a.b"');
    expect(() => new Sequential({ a: 3 as unknown as ReLU })).toThrow('child "a" is not a Module (got number)');
  });

  it('gradients of Linear → ReLU → Linear equal the chain rule written by hand', () => {
    const rng = new RandomState(11);
    const l1 = new Linear(2, 4, { generator: rng });
    const act = new ReLU();
    const l2 = new Linear(4, 1, { generator: rng });
    const model = new Sequential(l1, act, l2);
    const x = tf.tensor2d([
      [0.3, -1.2],
      [1.5, 0.7],
      [-0.4, 0.9],
      [2, -2],
      [0, 1],
    ]);
    const t = tf.tensor2d([[1], [-1], [0.5], [2], [0]]);
    const mse = new MSELoss();
    backward(() => mse.forward(model.forward(x), t), model.parameters()).dispose();
    const hand = tf.tidy(() => {
      const z1 = l1.forward(x);
      const h = act.forward(z1);
      const y = l2.forward(h);
      const dy = tf.mul(tf.sub(y, t), 2 / t.size);
      const dW2 = tf.matMul(dy, h, true, false);
      const db2 = tf.sum(dy, 0);
      const dh = tf.matMul(dy, l2.weight.value);
      const dz1 = tf.mul(dh, act.derivative(z1));
      return [tf.matMul(dz1, x, true, false), tf.sum(dz1, 0), dW2, db2];
    });
    const auto = model.parameters().map((p) => p.grad!);
    hand.forEach((h, i) => expectClose(values(auto[i]!), values(h), 1e-6, 1e-5));
    // The hand-written gradients are not all zero: the check compares something.
    expect(values(hand[0]!).some((v) => Math.abs(v) > 1e-3)).toBe(true);
    tf.dispose([x, t, ...hand]);
    model.dispose();
  });
});

describe('backward accumulates like torch', () => {
  it('two backward calls without zeroGrad give twice the gradient; zeroGrad clears it', () => {
    const layer = new Linear(2, 1, { generator: new RandomState(5) });
    const x = tf.tensor2d([
      [1, 2],
      [-1, 0.5],
      [0.3, 0.3],
    ]);
    const t = tf.tensor2d([[1], [0], [2]]);
    const mse = new MSELoss();
    const run = () => backward(() => mse.forward(layer.forward(x), t), layer.parameters()).dispose();
    run();
    const once = layer.parameters().map((p) => values(p.grad!));
    run();
    const twice = layer.parameters().map((p) => values(p.grad!));
    once.forEach((g, i) =>
      expectClose(
        twice[i]!,
        g.map((v) => 2 * v),
        1e-6,
        1e-6,
      ),
    );
    layer.zeroGrad();
    expect(layer.parameters().map((p) => p.grad)).toEqual([null, null]);
    tf.dispose([x, t]);
    layer.dispose();
  });

  it('returns the loss value it differentiated', () => {
    const layer = new Linear(1, 1, { generator: new RandomState(0) });
    const x = tf.tensor2d([[1], [2]]);
    const t = tf.tensor2d([[0], [0]]);
    const mse = new MSELoss();
    const loss = backward(() => mse.forward(layer.forward(x), t), layer.parameters());
    const expected = tf.tidy(() => mse.forward(layer.forward(x), t));
    expect(loss.dataSync()[0]).toBeCloseTo(expected.dataSync()[0]!, 6);
    tf.dispose([x, t, loss, expected]);
    layer.dispose();
  });
});
