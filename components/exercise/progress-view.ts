/**
 * <nn-exercise-progress>: fills in the counts of ExerciseProgress.astro from the stored
 * progress (every element with data-ids counts its own exercises), keeps them current when
 * an exercise is solved here or in another tab, and clears what it counts on request.
 */
import { browserStorage, clearProgress, countSolved, PROGRESS_EVENT, readProgress } from '../../src/exercises/progress';

const idsOf = (el: HTMLElement): string[] => JSON.parse(el.dataset.ids ?? '[]') as string[];

class NnExerciseProgress extends HTMLElement {
  readonly #storage = browserStorage();
  #update = () => {
    const solved = readProgress(this.#storage);
    const show = (el: HTMLElement, count: Element | null) => {
      const n = countSolved(idsOf(el), solved);
      if (count) count.textContent = String(n);
      el.dataset.solved = String(n);
      return n;
    };
    for (const li of this.querySelectorAll<HTMLElement>('li[data-ids]')) show(li, li.querySelector('[data-role="count"]'));
    this.#button.disabled = show(this, this.querySelector('[data-role="progress-total"] [data-role="count"]')) === 0;
  };

  get #button(): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>('[data-action="clear-progress"]')!;
  }

  connectedCallback(): void {
    this.#button.addEventListener('click', () => {
      clearProgress(this.#storage, idsOf(this));
      window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
    });
    window.addEventListener(PROGRESS_EVENT, this.#update);
    window.addEventListener('storage', this.#update);
    this.#update();
  }

  disconnectedCallback(): void {
    window.removeEventListener(PROGRESS_EVENT, this.#update);
    window.removeEventListener('storage', this.#update);
  }
}

if (!customElements.get('nn-exercise-progress')) customElements.define('nn-exercise-progress', NnExerciseProgress);
