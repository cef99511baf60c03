// Forms in headless Chromium: the web entry's validateForm with a 100,000-deep array built in
// the page, and the demo's registration section with live field errors in Chinese.
import test from 'node:test';
import assert from 'node:assert/strict';
import { demoBrowser } from './browser.mjs';

const env = demoBrowser(test);

test('web entry: validateForm, validateField and garbage in the browser', async () => {
  const page = await env.browser.newPage();
  try {
    await page.goto(`${env.url}pkg/package.json`);
    const r = await page.evaluate(async () => {
      const mod = await import('/pkg/web.js');
      await mod.default();
      const out = {};
      out.ok = mod.validateForm('login.sms', { mobile: '+86 138 0013 8000', code: '123456' }).value;
      out.field = mod.validateField('login.sms', 'mobile', { mobile: '138' }).fieldErrors.mobile;
      const deep = [];
      let cur = deep;
      for (let i = 0; i < 100000; i++) { const n = []; cur.push(n); cur = n; }
      try { out.deep = mod.validateForm('feedback', deep).errors[0].code; } catch (e) { out.deep = e instanceof mod.HomecareError ? e.code : `bad ${e}`; }
      out.after = mod.validateField('login.sms', 'mobile', { mobile: '13800138000' }).ok;
      return out;
    });
    assert.deepEqual(r.ok, { mobile: '13800138000', code: '123456' });
    assert.match(r.field, /11位/);
    assert.ok(['input.too_deep', 'arg.invalid_value'].includes(r.deep), r.deep);
    assert.equal(r.after, true);
  } finally { await page.close(); }
});

test('demo: the registration section shows live Chinese errors and moves on when the step is valid', async () => {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  try {
    await page.goto(env.url);
    await page.waitForSelector('body[data-ready]');
    const step = page.locator('[data-test=forms-step]');
    await step.locator('[data-path=name]').fill('王');
    assert.match(await step.locator('[data-error=name]').textContent(), /[\u4e00-\u9fff]/);
    await step.locator('[data-path=name]').fill('王秀英');
    assert.equal(await step.locator('[data-error=name]').textContent(), '');
    await page.click('[data-test=forms-next]');
    assert.match(await page.textContent('[data-test=forms-status]'), /还有 \d+ 处需要修改/);
    await step.locator('[data-path=sex]').selectOption('female');
    await step.locator('[data-path=birthDate]').fill('1950-03-08');
    await page.click('[data-test=forms-next]');
    assert.match(await step.textContent(), /实名认证/);
    await step.locator('[data-path=docKind]').selectOption('resident');
    await step.locator('[data-path=idNumber]').fill('110105195003080021');
    assert.match(await step.locator('[data-error=idNumber]').textContent(), /2/);
    await step.locator('[data-path=idNumber]').fill('110105195003080022');
    assert.equal(await step.locator('[data-error=idNumber]').textContent(), '');
    assert.deepEqual(errors, []);
  } finally { await page.close(); }
});
