import type { BackendName } from '../nn/tf';
import type { Progress } from './training-run';
import type { Settings } from './settings';
import type { RunView, UnitEdit } from './experiment';

/** Page → worker. */
export type Command =
  | { type: 'init'; experiment: string; settings: Settings; backend: BackendName }
  /**
   * Before the page needs it: start the backend and train one throwaway step of this run, so
   * that tfjs is loaded and the step's shaders are compiled when `init` comes (it reports
   * `warmed`, or nothing if it fails: `init` then meets the trouble itself and says why).
   */
  | { type: 'warm'; experiment: string; settings: Settings; backend: BackendName }
  /** Train `steps` more steps (Infinity: play until paused). */
  | { type: 'run'; steps: number }
  | { type: 'pause' }
  /** Back to the seeded start, with these settings. */
  | { type: 'reset'; settings: Settings }
  /** Settings that apply mid-run (the experiment's `live` ones). */
  | { type: 'update'; settings: Partial<Settings> }
  /** Move one ReLU unit by hand (a dragged kink). */
  | { type: 'edit'; edit: UnitEdit }
  | { type: 'dispose' };

/** Worker → page. */
export type Report =
  | { type: 'ready'; backend: BackendName; fallbackReason?: string }
  | { type: 'warmed' }
  | { type: 'progress'; progress: Progress }
  /**
   * The run went back to step 0 (after init or reset): progress holds step 0, and `view`
   * what the new run shows (settings such as the target or the unit count change it).
   */
  | { type: 'start'; progress: Progress; view: RunView }
  /** After an edit: the edit and the step it followed, the loss where it left the model, and the curves and units there. */
  | { type: 'edited'; edit: UnitEdit; step: number; loss: number; progress: Progress }
  | { type: 'stopped'; reason: 'done' | 'paused' }
  | { type: 'diverged'; step: number; loss: number; message: string }
  | {
      type: 'error';
      message: string;
      contextLost?: boolean;
      /** No worker could start (none in this browser, or its script was refused): the page may train itself. */
      noWorker?: boolean;
    };
