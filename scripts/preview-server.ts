import { spawn } from 'node:child_process';

/** `astro preview` of dist/ on `port`, for the scripts that measure the built site. */
export async function startPreview(port: number): Promise<{ url: string; stop(): void }> {
  const child = spawn('npx', ['astro', 'preview', '--ignore-lock', '--port', String(port)], { stdio: 'ignore', detached: true });
  const url = `http://localhost:${port}/`;
  const stop = () => {
    if (child.pid) process.kill(-child.pid);
  };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`astro preview did not start on port ${port}`);
}
