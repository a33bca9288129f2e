/**
 * Warming the page's demos while the browser is idle, one at a time in page order: the next
 * demo the reader will reach gets a worker that has loaded tfjs, started its backend and
 * compiled its first step's shaders (src/train/client.ts, warmTrainer), so its first step
 * comes at once. Only one warm worker waits at a time: the next demo warms once the reader
 * has reached the last one, and not while any demo loads or trains (they would share the
 * GPU and the cores): a warm-up under way when another demo starts is stopped, and resumed
 * once nothing runs. The page's own thread only starts the worker.
 */
import { cancelWarming, warmTrainer, warmWaiting, type InitCommand } from '../../src/train/client';

interface Candidate {
  key: string;
  init(): InitCommand;
  started(): boolean;
  /** Loading or training: its worker and the GPU are busy, and the page is not idle. */
  busy(): boolean;
}

const candidates: Candidate[] = [];
/** The demo whose worker is warming now, if any. */
let warming: Candidate | null = null;

/** Queues a demo to warm when the page is idle (after the load event, so the page's own loading comes first). */
export function warmWhenIdle(candidate: Candidate): void {
  candidates.push(candidate);
  next();
}

/** A demo started (taking its warm worker, if it had one), or stopped loading or training: the next may warm. */
export function demoChanged(): void {
  next();
}

function next(): void {
  // Another demo began to load or train while one warms: the warm-up yields (it would slow the run down) and comes back later.
  if (warming && candidates.some((c) => c !== warming && c.busy())) cancelWarming(warming.key);
  if (warming || warmWaiting() || candidates.some((c) => c.busy())) return;
  const candidate = candidates.find((c) => !c.started());
  if (!candidate) return;
  warming = candidate;
  whenIdle(() => {
    const done = () => {
      warming = null;
      next();
    };
    if (candidate.started() || candidates.some((c) => c.busy())) done();
    else void warmTrainer(candidate.key, candidate.init()).then(done);
  });
}

function whenIdle(job: () => void): void {
  const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(job, { timeout: 3000 }) : setTimeout(job, 500));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

/** The reader has scrolled, pointed or typed: someone is reading (an audit loading the page does none of these). */
let readerPresent = false;
const forReader: (() => void)[] = [];
const SIGNS = ['scroll', 'wheel', 'pointermove', 'pointerdown', 'keydown', 'touchstart'] as const;
function present(): void {
  if (readerPresent) return;
  readerPresent = true;
  for (const type of SIGNS) removeEventListener(type, present, true);
  forReader.splice(0).forEach((job) => whenIdle(job));
}
for (const type of SIGNS) addEventListener(type, present, { capture: true, passive: true });

/**
 * Runs `job` when the page is idle once a reader is known to be there: main-thread work
 * ahead of need (loading Plot and drawing the live charts in place of the build's) that a
 * reader will soon want, and that a page merely loaded (by an audit, say) never pays for.
 */
export function whenReaderIdle(job: () => void): void {
  if (readerPresent) whenIdle(job);
  else forReader.push(job);
}
