// The web (ESM) entry in headless Chromium, and the `npm start` demo page.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoBrowser } from './browser.mjs';

const require = createRequire(import.meta.url);
const { version } = require('../pkg/package.json');

const env = demoBrowser(test);

/** Starts the demo exactly as `npm start` does after its build step, on a free port. */
function startDemoCli() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], { env: { ...process.env, PORT: '0' } });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/homecare demo: (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)));
  });
}

test('npm start\'s server prints a 127.0.0.1 URL whose page shows the version and a passing self-test', async () => {
  const demo = await startDemoCli();
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  try {
    await page.goto(demo.url);
    await page.waitForSelector('body[data-ready]');
    assert.equal(await page.getAttribute('body', 'data-ready'), 'true');
    assert.equal(await page.textContent('[data-test=version]'), version);
    assert.equal(await page.textContent('[data-test=selftest]'), '通过');
    assert.equal(await page.locator('[data-test=checks] li').count(), 4);
    assert.match(await page.textContent('[data-test=sample-message]'), /位数字/);
    await page.click('input[value=en]');
    assert.match(await page.textContent('[data-test=sample-message]'), /should have 11 digits/);
    await page.click('[data-test=uuid-button]');
    assert.match(await page.textContent('[data-test=uuid]'), /^[0-9a-f-]{36}$/);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    demo.child.kill();
  }
});

test('web entry: init, exports, errors and garbage in the browser', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.url}pkg/package.json`);
  const r = await page.evaluate(async () => {
    const mod = await import('/pkg/web.js');
    const out = {};
    try { mod.version(); out.beforeInit = 'no error'; } catch (e) { out.beforeInit = e.code; }
    const api = await mod.default();
    out.sameApi = api.version === mod.version || api.version() === mod.version();
    out.version = mod.version();
    const report = mod.selfTest();
    out.ok = report.ok;
    out.texts = report.sample.texts;
    out.bytes = report.sample.bytes instanceof Uint8Array && report.sample.bytes.length === 256;
    const codes = [];
    for (const bad of [1, 'x', true, [], { locale: 'fr' }, { locale: 3 }, 'x'.repeat(1 << 20), '\uD800']) {
      try { mod.selfTest(bad); codes.push('none'); } catch (e) { codes.push(e instanceof mod.HomecareError ? e.code : `not HomecareError: ${e}`); }
    }
    out.codes = codes;
    out.after = mod.selfTest().ok;
    const uuids = new Set();
    for (let i = 0; i < 5000; i++) uuids.add(mod.randomUuid());
    out.uuids = uuids.size;
    return out;
  });
  assert.equal(r.beforeInit, 'init.required');
  assert.equal(r.version, version);
  assert.equal(r.ok, true);
  assert.deepEqual(r.texts, ['张三', '𠮷野家', '👵🏻 王奶奶', '阿依古丽·买买提', '１３８００１３８０００', 'a\u0000b']);
  assert.equal(r.bytes, true);
  assert.deepEqual(r.codes, ['arg.invalid_type', 'arg.invalid_type', 'arg.invalid_type', 'arg.invalid_type',
    'arg.invalid_value', 'arg.invalid_type', 'arg.invalid_type', 'arg.invalid_type']);
  assert.equal(r.after, true);
  assert.equal(r.uuids, 5000);
  await page.close();
});
