/**
 * The playground's code, beside it: the TypeScript and the PyTorch that train the model the
 * settings describe, rewritten whenever they change, each with a copy button.
 */
import { playgroundPyTorch, playgroundTypeScript } from '../../src/train/playground-code';
import type { PlaygroundSettings } from '../../src/train/playground-spec';
import type { Settings } from '../../src/train/settings';

/** Steps the code trains: enough to see the loss fall; the reader changes the number. */
const STEPS = 1000;

export class CodePanel {
  readonly #root: HTMLElement;
  #last = '';

  constructor(root: HTMLElement) {
    this.#root = root;
    root.addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-copy]');
      if (button) void this.#copy(button);
    });
  }

  /** Writes the code for `settings` (nothing happens when they are what is shown). */
  show(settings: Settings): void {
    const key = JSON.stringify(settings);
    if (key === this.#last) return;
    this.#last = key;
    const s = settings as PlaygroundSettings;
    for (const [lang, code] of [
      ['typescript', safely(() => playgroundTypeScript(s, STEPS))],
      ['pytorch', safely(() => playgroundPyTorch(s, STEPS))],
    ] as const) {
      this.#root.querySelector(`[data-code="${lang}"]`)!.textContent = code;
    }
  }

  async #copy(button: HTMLButtonElement): Promise<void> {
    const code = this.#root.querySelector(`[data-code="${button.dataset.copy}"]`)!.textContent ?? '';
    const status = this.#root.querySelector('[data-role="code-status"]')!;
    try {
      await navigator.clipboard.writeText(code);
      status.textContent = `Copied the ${button.dataset.copy === 'pytorch' ? 'PyTorch' : 'TypeScript'} code.`;
    } catch {
      // No clipboard (an insecure origin, a refused permission): select the code for the reader to copy.
      const pre = this.#root.querySelector(`[data-code="${button.dataset.copy}"]`)!;
      getSelection()?.selectAllChildren(pre);
      status.textContent = 'This browser did not let the page copy: the code is selected, press Ctrl+C (⌘C) to copy it.';
    }
  }
}

/** The code, or why there is none for these settings (the demo's message says the same). */
function safely(make: () => string): string {
  try {
    return make();
  } catch (e) {
    return `// No code for these settings: ${(e as Error).message}`;
  }
}
