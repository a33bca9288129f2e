/**
 * Marks each chapter in Starlight's sidebar with the reader's progress on its exercises
 * ("1/3", or ✓ when all are solved), from the manifest Head.astro writes and the stored
 * progress; kept current as exercises are solved or progress is cleared.
 */
import { browserStorage, countSolved, PROGRESS_EVENT, readProgress } from '../../src/exercises/progress';
// The progress blocks (home page, chapter ends) share this script, which every page loads anyway.
import './progress-view';

function markSidebar(): void {
  const manifest = JSON.parse(document.getElementById('if-exercises')?.textContent ?? '{}') as Record<string, string[]>;
  const solved = readProgress(browserStorage());
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href]')) {
    const slug = Object.keys(manifest).find((s) => link.pathname.endsWith(`/chapters/${s}/`));
    if (!slug) continue;
    const ids = manifest[slug]!;
    const n = countSolved(ids, solved);
    let mark = link.querySelector<HTMLElement>('.if-sidebar-mark');
    if (n === 0) {
      mark?.remove();
      continue;
    }
    if (!mark) {
      mark = document.createElement('span');
      mark.className = 'if-sidebar-mark';
      link.append(mark);
    }
    mark.dataset.solved = String(n);
    mark.dataset.total = String(ids.length);
    mark.innerHTML = '';
    const seen = document.createElement('span');
    seen.setAttribute('aria-hidden', 'true');
    seen.textContent = n === ids.length ? '✓' : `${n}/${ids.length}`;
    const said = document.createElement('span');
    said.className = 'sr-only';
    said.textContent = ` (${n} of ${ids.length} exercises solved)`;
    mark.append(seen, said);
  }
}

markSidebar();
window.addEventListener(PROGRESS_EVENT, markSidebar);
window.addEventListener('storage', markSidebar);
