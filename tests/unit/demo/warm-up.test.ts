import { beforeAll, describe, expect, it, vi } from 'vitest';

/** Workers the page starts: what each was asked, and whether it was ended. */
class FakeWorker {
  static started: FakeWorker[] = [];
  posted: { type: string; experiment?: string }[] = [];
  terminated = false;
  onmessage: ((e: { data: { type: string } }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor() {
    FakeWorker.started.push(this);
  }
  postMessage(m: { type: string; experiment?: string }) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  answer(type: string) {
    this.onmessage?.({ data: { type } });
  }
}

/** Idle callbacks wait here until the test lets the page go idle. */
const idle: (() => void)[] = [];
const goIdle = async () => {
  while (idle.length) idle.shift()!();
  await new Promise((r) => setTimeout(r, 0));
};

type WarmUp = typeof import('../../../components/demo/warm-up');
let warmUp: WarmUp;
let TrainerClient: typeof import('../../../src/train/client').TrainerClient;

beforeAll(async () => {
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('document', { readyState: 'complete' });
  vi.stubGlobal('addEventListener', () => {});
  vi.stubGlobal('removeEventListener', () => {});
  vi.stubGlobal('requestIdleCallback', (job: () => void) => idle.push(job));
  warmUp = await import('../../../components/demo/warm-up');
  ({ TrainerClient } = await import('../../../src/train/client'));
});

function demo(key: string) {
  const d = { key, state: 'idle' as 'idle' | 'loading' | 'ready' | 'running', init: () => ({ experiment: key, settings: {}, backend: 'cpu' }) };
  const candidate = { key, init: d.init, started: () => d.state !== 'idle', busy: () => d.state === 'loading' || d.state === 'running' };
  return { d, candidate };
}

describe('warming the next demo while the page is idle', () => {
  it('yields to a demo that starts to train (its worker ends), and warms again once nothing runs', async () => {
    const a = demo('first');
    const b = demo('second');
    warmUp.warmWhenIdle(a.candidate as never);
    warmUp.warmWhenIdle(b.candidate as never);
    await goIdle();
    // The first demo warms: one worker, asked to warm its experiment.
    expect(FakeWorker.started).toHaveLength(1);
    const first = FakeWorker.started[0]!;
    expect(first.posted[0]).toMatchObject({ type: 'warm', experiment: 'first' });
    // The reader reaches the first demo: its trainer takes the worker over, and once it is ready the second warms.
    a.d.state = 'loading';
    warmUp.demoChanged();
    expect(new TrainerClient(() => {}, 'first').send).toBeTypeOf('function');
    expect(FakeWorker.started).toHaveLength(1);
    expect(first.terminated).toBe(false);
    await goIdle();
    a.d.state = 'ready';
    warmUp.demoChanged();
    await goIdle();
    expect(FakeWorker.started).toHaveLength(2);
    const second = FakeWorker.started[1]!;
    expect(second.posted[0]).toMatchObject({ type: 'warm', experiment: 'second' });
    // The first demo starts training before the second is warm: that warm-up stops.
    a.d.state = 'running';
    warmUp.demoChanged();
    expect(second.terminated).toBe(true);
    await goIdle();
    expect(FakeWorker.started).toHaveLength(2);
    // The run stops: the second demo warms again, in a new worker.
    a.d.state = 'ready';
    warmUp.demoChanged();
    await goIdle();
    expect(FakeWorker.started).toHaveLength(3);
    expect(FakeWorker.started[2]!.posted[0]).toMatchObject({ type: 'warm', experiment: 'second' });
    // Once warm, a worker waits whatever runs: it costs nothing.
    FakeWorker.started[2]!.answer('warmed');
    await goIdle();
    a.d.state = 'running';
    warmUp.demoChanged();
    expect(FakeWorker.started[2]!.terminated).toBe(false);
  });
});
