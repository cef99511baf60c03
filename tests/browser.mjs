// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launch() {
  // The flags keep Chromium from reaching for the network, which this machine does not have.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
}

/**
 * The demo server and one Chromium for the tests of one file, started before them and closed
 * after them: `const env = demoBrowser(test, { skip })`, then `env.url`, `env.browser` inside
 * the tests. Nothing starts when `skip` is set (the file's tests are skipped).
 */
export function demoBrowser(test, { skip = false } = {}) {
  const env = { server: null, url: '', browser: null };
  test.before(async () => {
    if (skip) return;
    const { startServer } = await import('../scripts/serve.mjs');
    ({ server: env.server, url: env.url } = await startServer({ port: 0 }));
    env.browser = await launch();
  });
  test.after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}
