/**
 * <nn-compute-bench>: times one training step of a tiny and of a wider model on each tfjs
 * backend, in the reader's browser, one worker at a time (so the runs don't compete), and
 * fills the table. Runs only when asked: it keeps the machine busy for a while.
 */
import { BACKEND_LABELS, BACKENDS, type BackendName } from '../src/nn/backends';
import { TrainerClient } from '../src/train/client';
import type { Report } from '../src/train/protocol';

export interface ProbeModel {
  key: string;
  label: string;
  width: number;
  batch: number;
  /** Steps timed after the first (which compiles shaders and is not counted). */
  steps: number;
}

type Cell = { ms: number } | { unavailable: string };

/** Trains `model` on `backend` for 1 + steps steps; the mean ms per step, first step excluded. */
function measure(model: ProbeModel, backend: BackendName): Promise<Cell> {
  return new Promise((resolve) => {
    let timed = 0;
    let ms = 0;
    let client: TrainerClient | null = null;
    const done = (cell: Cell) => {
      client?.terminate();
      resolve(cell);
    };
    client = new TrainerClient((r: Report) => {
      switch (r.type) {
        case 'ready':
          if (r.backend !== backend) done({ unavailable: r.fallbackReason ?? `${backend} did not start` });
          return;
        case 'start':
          client?.send({ type: 'run', steps: 1 + model.steps });
          return;
        case 'progress':
          for (const row of r.progress.rows) {
            if (row.step === 1) continue;
            timed++;
            ms += r.progress.msPerStep;
          }
          return;
        case 'stopped':
          done(timed ? { ms: ms / timed } : { unavailable: 'no steps were timed' });
          return;
        case 'diverged':
        case 'error':
          done({ unavailable: r.message });
          return;
      }
    });
    client.send({ type: 'init', experiment: 'compute-probe', settings: { width: model.width, batch: model.batch }, backend });
  });
}

const fmtMs = (ms: number) => (ms < 1 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

class NnComputeBench extends HTMLElement {
  #models: ProbeModel[] = [];

  connectedCallback(): void {
    this.#models = JSON.parse(this.querySelector('[data-role="models"]')?.textContent ?? '[]') as ProbeModel[];
    const button = this.querySelector<HTMLButtonElement>('[data-action="measure"]');
    if (!button) return;
    button.disabled = false;
    button.addEventListener('click', () => void this.measure());
  }

  async measure(): Promise<void> {
    const button = this.querySelector<HTMLButtonElement>('[data-action="measure"]')!;
    const status = this.querySelector('[data-role="status"]')!;
    button.disabled = true;
    this.dataset.state = 'running';
    const total = this.#models.length * BACKENDS.length;
    let n = 0;
    for (const model of this.#models) {
      const cells = new Map<BackendName, Cell>();
      for (const b of BACKENDS) {
        n++;
        status.textContent = `Measuring the ${model.label} on ${BACKEND_LABELS[b].label} (${n} of ${total})…`;
        const td = this.querySelector<HTMLElement>(`[data-model="${model.key}"] [data-backend="${b}"]`)!;
        td.textContent = '…';
        const cell = await measure(model, b);
        cells.set(b, cell);
        if ('ms' in cell) {
          td.dataset.ms = String(cell.ms);
          td.textContent = `${fmtMs(cell.ms)} ms`;
        } else {
          td.dataset.unavailable = 'true';
          td.textContent = 'not available';
          td.title = cell.unavailable;
        }
      }
      // The fastest backend for this model, marked in words (not by colour alone).
      const timed = [...cells].filter((e): e is [BackendName, { ms: number }] => 'ms' in e[1]);
      const best = timed.sort((a, b) => a[1].ms - b[1].ms)[0];
      if (best) {
        const td = this.querySelector<HTMLElement>(`[data-model="${model.key}"] [data-backend="${best[0]}"]`)!;
        td.dataset.fastest = 'true';
        td.textContent += ' (fastest)';
      }
    }
    status.textContent = 'Done: milliseconds per training step in this browser, first step (shader compilation) not counted.';
    this.dataset.state = 'done';
    button.disabled = false;
    button.textContent = 'Measure again';
  }
}

if (!customElements.get('nn-compute-bench')) customElements.define('nn-compute-bench', NnComputeBench);
