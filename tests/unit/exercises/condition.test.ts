import { describe, expect, it } from 'vitest';
import { judgeAnswer, judgeRow, matches, observe, type Condition } from '../../../src/exercises/condition';
import { describeGoal, wordsOf } from '../../../src/exercises/words';
import { EXPERIMENTS } from '../../../src/train';

const row = (step: number, loss: number, columns: Record<string, number> = {}) => ({ step, loss, columns });
type Reach = Extract<Condition, { kind: 'reach' }>;

describe('judging a row', () => {
  const reach: Reach = { kind: 'reach', when: { loss: 'mae' }, by: 100, bounds: [{ metric: 'loss', below: 2.1 }] };

  it('holds only with the settings asked for, at or before the step, within the bound', () => {
    expect(judgeRow(reach, row(90, 2.05), { loss: 'mae' })).toEqual({ solved: true, why: 'at step 90: loss 2.05' });
    expect(judgeRow(reach, row(90, 2.05), { loss: 'mse' })).toBeNull();
    expect(judgeRow(reach, row(101, 2.05), { loss: 'mae' })).toBeNull();
    expect(judgeRow(reach, row(90, 2.1), { loss: 'mae' })).toBeNull();
  });

  it('`at` judges one step only; a dragged kink (no step) counts only where no step is asked', () => {
    const at: Reach = { kind: 'reach', at: 200, bounds: [{ metric: 'loss', above: 3.5, below: 4.4 }] };
    expect(judgeRow(at, row(199, 4), {})).toBeNull();
    expect(judgeRow(at, row(200, 4), {})?.solved).toBe(true);
    expect(judgeRow(at, row(200, 4.5), {})).toBeNull();
    expect(judgeRow(at, { step: null, loss: 4, columns: {} }, {})).toBeNull();
    const any: Reach = { kind: 'reach', bounds: [{ metric: 'loss', below: 1 }] };
    expect(judgeRow(any, { step: null, loss: 0.5, columns: {} }, {})?.why).toBe('after your edit: loss 0.5');
    expect(judgeRow(any, { hand: true, step: 3, loss: 0.5, columns: {} }, {})?.why).toBe('where the sliders are: loss 0.5');
  });

  it('a list of metrics means the lowest of them, and names which', () => {
    const best: Reach = { kind: 'reach', bounds: [{ metric: ['SGD', 'Adam'], below: 0.01 }] };
    expect(judgeRow(best, row(5, 1, { SGD: 0.2, Adam: 0.005 }), {})?.why).toBe('at step 5: Adam (the lowest) 0.005');
    expect(judgeRow(best, row(5, 1, { SGD: 0.2, Adam: 0.05 }), {})).toBeNull();
  });

  it('every bound must hold on the same row; a missing or non-finite column never holds', () => {
    const both: Reach = {
      kind: 'reach',
      bounds: [
        { metric: 'validation loss', below: 7 },
        { metric: 'loss', below: 2.733 },
      ],
    };
    expect(judgeRow(both, row(5000, 1.8, { 'validation loss': 5.5 }), {})?.solved).toBe(true);
    expect(judgeRow(both, row(5000, 2.8, { 'validation loss': 5.5 }), {})).toBeNull();
    expect(judgeRow(both, row(5000, 1.8, {}), {})).toBeNull();
    expect(judgeRow(both, row(5000, 1.8, { 'validation loss': Number.NaN }), {})).toBeNull();
  });

  it('names columns from a log row', () => {
    expect(observe({ step: 3, loss: 1, columns: [0.5, 2] }, ['a', 'b'])).toEqual({ step: 3, loss: 1, columns: { a: 0.5, b: 2 } });
    expect(observe({ step: 3, loss: 1, columns: [] }, [], true).step).toBeNull();
  });
});

describe('settings asked for', () => {
  it('match exactly, or within a range for numbers', () => {
    const when = { loss: 'mse', lr: { below: 0.25 } };
    expect(matches(when, { loss: 'mse', lr: 0.24 })).toBe(true);
    expect(matches(when, { loss: 'mse', lr: 0.25 })).toBe(false);
    expect(matches(when, { loss: 'mae', lr: 0.1 })).toBe(false);
    expect(matches({ clear: false }, { clear: true })).toBe(false);
    expect(matches(undefined, { anything: 1 })).toBe(true);
  });
});

describe('answers', () => {
  const number: Extract<Condition, { kind: 'number' }> = { kind: 'number', metric: 'a', step: 1, tolerance: 0.001, label: 'a' };
  const pick: Extract<Condition, { kind: 'pick' }> = { kind: 'pick', among: ['ReLU', 'GELU'], step: 1000, label: 'best' };

  it('a typed number is right within the tolerance, with a minus sign typed either way', () => {
    const o = row(1, 4, { a: -1.8097 });
    expect(judgeAnswer(number, '-1.8097', o)?.solved).toBe(true);
    expect(judgeAnswer(number, '−1.8101', o)?.solved).toBe(true);
    expect(judgeAnswer(number, '-1.8110', o)?.solved).toBe(false);
    expect(judgeAnswer(number, 'abc', o)).toEqual({ solved: false, why: '"abc" is not a number' });
    expect(judgeAnswer(number, '  ', o)).toBeNull();
  });

  it('a pick is right when it is the lowest at the step, and the wrong message does not give the answer away', () => {
    const o = row(1000, 1, { ReLU: 0.06, GELU: 0.02 });
    expect(judgeAnswer(pick, 'GELU', o)?.solved).toBe(true);
    const wrong = judgeAnswer(pick, 'ReLU', o)!;
    expect(wrong.solved).toBe(false);
    expect(wrong.why).not.toContain('GELU');
  });
});

describe('the goal in words', () => {
  it("says what solves each kind, naming settings as the demo's controls do", () => {
    const descent = wordsOf(EXPERIMENTS['quadratic-descent']!.settings);
    expect(describeGoal({ kind: 'diverge', when: { loss: 'mse', lr: { below: 0.25 } } }, descent)).toBe(
      'Solved when a run with Loss = Mean squared error, Learning rate below 0.25 diverges.',
    );
    expect(describeGoal({ kind: 'reach', when: { clear: false }, at: 40, bounds: [{ metric: 'loss', below: 2 }] }, descent)).toBe(
      'Solved when the loss is below 2 at step 40 with Clear gradients each step off.',
    );
    expect(describeGoal({ kind: 'reach', at: 200, bounds: [{ metric: 'loss', above: 3.5, below: 4.4 }] })).toBe(
      'Solved when the loss is between 3.5 and 4.4 at step 200.',
    );
    expect(describeGoal({ kind: 'number', when: { lr: 0.5 }, metric: 'a', step: 1, tolerance: 0.001, label: 'a' }, descent)).toBe(
      "Solved when your number is within 0.001 of the demo's a at step 1, on a run with the chapter's settings but Learning rate = 0.5.",
    );
  });

  it('says bounds with the same range once, and a list of runs as their best', () => {
    const bounds = ['ReLU', 'ELU', 'GELU'].map((metric) => ({ metric, below: 0.03 }));
    expect(describeGoal({ kind: 'reach', by: 1000, bounds })).toBe('Solved when ReLU, ELU and GELU are all below 0.03 at some step up to 1000.');
    expect(describeGoal({ kind: 'reach', by: 200, bounds: [{ metric: ['SGD', 'Adam, mini-batches'], below: 0.003 }] })).toBe(
      'Solved when the best of the 2 runs is below 0.003 at some step up to 200.',
    );
  });
});
