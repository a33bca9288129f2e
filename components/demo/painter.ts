/**
 * What changes while a demo trains, drawn a few times a second rather than on every report
 * (a fast backend reports 30 times a second, and each change repaints the page): the badge,
 * the loss in a hand demo's title, the step log and the charts.
 */
import type { DemoController } from '../../src/demo/controller';
import { formatNumber as fmt } from '../../src/demo/format';
import type { DemoCharts } from './charts';
import type { DemoChrome } from './demo-chrome';
import { StepLogTable } from './step-log';

/** The step log shows the newest 100 rows; while a run streams, a screenful (see StepLogTable). */
const LOG_ROWS_SHOWN = 100;
const LOG_ROWS_RUNNING = 12;
/** While training, charts and the log redraw at most this often (reduced motion: far less). */
const DRAW_EVERY_MS = 100;
const DRAW_EVERY_MS_REDUCED = 500;
/** While training, the step log takes in new rows at most this often. */
const TABLE_EVERY_MS = 250;

export class DemoPainter {
  readonly table: StepLogTable;
  #queued = false;
  #tableDrawn = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly c: DemoController,
    private readonly chrome: DemoChrome,
    private readonly charts: DemoCharts,
  ) {
    this.table = new StepLogTable(root.querySelector('[data-role="log"]')!);
  }

  /** Draws soon: after a short wait, at the next frame; reports in between add nothing. */
  queue(): void {
    if (this.#queued) return;
    this.#queued = true;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const draw = () => {
      this.#queued = false;
      this.draw();
    };
    setTimeout(() => requestAnimationFrame(draw), reduced ? DRAW_EVERY_MS_REDUCED : DRAW_EVERY_MS);
  }

  draw(): void {
    const r = this.c.record;
    this.chrome.badge(this.c.link.runningOn, this.c.link.inPage, r.msPerStep);
    const now = this.root.querySelector('[data-role="loss-now"]');
    const last = r.history.last;
    if (now && last) now.textContent = fmt(last.loss);
    if (this.c.state !== 'running' || performance.now() - this.#tableDrawn >= TABLE_EVERY_MS) {
      this.#tableDrawn = performance.now();
      const rows = this.c.state === 'running' ? LOG_ROWS_RUNNING : LOG_ROWS_SHOWN;
      this.table.draw(r.history.latest(rows), rows);
    }
    this.charts.draw();
  }
}
