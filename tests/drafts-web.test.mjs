// Drafts in headless Chromium: the localStorage adapter (quota errors are DOMExceptions), and
// the demo page keeping the registration form across a reload and sending a queued booking
// once the simulated network is back.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { demoBrowser } from './browser.mjs';

const require = createRequire(import.meta.url);
const built = require('../pkg/index.cjs').features().includes('drafts');
const skip = !built && 'built without the drafts feature';

const env = demoBrowser(test, { skip });

test('localStorage adapter: save, reopen, quota as drafts.quota_exceeded, sealed drafts, garbage', { skip }, async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.url}pkg/package.json`);
  const r = await page.evaluate(async () => {
    const mod = await import('/pkg/web.js');
    await mod.default();
    localStorage.clear();
    const out = {};
    const s = new mod.DraftStore({ storage: 'localStorage', maxDraftBytes: 64 << 20 });
    out.saved = s.save('registration', 'r1', { name: '王秀英', note: '𠮷' }).ok;
    out.loaded = new mod.DraftStore({ storage: 'localStorage' }).load('registration', 'r1').value.data;
    // Chromium allows about 5 M UTF-16 units per origin: a 6 M draft fails with a DOMException.
    const big = s.save('registration', 'r1', 'x'.repeat(6 << 20));
    out.quota = big.ok ? 'saved?' : big.errors[0].code;
    out.afterQuota = s.load('registration', 'r1').value.data;
    out.usage = s.usage().value;
    const key = mod.AeadKey.generate();
    const sealed = new mod.DraftStore({ storage: 'localStorage', key, namespace: 'sealed' });
    out.sealed = sealed.save('f', 'd', { secret: '11010519491231002X' }).value.sealed;
    out.leak = Object.keys(localStorage).some((k) => localStorage.getItem(k).includes('11010519491231002X'));
    out.open = sealed.load('f', 'd').value.data.secret;
    const codes = [];
    for (const bad of [1, 'indexedDB', true, [], () => 1]) {
      try { new mod.DraftStore({ storage: bad }); codes.push('none'); } catch (e) { codes.push(e.code); }
    }
    out.codes = codes;
    out.features = mod.features();
    localStorage.clear();
    return out;
  });
  assert.equal(r.saved, true);
  assert.deepEqual(r.loaded, { name: '王秀英', note: '𠮷' });
  assert.equal(r.quota, 'drafts.quota_exceeded');
  assert.deepEqual(r.afterQuota, { name: '王秀英', note: '𠮷' });
  assert.equal(r.usage.drafts, 1);
  assert.equal(r.usage.limitSizeKb, 0, 'localStorage has no usage API: the limit is unknown');
  assert.equal(r.sealed, true);
  assert.equal(r.leak, false);
  assert.equal(r.open, '11010519491231002X');
  assert.deepEqual(r.codes, ['arg.invalid_type', 'arg.invalid_type', 'arg.invalid_type', 'arg.invalid_type', 'arg.invalid_type']);
  assert.ok(r.features.includes('drafts'));
  await page.close();
});

test('demo: the registration draft survives a reload; a queued booking is sent when the network is back', { skip }, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  try {
    await page.goto(env.url);
    await page.waitForSelector('body[data-ready]');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await page.type('[data-test=draft-name]', '王秀英', { delay: 30 });
    await page.type('[data-test=draft-mobile]', '13812345678', { delay: 10 });
    await page.fill('[data-test=draft-address]', '北京市朝阳区幸福路1号');
    // Past the demo's 300 ms autosave window, the deferred write has landed without a flush.
    await page.waitForTimeout(700);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    assert.equal(await page.inputValue('[data-test=draft-name]'), '王秀英');
    assert.equal(await page.inputValue('[data-test=draft-mobile]'), '13812345678');
    assert.equal(await page.inputValue('[data-test=draft-address]'), '北京市朝阳区幸福路1号');
    assert.match(await page.textContent('[data-test=draft-status]'), /已恢复/);

    await page.click('[data-test=book]');
    await page.waitForSelector('[data-test=outbox-item][data-state=pending]');
    await page.waitForTimeout(400);
    assert.equal(await page.locator('[data-test=outbox-item][data-state=pending]').count(), 1, 'offline: still queued');
    // Reload while offline: the queued booking is still there.
    await page.reload();
    await page.waitForSelector('[data-test=outbox-item][data-state=pending]');
    await page.check('[data-test=network]');
    await page.waitForSelector('[data-test=outbox-item][data-state=done]');
    assert.match(await page.textContent('[data-test=outbox]'), /已发送，订单号 HC0001/);
    assert.equal(await page.locator('[data-test=outbox-item]').count(), 1, 'sent once');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
