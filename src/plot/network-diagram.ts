/**
 * A fully connected network drawn as a diagram: a column of neurons per layer, each showing
 * its own output over the input space (a curve for one input, a small heat map for two),
 * and a link per weight whose width grows with |w|, orange and solid when positive, purple
 * and dashed when negative (so the sign is not carried by colour alone). Neurons and, in
 * small networks, links are focusable and name their values; a <title> shows them on hover.
 * Plain SVG built with the DOM, so the build draws the same diagram.
 */
import type { NetworkView } from '../train/experiment';

export interface NetworkDiagramInput {
  network: NetworkView;
  /** Every parameter, flattened: each layer's weight (out × in, row by row), then its bias. */
  weights: readonly number[] | null;
  /** Each hidden unit's output over the grid, in layer order (absent when there are too many units to draw). */
  unitCurves: readonly (readonly number[])[] | null;
  /** The prediction over the grid (the output neuron's picture). */
  prediction: readonly number[] | null;
  /** For two inputs: the lattice side (the curves are side × side, x₁ fastest); null for one input (curves over x). */
  side: number | null;
  width?: number;
  document?: Document;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Links drawn focusable up to this many (a larger network is read neuron by neuron). */
const FOCUSABLE_LINKS = 160;
const fmt = (v: number) => (Math.abs(v) >= 100 || (Math.abs(v) < 0.001 && v !== 0) ? v.toExponential(1) : v.toFixed(3));

interface Layout {
  x: number;
  ys: number[];
  size: number;
  /** Each neuron's bias is written under it (columns of up to 16 neurons). */
  labels: boolean;
}

/** The weight matrices and bias vectors of each Linear, in order. */
export function splitParameters(sizes: readonly number[], flat: readonly number[]): { w: number[][]; b: number[] }[] {
  const out: { w: number[][]; b: number[] }[] = [];
  let at = 0;
  for (let l = 1; l < sizes.length; l++) {
    const rows = sizes[l]!;
    const cols = sizes[l - 1]!;
    const w = Array.from({ length: rows }, (_, r) => flat.slice(at + r * cols, at + (r + 1) * cols) as number[]);
    at += rows * cols;
    const b = flat.slice(at, at + rows) as number[];
    at += rows;
    out.push({ w, b });
  }
  return out;
}

export function networkDiagram(input: NetworkDiagramInput): SVGSVGElement {
  const doc = input.document ?? document;
  const { network, weights } = input;
  const sizes = [network.inputs.length, ...network.layers.map((l) => l.units), 1];
  const width = Math.max(300, input.width ?? 640);
  const tallest = Math.max(...sizes);
  const size = Math.max(14, Math.min(40, Math.floor(460 / tallest) - 6));
  // Up to 16 neurons a column, each bias is written under its neuron: every number in sight.
  const labels = tallest <= 16;
  const gap = size + (labels ? 16 : 8);
  const top = 34;
  const height = top + tallest * gap + 24;
  const columnX = (i: number) => 50 + (i * (width - 100)) / Math.max(1, sizes.length - 1);
  const layout: Layout[] = sizes.map((n, i) => {
    const start = top + ((tallest - n) * gap) / 2;
    return { x: columnX(i), ys: Array.from({ length: n }, (_, j) => start + j * gap + size / 2), size, labels };
  });
  const el = maker(doc);
  const svg = el('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    class: 'if-network',
    role: 'group',
    'aria-label': `The network: ${sizes.join(' → ')} neurons`,
  }) as SVGSVGElement;
  const params = weights ? splitParameters(sizes, weights) : null;
  const linkCount = sizes.slice(1).reduce((n, s, i) => n + s * sizes[i]!, 0);
  const links = el('g', { class: 'if-links' });
  svg.append(links);
  // Column headings: the inputs' names, each layer's width and activation, the output.
  sizes.forEach((n, i) => {
    const heading =
      i === 0 ? 'input' : i === sizes.length - 1 ? (network.logits ? 'output (logit)' : 'output') : `${n} ${network.layers[i - 1]!.activation}`;
    svg.append(el('text', { x: layout[i]!.x, y: 14, 'text-anchor': 'middle', class: 'if-network__heading' }, heading));
  });
  if (params) drawLinks(links, params, layout, size, network, el, linkCount <= FOCUSABLE_LINKS);
  drawNeurons(svg, input, layout, sizes, params, el);
  return svg;
}

/** A neuron's output: a heat map of up to 10 × 10 cells (two inputs) or a polyline (one input), scaled to its own range. */
function drawPicture(g: Element, values: readonly number[], side: number | null, size: number, el: Make): void {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const scale = (v: number) => (hi - lo < 1e-12 ? 0.5 : (v - lo) / (hi - lo));
  if (side === null) {
    const pts = values.map((v, i) => `${((i / (values.length - 1)) * size).toFixed(1)},${(size - 2 - scale(v) * (size - 4)).toFixed(1)}`);
    g.append(el('polyline', { points: pts.join(' '), class: 'if-neuron__curve' }));
    return;
  }
  const cells = Math.min(10, side);
  const cell = size / cells;
  // One path per shade (SHADES of them) rather than a rect per cell: a tenth of the elements to draw, and to redraw while training.
  const shades: string[] = Array.from({ length: SHADES }, () => '');
  for (let r = 0; r < cells; r++) {
    for (let c = 0; c < cells; c++) {
      const sr = Math.round((r * (side - 1)) / Math.max(1, cells - 1));
      const sc = Math.round((c * (side - 1)) / Math.max(1, cells - 1));
      const shade = Math.round(scale(values[sr * side + sc]!) * (SHADES - 1));
      // Row 0 is the lowest x₂: drawn at the bottom, as on the map.
      shades[shade] += `M${(c * cell).toFixed(1)},${(size - (r + 1) * cell).toFixed(1)}h${cell.toFixed(2)}v${cell.toFixed(2)}h-${cell.toFixed(2)}z`;
    }
  }
  shades.forEach((d, shade) => {
    if (d) g.append(el('path', { d, 'fill-opacity': (0.1 + (0.9 * shade) / (SHADES - 1)).toFixed(2), class: 'if-neuron__cell' }));
  });
}

/** How many shades a neuron's picture has, palest (its lowest value) to darkest (its highest). */
const SHADES = 12;

type Make = (name: string, attrs: Record<string, string | number>, text?: string) => Element;

/** An SVG element maker for `doc` (the page's, or the build's). */
const maker =
  (doc: Document): Make =>
  (name, attrs, text) => {
    const e = doc.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };

type Params = { w: number[][]; b: number[] }[];

/** One line per weight, its width by |w| (relative to the largest), its class by sign; named, and focusable in a small network. */
function drawLinks(links: Element, params: Params, layout: Layout[], size: number, network: NetworkView, el: Make, focusable: boolean): void {
  const largest = Math.max(1e-9, ...params.flatMap((p) => p.w.flat().map(Math.abs)));
  params.forEach(({ w }, l) => {
    const from = layout[l]!;
    const to = layout[l + 1]!;
    w.forEach((row, j) =>
      row.forEach((v, i) => {
        const line = el('line', {
          x1: from.x + size / 2,
          y1: from.ys[i]!,
          x2: to.x - size / 2,
          y2: to.ys[j]!,
          'stroke-width': (0.5 + (4 * Math.abs(v)) / largest).toFixed(2),
          class: v >= 0 ? 'if-link if-link--pos' : 'if-link if-link--neg',
          'data-weight': `${l}.${j}.${i}`,
          'data-value': v,
        });
        const name = `Weight from ${l === 0 ? network.inputs[i] : `neuron ${i + 1} of layer ${l}`} to ${l === params.length - 1 ? 'the output' : `neuron ${j + 1} of layer ${l + 1}`}: ${fmt(v)}`;
        line.append(el('title', {}, name));
        if (focusable) {
          line.setAttribute('tabindex', '-1');
          line.setAttribute('role', 'img');
          line.setAttribute('aria-label', name);
        }
        links.append(line);
      }),
    );
  });
}

/** Each neuron as a box with its own output drawn in it (an input shows its name), named with its bias. */
function drawNeurons(svg: Element, input: NetworkDiagramInput, layout: Layout[], sizes: number[], params: Params | null, el: Make): void {
  const { network, side } = input;
  const curves = input.unitCurves;
  const size = layout[0]!.size;
  let unit = 0;
  layout.forEach((col, l) => {
    col.ys.forEach((y, j) => {
      const g = el('g', {
        class: 'if-neuron',
        transform: `translate(${(col.x - size / 2).toFixed(1)},${(y - size / 2).toFixed(1)})`,
        // One tab stop for the whole diagram (the first input); the arrow keys move on from there.
        tabindex: l === 0 && j === 0 ? 0 : -1,
        role: 'img',
      });
      let name: string;
      let picture: readonly number[] | null = null;
      if (l === 0) {
        name = `Input ${network.inputs[j]}`;
      } else {
        const bias = params?.[l - 1]!.b[j];
        const what = l === sizes.length - 1 ? 'The output neuron' : `Neuron ${j + 1} of layer ${l}`;
        name = `${what}: bias ${bias === undefined ? 'not known yet' : fmt(bias)}`;
        if (bias !== undefined) g.setAttribute('data-bias', String(bias));
        picture = l === sizes.length - 1 ? input.prediction : (curves?.[unit++] ?? null);
        g.setAttribute('data-neuron', `${l}.${j}`);
      }
      g.setAttribute('aria-label', name);
      g.append(el('title', {}, name));
      g.append(el('rect', { width: size, height: size, class: 'if-neuron__box' }));
      const bias = l > 0 ? params?.[l - 1]!.b[j] : undefined;
      if (col.labels && bias !== undefined)
        g.append(el('text', { x: size / 2, y: size + 11, 'text-anchor': 'middle', class: 'if-neuron__bias' }, `b ${bias.toFixed(2)}`));
      if (picture) drawPicture(g, picture, side, size, el);
      else if (l === 0) g.append(el('text', { x: size / 2, y: size / 2 + 4, 'text-anchor': 'middle', class: 'if-neuron__name' }, network.inputs[j]!));
      svg.append(g);
    });
  });
}

/**
 * Puts a drawn diagram (networkDiagram) into `box`, keeping the reader's place: the neuron or
 * link in focus before has it again. The same network at the same width is changed in place
 * (see {@link morph}): mostly widths, colours and shades, which the browser repaints without
 * laying the diagram out again. `data-drawn-step` on the box is a test hook.
 */
export function placeNetwork(box: HTMLElement, fresh: SVGSVGElement, step: number): void {
  const old = box.firstElementChild;
  box.dataset.drawnStep = String(step);
  if (old?.tagName === fresh.tagName && ['aria-label', 'width', 'height'].every((a) => old.getAttribute(a) === fresh.getAttribute(a))) {
    morph(old, fresh);
    return;
  }
  const stop = box.querySelector('[tabindex="0"]');
  const keep = stop?.getAttribute('aria-label')?.split(':')[0];
  const hadFocus = box.contains(document.activeElement);
  box.replaceChildren(fresh);
  const again = keep && networkItems(box).find((e) => e.getAttribute('aria-label')!.split(':')[0] === keep);
  if (again) {
    moveStop(box, again);
    if (hadFocus) again.focus();
  }
}

/**
 * Makes `old` read like `fresh`, node for node where the two have the same shape: attributes
 * and text set where they differ, tab stops left where the reader moved them (so focus stays
 * on the same node); a child list of another length, or another element, is replaced whole.
 */
export function morph(old: Element, fresh: Element): void {
  for (const a of [...fresh.attributes]) if (a.name !== 'tabindex' && old.getAttribute(a.name) !== a.value) old.setAttribute(a.name, a.value);
  for (const a of [...old.attributes]) if (a.name !== 'tabindex' && !fresh.hasAttribute(a.name)) old.removeAttribute(a.name);
  const [from, to] = [[...old.childNodes], [...fresh.childNodes]];
  if (from.length !== to.length) {
    old.replaceChildren(...to);
    return;
  }
  to.forEach((f, i) => {
    const o = from[i]!;
    if (o.nodeType === 3 && f.nodeType === 3) {
      if (o.nodeValue !== f.nodeValue) o.nodeValue = f.nodeValue;
    } else if (o.nodeType === 1 && f.nodeType === 1 && (o as Element).tagName === (f as Element).tagName) {
      morph(o as Element, f as Element);
    } else {
      old.replaceChild(f, o);
    }
  });
}

/** The diagram's items in reading order: the neurons column by column, then the links. */
export const networkItems = (box: Element): SVGElement[] => [
  ...box.querySelectorAll<SVGElement>('.if-neuron'),
  ...box.querySelectorAll<SVGElement>('.if-link[tabindex]'),
];

/** Makes `item` the diagram's one tab stop. */
function moveStop(box: Element, item: Element): void {
  for (const e of box.querySelectorAll('[tabindex="0"]')) e.setAttribute('tabindex', '-1');
  item.setAttribute('tabindex', '0');
}

const STEPS: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/** The arrow keys move the focus item by item (Home and End to the first and last): one tab stop for the diagram. */
export function networkKeys(box: HTMLElement): void {
  box.addEventListener('keydown', (e) => {
    const items = networkItems(box);
    const at = items.indexOf(e.target as SVGElement);
    if (at < 0) return;
    const to =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? items.length - 1
          : STEPS[e.key] === undefined
            ? -1
            : Math.min(items.length - 1, Math.max(0, at + STEPS[e.key]!));
    if (to < 0) return;
    e.preventDefault();
    moveStop(box, items[to]!);
    items[to]!.focus();
  });
  // A pointer or a test may focus any item: it becomes the tab stop.
  box.addEventListener('focusin', (e) => {
    if (networkItems(box).includes(e.target as SVGElement)) moveStop(box, e.target as Element);
  });
}
