/**
 * The parts of a demo around its charts: the buttons (enabled by state), the message box
 * with its way on, the status line that screen readers announce, and the backend badge.
 */
import type { DemoMessage, DemoState } from '../../src/demo/states';
import { BACKEND_LABELS, type BackendName } from '../../src/nn/backends';

/**
 * A button that can't act yet: aria-disabled rather than disabled, so it keeps its place in
 * the Tab order and its description (the status line) says why it waits. Clicks on it are
 * ignored (see {@link isWaiting}).
 */
export function waits(button: HTMLElement, waiting: boolean): void {
  button.setAttribute('aria-disabled', String(waiting));
}

export const isWaiting = (el: Element): boolean => el.getAttribute('aria-disabled') === 'true';

export class DemoChrome {
  readonly #root: HTMLElement;

  constructor(root: HTMLElement) {
    this.#root = root;
  }

  #q<T extends HTMLElement = HTMLElement>(sel: string): T {
    const el = this.#root.querySelector<T>(sel);
    if (!el) throw new Error(`nn-fit-demo: missing ${sel}`);
    return el;
  }

  /** Play reads Pause while running; Step works when stopped; Reset once something loaded. */
  state(state: DemoState, usable: boolean): void {
    const running = state === 'running';
    const play = this.#root.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (play) {
      play.textContent = running ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', String(running));
      waits(play, !usable);
    }
    const step = this.#root.querySelector<HTMLButtonElement>('[data-action="step"]');
    if (step) waits(step, !usable || running);
    waits(this.#q<HTMLButtonElement>('[data-action="reset"]'), state === 'idle' || state === 'loading');
  }

  /** Shows (or, with null, hides) the message box, with its way on: the defaults, or training on this page. */
  message(m: DemoMessage | null): void {
    const box = this.#q('[data-role="message"]');
    box.hidden = m === null;
    box.dataset.kind = m?.kind ?? 'error';
    this.#q('[data-action="reset-defaults"]').hidden = (m?.way ?? 'defaults') !== 'defaults';
    this.#q('[data-action="in-page"]').hidden = m?.way !== 'in-page';
    this.#q('[data-role="message-text"]').textContent = m?.text ?? '';
  }

  get messageShown(): boolean {
    return !this.#q('[data-role="message"]').hidden;
  }

  status(text: string): void {
    this.#q('[data-role="status"]').textContent = text;
  }

  /** "WebGL · 0.42 ms/step", or "CPU on this page · …" where no worker could start. */
  badge(backend: BackendName | null, inPage: boolean, msPerStep: number): void {
    if (!backend) return;
    const pace = msPerStep ? ` · ${msPerStep < 1 ? msPerStep.toFixed(2) : msPerStep.toFixed(1)} ms/step` : '';
    this.#q('[data-role="badge"]').textContent = `${BACKEND_LABELS[backend].label}${inPage ? ' on this page' : ''}${pace}`;
  }

  /** Copies the link to this demo with its settings, or shows it where the browser refuses. */
  async copyLink(): Promise<void> {
    const url = new URL(location.href);
    url.hash = this.#root.id;
    try {
      await navigator.clipboard.writeText(url.href);
      this.status('Link copied: it opens this demo with these settings.');
    } catch {
      this.message({ text: `Copying was blocked by the browser; here is the link: ${url.href}`, kind: 'notice', way: 'defaults' });
    }
  }
}
