import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StepLogTable } from '../../../components/demo/step-log';

const { document } = parseHTML('<!doctype html><html><body><table><tbody></tbody></table></body></html>');
const rows = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ step: from + i, loss: 1 / (from + i + 1), columns: [from + i] }));
const shown = (body: Element) => [...body.querySelectorAll('tr')].map((tr) => Number(tr.firstElementChild!.textContent));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the step log table', () => {
  const g = globalThis as { document?: unknown };
  const saved = g.document;
  beforeAll(() => (g.document = document));
  afterAll(() => (g.document = saved));

  it('shows a screenful while a run streams, every newest row once it stops, and starts over after a reset', () => {
    const body = document.querySelector('tbody')!;
    const table = new StepLogTable(body as unknown as HTMLElement);
    table.draw(rows(0, 0), 100);
    expect(shown(body)).toEqual([0]);
    // Streaming: the newest 12, rows appended and the oldest dropped, the same row elements kept where they stay.
    table.draw(rows(0, 20), 12);
    expect(shown(body)).toEqual(range(9, 20));
    const kept = body.querySelectorAll('tr')[5];
    table.draw(rows(0, 23), 12);
    expect(shown(body)).toEqual(range(12, 23));
    expect(body.querySelectorAll('tr')[2]).toBe(kept);
    // A fast run brings more new rows than fit: all replaced.
    table.draw(rows(0, 400), 12);
    expect(shown(body)).toEqual(range(389, 400));
    // Stopped: the newest 100, older rows brought back.
    table.draw(rows(0, 400), 100);
    expect(shown(body)).toEqual(range(301, 400));
    expect(body.querySelector('tr')!.children[1]!.textContent).not.toBe('');
    // Nothing new: nothing changes.
    const first = body.querySelector('tr');
    table.draw(rows(0, 400), 100);
    expect(body.querySelector('tr')).toBe(first);
    // A reset: the next draw replaces every row, even with steps the table showed before.
    table.reset();
    table.draw(rows(0, 2), 100);
    expect(shown(body)).toEqual([0, 1, 2]);
  });
});
