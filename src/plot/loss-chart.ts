import * as Plot from '@observablehq/plot';
import { asAccessibleImage } from './accessible';

export interface LossChartInput {
  rows: readonly { step: number; loss: number }[];
  log?: boolean;
  width?: number;
  document?: Document;
}

/** At most this many points are drawn; a long run is thinned evenly (the last step always kept). */
export const MAX_LOSS_POINTS = 600;

function thin<T>(rows: readonly T[], max: number): T[] {
  if (rows.length <= max) return [...rows];
  const stride = Math.ceil(rows.length / max);
  return rows.filter((_, i) => i % stride === 0 || i === rows.length - 1);
}

/** The loss by step, on a linear or log scale. Non-finite values never reach it (the runtime stops first). */
export function lossChart({ rows, log = false, width = 640, document }: LossChartInput): SVGSVGElement | HTMLElement {
  const finite = thin(
    rows.filter((r) => Number.isFinite(r.loss) && (!log || r.loss > 0)),
    MAX_LOSS_POINTS,
  );
  const lastStep = Math.max(10, finite.at(-1)?.step ?? 0);
  return asAccessibleImage(
    Plot.plot({
    document,
    width,
    height: Math.round(width * 0.3),
    marginLeft: 52,
    style: { background: 'transparent', color: 'inherit', fontSize: '12px' },
    x: { domain: [0, lastStep], label: 'step', grid: true },
    y: { type: log ? 'log' : 'linear', label: log ? 'loss (log scale)' : 'loss', grid: true, nice: true, zero: !log },
    marks: [
      Plot.line(finite, { x: 'step', y: 'loss', stroke: 'var(--if-model)', strokeWidth: 2 }),
      Plot.dot(finite.slice(-1), { x: 'step', y: 'loss', fill: 'var(--if-model)', r: 3 }),
    ],
    ariaLabel: 'Loss by training step',
    ariaDescription: finite.length
      ? `Loss from step ${finite[0]!.step} (${finite[0]!.loss.toPrecision(4)}) to step ${finite.at(-1)!.step} (${finite.at(-1)!.loss.toPrecision(4)}).`
      : 'No steps yet.',
  }),
  );
}
