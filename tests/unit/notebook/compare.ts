/**
 * Runs a notebook's Python and compares its step log with the site's, row by row: shared by
 * the unit test (the site's run in Node on tfjs's CPU backend) and the browser test (the
 * page's own log on the CPU backend).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface LogRow {
  step: number;
  loss: number;
  columns: number[];
}

/** Debian's Python (with python3-torch) unless $PYTHON names another. */
export const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

/** Runs `code` in Python and returns the step log it printed (rows start with a step number). */
export function runPython(code: string, timeoutMs = 300_000): { rows: LogRow[]; stdout: string } {
  const r = spawnSync(PYTHON, ['-'], { input: code, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    throw new Error(`${PYTHON} failed (${r.error?.message ?? `exit ${r.status}`}); needs NumPy and PyTorch (Debian: python3-torch):\n${r.stderr}`);
  }
  const rows = r.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((t) => t.length >= 2 && /^\d+$/.test(t[0]!))
    .map((t) => ({ step: Number(t[0]), loss: Number(t[1]), columns: t.slice(2).map(Number) }));
  return { rows, stdout: r.stdout };
}

/** How close two logs must be: the printed rounding (4 decimals, or 4 significant digits) plus float32 drift. */
export interface Tolerance {
  atol: number;
  rtol: number;
}
export const FLOAT32_DRIFT: Tolerance = { atol: 1e-4, rtol: 1e-3 };

/** The printed value's rounding: half a unit in the last printed digit. */
const printedRounding = (v: number) => (v !== 0 && (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) ? Math.abs(v) * 5e-4 : 5e-5);

/**
 * Every row Python printed is checked against the site's row of that step; throws naming
 * the demo, step, column and both values at the first that differ. Returns the steps compared.
 */
export function compareLogs(
  demo: string,
  columns: readonly string[],
  python: readonly LogRow[],
  site: readonly LogRow[],
  tol = FLOAT32_DRIFT,
): number[] {
  const byStep = new Map(site.map((r) => [r.step, r]));
  const compared: number[] = [];
  for (const p of python) {
    const s = byStep.get(p.step);
    if (!s) continue;
    const names = ['loss', ...columns];
    const pv = [p.loss, ...p.columns];
    const sv = [s.loss, ...s.columns];
    if (pv.length !== sv.length) throw new Error(`${demo}, step ${p.step}: Python printed ${pv.length} values, the site logs ${sv.length}`);
    pv.forEach((v, i) => {
      if (Number.isNaN(v) && Number.isNaN(sv[i])) return;
      const limit = printedRounding(sv[i]!) + tol.atol + tol.rtol * Math.abs(sv[i]!);
      if (!(Math.abs(v - sv[i]!) <= limit)) {
        throw new Error(`${demo}, step ${p.step}, ${names[i]}: the notebook printed ${v}, the site has ${sv[i]} (allowed ±${limit.toPrecision(2)})`);
      }
    });
    compared.push(p.step);
  }
  return compared;
}
