/**
 * Where the e2e servers listen; shared by playwright.config.ts and the specs. IF_E2E_PORT moves
 * all three (to PORT, PORT + 1, PORT + 2), so that a second checkout can run its tests while
 * another's servers are up: locally, Playwright reuses a server it finds on its port.
 */
export const PORT = Number(process.env.IF_E2E_PORT ?? 4321);
/** The base-path build is served here, under BASE_PREFIX. */
export const BASE_PORT = PORT + 1;
export const BASE_PREFIX = '/if-under-test/';
/** `npm run dev`'s server, started by the test that checks it. */
export const DEV_PORT = PORT + 2;
