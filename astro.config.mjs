// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { lighterStarlightToc } from './build/lighter-starlight-toc.mjs';
import { NO_EXTERNAL, tfjsDevSsr } from './build/tfjs-dev-ssr.mjs';
import { externalInlineScripts } from './build/external-inline-scripts.mjs';

/**
 * The site deploys under any base path: `BASE_PATH=/some/prefix npm run build`.
 * Links inside chapters are relative, so they follow the base without rewriting.
 */
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  base,
  // A second output folder lets the tests build and serve the site under a base path too.
  outDir: process.env.OUT_DIR || './dist',
  // Only used for canonical URLs and the sitemap; set SITE_URL when deploying.
  site: process.env.SITE_URL || 'https://infinitely-flexible.example',
  trailingSlash: 'always',
  markdown: {
    // Astro 7's default processor does not run remark/rehype plugins; math needs unified().
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
  },
  vite: {
    // Starlight's table of contents, started without a :has() query over the whole page.
    // In `astro dev`, tfjs able to run on the server (build/tfjs-dev-ssr.mjs).
    plugins: [lighterStarlightToc(), tfjsDevSsr()],
    // The lazy TensorFlow.js chunk (~180 KB gzip) is loaded only when a demo nears the
    // viewport; page weight is measured by the tests, not by this warning.
    // Nothing inlined (no small script or font as an inline block or data: URL), so the
    // site runs under a strict Content-Security-Policy (README, Deploying).
    build: { chunkSizeWarningLimit: 1024, assetsInlineLimit: 0 },
    // The training worker imports tfjs lazily and splits into chunks: that needs ES modules.
    worker: { format: 'es' },
    // Demos render their seeded start at build time with tfjs on the CPU. tfjs's ES
    // modules use extensionless imports that Node can't load itself, so Vite bundles them.
    environments: {
      prerender: { resolve: { noExternal: [/^@tensorflow\//] } },
      ssr: { resolve: { noExternal: NO_EXTERNAL } },
    },
  },
  integrations: [
    starlight({
      title: 'Infinitely Flexible',
      description: 'Learn how neural networks work, from a single ReLU to torch.nn-style modules, with live demos that train in your browser.',
      logo: { src: './src/assets/logo.svg', alt: '' },
      favicon: '/favicon.svg',
      customCss: ['katex/dist/katex.min.css', './src/styles/site.css'],
      components: { Head: './components/Head.astro' },
      sidebar: [
        { label: 'Start here', link: '/' },
        { label: 'Chapters', items: [{ autogenerate: { directory: 'content/chapters' } }] },
      ],
      lastUpdated: false,
      pagefind: true,
    }),
    externalInlineScripts(),
  ],
});
