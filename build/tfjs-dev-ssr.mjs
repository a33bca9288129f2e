// @ts-check
/**
 * `astro dev` renders pages with Vite's module runner, not a bundle. The demos draw their
 * seeded start on the server with TensorFlow.js on the CPU, so tfjs has to load there:
 * - tfjs's ES modules use extensionless imports that Node can't load itself, so Vite
 *   evaluates them (NO_EXTERNAL), except the WebAssembly backend: its Emscripten files are
 *   CommonJS, which Node loads fine (the server never uses that backend);
 * - tfjs-core's Node platform calls `require('util')`, which an ES module does not have:
 *   the plugin gives that one module a `require`, on the server and in dev only.
 * A production build bundles tfjs instead (`environments.prerender` in astro.config.mjs).
 */
export const NO_EXTERNAL = [/^@tensorflow\/tfjs-(?!backend-wasm)/];

/** @returns {import('vite').Plugin} */
export function tfjsDevSsr() {
  return {
    name: 'infinitely-flexible:tfjs-dev-ssr',
    apply: 'serve',
    transform(code, id, options) {
      const onServer = options?.ssr || this.environment?.config.consumer === 'server';
      if (!onServer || !/[\\/]@tensorflow[\\/]tfjs-core[\\/]dist[\\/]platforms[\\/]platform_node\.js$/.test(id.split('?')[0] ?? '')) return;
      return `import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);\n${code}`;
    },
  };
}
