// The identity demo section in headless Chromium: live checks with masked display.
import test from 'node:test';
import assert from 'node:assert/strict';
import { demoBrowser } from './browser.mjs';

const env = demoBrowser(test);

test('the demo checks an ID, a mobile and a name as they are typed, and shows them masked', async () => {
  const page = await env.browser.newPage();
  try {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(env.url);
    await page.waitForSelector('body[data-ready=true]');
    await page.fill('[data-test=identity-id]', '11010519491231002x');
    const id = await page.textContent('[data-test=identity-id-result]');
    assert.match(id, /^✓ 已核对：1\*+2X（1949-12-31出生，女，\d+岁，北京市北京市朝阳区）$/);
    await page.fill('[data-test=identity-id]', '110105194912310021');
    assert.match(await page.textContent('[data-test=identity-id-result]'), /^✗ .*X/);
    await page.fill('[data-test=identity-mobile]', '+86 138-0013-8000');
    assert.equal(await page.textContent('[data-test=identity-mobile-result]'), '✓ 已核对：138****8000');
    await page.fill('[data-test=identity-name]', '阿依古丽•买买提');
    assert.match(await page.textContent('[data-test=identity-name-result]'), /^✓ 已核对：阿\*+$/);
    await page.fill('[data-test=identity-name]', '张3');
    assert.match(await page.textContent('[data-test=identity-name-result]'), /^✗ /);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
