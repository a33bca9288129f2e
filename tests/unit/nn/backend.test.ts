import { describe, expect, it } from 'vitest';
import { startBackend, tf } from '../../../src/nn/tf';

describe('startBackend', () => {
  it('falls back to the CPU, and says why, where WebGL is not registered (Node)', async () => {
    const report = await startBackend('webgl');
    expect(report.backend).toBe('cpu');
    expect(report.requested).toBe('webgl');
    expect(report.fallbackReason).toMatch(/webgl/);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('starts the CPU backend directly when asked, with no fallback reason', async () => {
    const report = await startBackend('cpu');
    expect(report).toEqual({ backend: 'cpu', requested: 'cpu' });
  });

  it('registers gradients, so autograd works without the full tfjs bundle', () => {
    const g = tf.grad((x: tf.Tensor) => tf.square(x))(tf.scalar(3));
    expect(g.dataSync()[0]).toBe(6);
  });
});
