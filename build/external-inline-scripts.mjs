// @ts-check
/**
 * After the build, moves every inline <script> of the built pages (Starlight's theme,
 * search, sidebar and tabs scripts: the ones that must run before first paint) into a file
 * of its own under _astro/, so the site runs under `script-src 'self'` with no hashes or
 * 'unsafe-inline'. A classic external script without async or defer runs exactly where the
 * inline one did, before the parser goes on, so the order and timing are unchanged; only
 * the first page pays one small request per script (each file is shared by every page).
 * JSON data blocks (type="application/json") are not scripts and stay where they are.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;

/** @param {string} dir */
async function htmlFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/**
 * Rewrites one page: each inline script becomes `<script src>` with the same attributes.
 * @param {string} html
 * @param {string} base the site's base path, ending in '/'
 * @param {Map<string, string>} files file name → script text, filled in as scripts are found
 */
export function externalizeScripts(html, base, files) {
  return html.replace(SCRIPT, (whole, attrs, body) => {
    if (/\ssrc=/.test(attrs) || /\stype="application\/(ld\+)?json"/.test(attrs) || body.trim() === '') return whole;
    const name = `inline.${createHash('sha256').update(body).digest('base64url').slice(0, 10)}.js`;
    files.set(name, body);
    return `<script${attrs} src="${base}_astro/${name}"></script>`;
  });
}

/** @returns {import('astro').AstroIntegration} */
export function externalInlineScripts() {
  let base = '/';
  return {
    name: 'external-inline-scripts',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        /** @type {Map<string, string>} */
        const files = new Map();
        const pages = await htmlFiles(out);
        for (const page of pages) {
          const html = await readFile(page, 'utf8');
          const rewritten = externalizeScripts(html, base, files);
          if (rewritten !== html) await writeFile(page, rewritten);
        }
        for (const [name, body] of files) await writeFile(join(out, '_astro', name), body);
        logger.info(`${files.size} inline scripts moved to files, on ${pages.length} pages`);
      },
    },
  };
}
