import { describe, expect, it } from 'vitest';
import { describeBackend, rendererName } from '../../../components/backend-check';

describe("the home page's backend box, in words", () => {
  it('names the driver as a reader knows it', () => {
    expect(rendererName('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe('SwiftShader');
    expect(rendererName('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe('NVIDIA GeForce RTX 3060');
    expect(rendererName('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
    expect(rendererName('Apple M2')).toBe('Apple M2');
  });
  it('says when WebGL is emulated, and advises the backend that was faster for a small step', () => {
    const soft = describeBackend({
      backend: 'webgl',
      webglVersion: 2,
      renderer: 'SwiftShader',
      software: true,
      msPerMatMul: 38.4,
      msPerSmallStep: { webgl: 10, cpu: 2.2 },
    });
    expect(soft).toContain('draws WebGL in software (SwiftShader): there is no graphics processor behind it');
    expect(soft).toContain('about 10.0 ms on WebGL and 2.2 ms on the CPU backend here: for the small models of these chapters, pick CPU');
    const gpu = describeBackend({
      backend: 'webgl',
      webglVersion: 2,
      renderer: 'Apple M2',
      software: false,
      msPerMatMul: 0.4,
      msPerSmallStep: { webgl: 0.8, cpu: 1.5 },
    });
    expect(gpu).toContain('Demos will train on your graphics processor (WebGL 2, Apple M2)');
    expect(gpu).toContain('WebGL is the faster choice');
    expect(describeBackend({ backend: 'cpu', msPerMatMul: 20, fallbackReason: 'no WebGL2' })).toContain(
      'WebGL is not available (no WebGL2), so demos will train on the CPU backend',
    );
  });
});
