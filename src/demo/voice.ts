import type { StepRow } from '../train/training-run';
import { formatNumber as fmt, noWorkerMessage } from './format';
import type { DemoEvent, DemoMessage } from './states';

/** While training, the status line (read out by screen readers) changes at most this often. */
const STATUS_EVERY_MS = 4000;

/** What a demo says to the reader: its status line (paced while training) and its messages, worded here. */
export class DemoVoice {
  #lastStatus = -Infinity;

  constructor(
    private readonly emit: (e: DemoEvent) => void,
    private readonly now: () => number,
  ) {}

  /** The status line: on every change when `force`d, otherwise every few seconds. */
  status(text: string, force = true): void {
    if (!force && this.now() - this.#lastStatus < STATUS_EVERY_MS) return;
    this.#lastStatus = this.now();
    this.emit({ type: 'status', text });
  }

  message(message: DemoMessage | null): void {
    this.emit({ type: 'message', message });
  }

  notice(text: string): void {
    this.message({ text, kind: 'notice', way: 'defaults' });
  }

  error(text: string, way: DemoMessage['way'] = 'defaults'): void {
    this.message({ text, kind: 'error', way });
  }

  ready(row: StepRow): void {
    this.status(`Ready at the seeded start: loss ${fmt(row.loss)}.`);
  }

  training(row: StepRow): void {
    this.status(`Training: step ${row.step}, loss ${fmt(row.loss)}.`, false);
  }

  stopped(row: StepRow, hand: boolean, reason: 'done' | 'paused'): void {
    const what = reason === 'paused' ? 'Paused' : 'Stopped';
    this.status(hand ? `Try ${row.step}: loss ${fmt(row.loss)}.` : `${what} at step ${row.step}: loss ${fmt(row.loss)}.`);
  }

  edited(loss: number): void {
    this.status(`Moved by hand: loss now ${fmt(loss)}. Play trains on from here.`);
  }

  fellBack(asked: string, reason: string): void {
    this.notice(`Training on the CPU instead of ${asked}: ${reason}. It works, only slower.`);
  }

  failed(text: string, noWorker: boolean): void {
    this.error(noWorker ? noWorkerMessage(text) : text, noWorker ? 'in-page' : 'defaults');
    this.status(text);
  }
}
