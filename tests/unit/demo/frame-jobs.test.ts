import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameJobs } from '../../../components/demo/frame-jobs';

const { document } = parseHTML('<!doctype html><html><body><div data-role="loss-chart"><svg id="old"></svg></div></body></html>');

describe("a demo's drawing, a job per frame", () => {
  /** The frames asked for and not yet run; `frame()` runs the next one. */
  let frames: (() => void)[] = [];
  const frame = () => frames.shift()!();
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  });
  afterEach(() => vi.unstubAllGlobals());

  const fresh = (id: string) => Object.assign(document.createElementNS('http://www.w3.org/2000/svg', 'svg'), { id });
  const box = () => document.querySelector('[data-role="loss-chart"]') as unknown as HTMLElement;

  it('runs one job a frame, in the order asked; a newer job of the same name replaces the waiting one', () => {
    const jobs = new FrameJobs();
    const ran: string[] = [];
    jobs.later('loss', () => ran.push('loss 1'));
    jobs.later('network', () => ran.push('network'));
    jobs.later('loss', () => ran.push('loss 2'));
    expect(frames).toHaveLength(1);
    frame();
    expect(ran).toEqual(['loss 2']);
    frame();
    expect(ran).toEqual(['loss 2', 'network']);
    expect(frames).toHaveLength(0);
  });

  it('while training, a figure drawn anew goes in at the next frame, and is the current one meanwhile', () => {
    const jobs = new FrameJobs();
    const b = box();
    const a = fresh('a');
    jobs.place(b, a as unknown as Element, true);
    expect(b.firstElementChild!.id).toBe('old');
    expect(jobs.current(b)).toBe(a);
    // Drawn again before its frame: only the newer figure goes in.
    const c = fresh('c');
    jobs.place(b, c as unknown as Element, true);
    frame();
    expect(b.firstElementChild).toBe(c);
    expect(jobs.current(b)).toBe(c);
    expect(frames).toHaveLength(0);
  });

  it('stopped, a figure goes in at once, and one still waiting from the run never replaces it', () => {
    const jobs = new FrameJobs();
    const b = box();
    jobs.place(b, fresh('running') as unknown as Element, true);
    const now = fresh('stopped');
    jobs.place(b, now as unknown as Element, false);
    expect(b.firstElementChild).toBe(now);
    frame();
    expect(b.firstElementChild).toBe(now);
  });
});
