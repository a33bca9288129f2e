import { describe, expect, it } from 'vitest';
import { externalizeScripts } from '../../../build/external-inline-scripts.mjs';

describe('externalizeScripts (the build step that lets the site run under script-src self)', () => {
  const page = [
    '<head><script>window.theme = 1;</script><script type="module" src="/_astro/a.js"></script></head>',
    '<body><script type="application/json" data-role="config">{"a":1}</script>',
    '<script aria-hidden="true">restore();</script><script type="module">import "./b";</script>',
    '<script>window.theme = 1;</script></body>',
  ].join('');

  it('moves every inline script into a file, keeps its attributes and place, and leaves data blocks and external scripts alone', () => {
    const files = new Map<string, string>();
    const out = externalizeScripts(page, '/prefix/', files);
    expect(out).not.toMatch(/<script(?![^>]*\ssrc=)(?![^>]*application\/json)[^>]*>[^<]/);
    expect(out).toContain('<script type="module" src="/_astro/a.js"></script>');
    expect(out).toContain('<script type="application/json" data-role="config">{"a":1}</script>');
    expect(out).toMatch(/<script aria-hidden="true" src="\/prefix\/_astro\/inline\.[\w-]{10}\.js"><\/script>/);
    expect(out).toMatch(/<script type="module" src="\/prefix\/_astro\/inline\.[\w-]{10}\.js"><\/script>/);
    // The same script on a page (or on many pages) is one file.
    expect([...files.values()].sort()).toEqual(['import "./b";', 'restore();', 'window.theme = 1;']);
    const theme = [...files].find(([, body]) => body === 'window.theme = 1;')![0];
    expect(out.split(`/prefix/_astro/${theme}`).length - 1).toBe(2);
    // In the order the page had them.
    expect(out.indexOf(theme)).toBeLessThan(out.indexOf('a.js'));
  });
});
