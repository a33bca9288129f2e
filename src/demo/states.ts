/** The demo's states and events: what the controller (controller.ts) is in and tells its views. */
import type { Trainer } from '../train/client';
import type { Report } from '../train/protocol';
import type { StepRow } from '../train/training-run';
import type { SettingsSpec } from '../train/settings';
import type { BackendName } from '../nn/tf';

export type DemoState = 'idle' | 'loading' | 'ready' | 'running' | 'paused' | 'diverged' | 'error';

/** Where each state may go. A report that would move elsewhere came too late (a pause acknowledged after a reset) and is ignored. */
export const TRANSITIONS: Readonly<Record<DemoState, readonly DemoState[]>> = {
  idle: ['loading'],
  loading: ['ready', 'error'],
  ready: ['running', 'loading', 'error'],
  running: ['ready', 'paused', 'diverged', 'loading', 'error'],
  paused: ['running', 'ready', 'loading', 'error'],
  diverged: ['loading', 'error'],
  error: ['loading'],
};

/** A message for the reader: errors are alerts, notices are notes; `way` names the way on it offers. */
export interface DemoMessage {
  text: string;
  kind: 'error' | 'notice';
  way: 'defaults' | 'in-page';
}

export type DemoEvent =
  | { type: 'state'; state: DemoState }
  /** The settings or the backend changed: controls follow, and the URL (`query`). */
  | { type: 'settings'; query: URLSearchParams }
  | { type: 'message'; message: DemoMessage | null }
  | { type: 'status'; text: string }
  | { type: 'backend'; backend: BackendName }
  /** A run went back to step 0; `drawTarget`: its target is a drawing not yet made. */
  | { type: 'start'; drawTarget: boolean }
  | { type: 'progress'; rows: readonly StepRow[] }
  /** A run ended or paused: views catch up on what they skipped while it ran. */
  | { type: 'stopped' }
  | { type: 'edited'; loss: number };

export interface ControllerOptions {
  /** The demo's id: the prefix of its settings in the URL. */
  id: string;
  experiment: string;
  spec: SettingsSpec;
  /** Hand mode: every settings change is a try (a step of one); there is no training. */
  hand: boolean;
  query: URLSearchParams;
  /** Starts a trainer (a worker, or the page's own thread when `inPage`); may throw WorkerUnavailableError. */
  makeTrainer(onReport: (r: Report) => void, inPage: boolean): Trainer;
  emit(e: DemoEvent): void;
  /** Clock for the status line's pace (ms). */
  now?: () => number;
}
