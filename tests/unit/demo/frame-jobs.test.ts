import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_BUDGET_MS, FrameJobs } from '../../../components/demo/frame-jobs';

const { document } = parseHTML('<!doctype html><html><body><div data-role="loss-chart"><svg id="old"></svg></div></body></html>');

describe("a demo's drawing, spread over frames", () => {
  /** The frames asked for and not yet run; `frame()` runs the next one. */
  let frames: (() => void)[] = [];
  const frame = () => frames.shift()!();
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const fresh = (id: string) => Object.assign(document.createElementNS('http://www.w3.org/2000/svg', 'svg'), { id });
  const box = () => document.querySelector('[data-role="loss-chart"]') as unknown as HTMLElement;

  it('runs the jobs in the order asked, as many a frame as its budget holds; a newer job of the same name replaces the waiting one', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const jobs = new FrameJobs();
    const ran: string[] = [];
    /** A job that takes `ms` of the frame. */
    const job = (name: string, ms: number) => () => {
      ran.push(name);
      now += ms;
    };
    jobs.later('loss', job('loss 1', 1));
    jobs.later('fit', job('fit', 1));
    jobs.later('landscape', job('landscape', FRAME_BUDGET_MS));
    jobs.later('network', job('network', 1));
    jobs.later('loss', job('loss 2', 1));
    expect(frames).toHaveLength(1);
    frame();
    // The three cheap or first jobs share the frame; the one that spent the budget ends it.
    expect(ran).toEqual(['loss 2', 'fit', 'landscape']);
    expect(frames).toHaveLength(1);
    frame();
    expect(ran).toEqual(['loss 2', 'fit', 'landscape', 'network']);
    expect(frames).toHaveLength(0);
  });

  it('while training, a figure drawn anew goes in at the next frame, and is the current one meanwhile; nothing else is drawn in that frame', () => {
    const jobs = new FrameJobs();
    const b = box();
    const a = fresh('a');
    jobs.place(b, a as unknown as Element, true);
    expect(b.firstElementChild!.id).toBe('old');
    expect(jobs.current(b)).toBe(a);
    // Drawn again before its frame: only the newer figure goes in.
    const c = fresh('c');
    jobs.place(b, c as unknown as Element, true);
    let after = false;
    jobs.later('network', () => (after = true));
    frame();
    expect(b.firstElementChild).toBe(c);
    expect(jobs.current(b)).toBe(c);
    expect(after).toBe(false);
    frame();
    expect(after).toBe(true);
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

  it('a figure that knows how to go in (the network diagram, copied onto the old one) is put its own way, once, with the newest figure', () => {
    const jobs = new FrameJobs();
    const b = box();
    const put = vi.fn();
    jobs.place(b, fresh('first') as unknown as Element, true, put);
    const second = fresh('second') as unknown as Element;
    jobs.place(b, second, true, put);
    expect(put).not.toHaveBeenCalled();
    frame();
    expect(put.mock.calls).toEqual([[b, second]]);
  });
});
