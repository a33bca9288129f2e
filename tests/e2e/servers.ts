/** Where the e2e servers listen; shared by playwright.config.ts and the specs. */
export const PORT = 4321;
/** The base-path build is served here, under BASE_PREFIX. */
export const BASE_PORT = 4322;
export const BASE_PREFIX = '/if-under-test/';
/** `npm run dev`'s server, started by the test that checks it. */
export const DEV_PORT = 4323;
