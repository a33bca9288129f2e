import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { networkDiagram, placeNetwork, splitParameters } from '../../../src/plot/network-diagram';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const doc = document as unknown as Document;

// 2 inputs → 3 → 1: W₁ (3 × 2), b₁ (3), W₂ (1 × 3), b₂ (1).
const FLAT = [0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.01, 0.02, 0.03, 1.5, -2.5, 0.25, -0.75];
const network = { inputs: ['x₁', 'x₂'], layers: [{ units: 3, activation: 'tanh' }], unitsDrawn: true, logits: true };

describe('the network diagram', () => {
  it('splits the flat parameters into each Linear’s weight rows and bias', () => {
    expect(splitParameters([2, 3, 1], FLAT)).toEqual([
      {
        w: [
          [0.1, -0.2],
          [0.3, -0.4],
          [0.5, -0.6],
        ],
        b: [0.01, 0.02, 0.03],
      },
      { w: [[1.5, -2.5, 0.25]], b: [-0.75] },
    ]);
  });

  it('draws a link per weight and a neuron per unit, each named with its value; the sign is a class (colour and dash)', () => {
    const svg = networkDiagram({ network, weights: FLAT, unitCurves: null, prediction: null, side: null, document: doc });
    const links = [...svg.querySelectorAll('line[data-weight]')];
    expect(links.map((l) => [l.getAttribute('data-weight'), Number(l.getAttribute('data-value'))])).toEqual([
      ['0.0.0', 0.1],
      ['0.0.1', -0.2],
      ['0.1.0', 0.3],
      ['0.1.1', -0.4],
      ['0.2.0', 0.5],
      ['0.2.1', -0.6],
      ['1.0.0', 1.5],
      ['1.0.1', -2.5],
      ['1.0.2', 0.25],
    ]);
    expect(links[1]!.getAttribute('class')).toBe('if-link if-link--neg');
    expect(links[6]!.getAttribute('class')).toBe('if-link if-link--pos');
    expect(links[7]!.getAttribute('aria-label')).toBe('Weight from neuron 2 of layer 1 to the output: -2.500');
    // Width grows with |w|: the largest weight gets the widest line.
    const widths = links.map((l) => Number(l.getAttribute('stroke-width')));
    expect(Math.max(...widths)).toBe(widths[7]);
    expect(widths[0]).toBeLessThan(widths[4]!);
    const output = svg.querySelector('[data-neuron="2.0"]')!;
    expect(output.getAttribute('aria-label')).toBe('The output neuron: bias -0.750');
    // One tab stop for the diagram: the first input; the arrow keys reach the rest.
    expect(output.getAttribute('tabindex')).toBe('-1');
    expect([...svg.querySelectorAll('[tabindex="0"]')].map((e) => e.getAttribute('aria-label'))).toEqual(['Input x₁']);
    // Every bias is also written under its neuron.
    expect([...svg.querySelectorAll('.if-neuron__bias')].map((t) => t.textContent)).toEqual(['b 0.01', 'b 0.02', 'b 0.03', 'b -0.75']);
  });

  it('draws each unit’s own output: a curve for one input, a map of cells for two', () => {
    const curve = [0, 1, 2, 3];
    const oneInput = networkDiagram({
      network: { ...network, inputs: ['x'] },
      weights: null,
      unitCurves: [curve, curve, curve],
      prediction: curve,
      side: null,
      document: doc,
    });
    expect(oneInput.querySelectorAll('.if-neuron__curve')).toHaveLength(4);
    const lattice = Array.from({ length: 25 * 25 }, (_, i) => i);
    const plane = networkDiagram({ network, weights: null, unitCurves: [lattice, lattice, lattice], prediction: lattice, side: 25, document: doc });
    // Four pictures of 10 × 10 cells, drawn as one path per shade: the first cell (lowest x₁ and x₂, at the bottom left) is the palest, the last the darkest.
    const shades = [...plane.querySelectorAll('[data-neuron="1.0"] .if-neuron__cell')];
    expect(shades).toHaveLength(12);
    expect(shades.flatMap((p) => p.getAttribute('d')!.match(/M/g)!)).toHaveLength(100);
    const [palest, darkest] = [shades[0]!, shades.at(-1)!];
    expect(palest.getAttribute('fill-opacity')).toBe('0.10');
    expect(darkest.getAttribute('fill-opacity')).toBe('1.00');
    const size = Number(plane.querySelector('[data-neuron="1.0"] .if-neuron__box')!.getAttribute('width'));
    const cell = size / 10;
    expect(palest.getAttribute('d')!.startsWith(`M0.0,${(size - cell).toFixed(1)}h`)).toBe(true);
    expect(darkest.getAttribute('d')!.endsWith(`M${(9 * cell).toFixed(1)},0.0h${cell.toFixed(2)}v${cell.toFixed(2)}h-${cell.toFixed(2)}z`)).toBe(
      true,
    );
    // Without parameters yet: no links, and the neurons say so.
    expect(plane.querySelectorAll('line')).toHaveLength(0);
    expect(plane.querySelector('[data-neuron="1.0"]')!.getAttribute('aria-label')).toBe('Neuron 1 of layer 1: bias not known yet');
  });

  it('past 160 links, links keep their hover title but leave the Tab order to the neurons', () => {
    const wide = {
      ...network,
      layers: [
        { units: 20, activation: 'relu' },
        { units: 20, activation: 'relu' },
      ],
    };
    const weights = Array.from({ length: 2 * 20 + 20 + 20 * 20 + 20 + 20 + 1 }, (_, i) => Math.sin(i));
    const svg = networkDiagram({ network: wide, weights, unitCurves: null, prediction: null, side: null, document: doc });
    expect(svg.querySelectorAll('line')).toHaveLength(2 * 20 + 20 * 20 + 20);
    expect(svg.querySelectorAll('line[tabindex]')).toHaveLength(0);
    expect(svg.querySelectorAll('line title')).toHaveLength(460);
    // 20 neurons a column: too many to write each bias under it.
    expect(svg.querySelectorAll('.if-neuron__bias')).toHaveLength(0);
  });
  it('redrawn at the same size, it changes in place: the same nodes, reading as a fresh drawing, the moved tab stop kept', () => {
    const g = globalThis as { document?: Document };
    const saved = g.document;
    g.document = doc;
    try {
      const box = doc.createElement('div');
      const curves = (k: number) => [0, 1, 2].map((u) => Array.from({ length: 25 }, (_, i) => Math.sin(k * i + u)));
      const input = (k: number, flat: number[]) => ({
        network,
        weights: flat,
        unitCurves: curves(k),
        prediction: curves(k + 1)[0]!,
        side: 5,
        document: doc,
        width: 500,
      });
      placeNetwork(box, networkDiagram(input(1, FLAT)), 1);
      const svg = box.firstElementChild!;
      const link = svg.querySelector('line[data-weight="1.0.1"]')!;
      // The reader moved the tab stop to a link.
      for (const e of svg.querySelectorAll('[tabindex="0"]')) e.setAttribute('tabindex', '-1');
      link.setAttribute('tabindex', '0');
      const flat = FLAT.map((v, i) => (i % 2 ? -v : 2 * v));
      placeNetwork(box, networkDiagram(input(2, flat)), 2);
      expect(box.firstElementChild).toBe(svg);
      expect(svg.querySelector('line[data-weight="1.0.1"]')).toBe(link);
      expect(link.getAttribute('tabindex')).toBe('0');
      const untabbed = (e: Element) => e.outerHTML.replace(/ tabindex="-?\d"/g, '');
      expect(untabbed(svg)).toBe(untabbed(networkDiagram(input(2, flat))));
      expect(box.dataset.drawnStep).toBe('2');
      // Another shape (a unit more) is drawn anew.
      placeNetwork(box, networkDiagram({ ...input(2, flat), network: { ...network, layers: [{ units: 4, activation: 'tanh' }] }, weights: null }), 3);
      expect(box.firstElementChild).not.toBe(svg);
    } finally {
      g.document = saved;
    }
  });
});
