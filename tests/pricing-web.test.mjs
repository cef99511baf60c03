// The pricing demo section (examples/web-demo/sections/06-pricing.js) and the web entry's
// PriceEngine in headless Chromium. Skipped, with the reason, in a build without pricing.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { demoBrowser } from './browser.mjs';

const require = createRequire(import.meta.url);
const node = require('../pkg/index.cjs');
const skip = require('../pkg/homecare_node.cjs').PricingEngine ? false : 'pricing is not in this build (HOMECARE_FEATURES=pricing)';
const env = demoBrowser(test, { skip });

test('demo: the quote screen re-quotes live, with formatFen amounts and the upper-case total', { skip }, async () => {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  try {
    await page.goto(env.url);
    await page.waitForSelector('body[data-ready]');
    assert.equal(await page.getAttribute('body', 'data-ready'), 'true');
    await page.waitForSelector('[data-test=pricing-result][data-ready]');
    // Default form: wound + 1 dressing, 5.2 km, PCT10, 1000 points, deposit (the same numbers as Node).
    const config = require('../examples/web-demo/sections/pricing-demo-config.json');
    const order = {
      items: [{ itemId: 'wound', quantity: 1 }], consumables: [{ id: 'dressing', quantity: 1 }], distanceMetres: 5200,
      appointmentStart: '2026-12-01T09:00', bookedAt: '2026-11-30T20:00', newUser: false, couponId: 'PCT10', points: 1000, paymentPlan: 'deposit',
    };
    const expected = node.quote(order, config).value;
    assert.equal(await page.textContent('[data-test=total]'), node.formatFen(expected.totals.payable));
    assert.equal(await page.textContent('[data-test=total-upper]'), node.formatFen(expected.totals.payable, { upper: true }));
    assert.equal(await page.textContent('[data-test=pay-now]'), node.formatFen(expected.payment.payNow));
    assert.equal(await page.locator('[data-test=pricing-lines] tr').count(), expected.lines.length + expected.discounts.length + 1);
    // Live: add a service, switch to full payment, pick an expired coupon.
    await page.check('input[name=inj]');
    const withInj = node.quote({ ...order, items: [...order.items, { itemId: 'inj', quantity: 1 }] }, config).value;
    assert.equal(await page.textContent('[data-test=total]'), node.formatFen(withInj.totals.payable));
    await page.check('input[name=plan][value=full]');
    assert.equal(await page.textContent('[data-test=pay-now]'), node.formatFen(withInj.totals.payable));
    await page.selectOption('select[name=coupon]', 'OLD');
    assert.match(await page.textContent('[data-test=pricing-errors]'), /过期/);
    await page.selectOption('select[name=coupon]', '');
    await page.waitForSelector('[data-test=total]');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('web entry: an engine quotes in the browser like Node, and a freed one throws HomecareError', { skip }, async () => {
  const page = await env.browser.newPage();
  try {
    await page.goto(`${env.url}pkg/package.json`);
    const config = require('../examples/web-demo/sections/pricing-demo-config.json');
    const order = { items: [{ itemId: 'wound', quantity: 1 }], distanceMetres: 2500, appointmentStart: '2026-12-01T23:00', bookedAt: '2026-11-30T20:00' };
    const r = await page.evaluate(async ([config, order]) => {
      const mod = await import('/pkg/web.js');
      await mod.default();
      const engine = new mod.PriceEngine(config);
      const q = engine.quote(order);
      engine.free();
      let freed = null;
      try { engine.quote(order); } catch (e) { freed = e instanceof mod.HomecareError ? e.code : String(e); }
      return { q, freed, upper: mod.formatFen(q.value.totals.payable, { upper: true }) };
    }, [config, order]);
    assert.deepEqual(r.q, node.quote(order, config));
    assert.equal(r.freed, 'pricing.engine_freed');
    assert.equal(r.upper, node.formatFen(r.q.value.totals.payable, { upper: true }));
  } finally {
    await page.close();
  }
});
