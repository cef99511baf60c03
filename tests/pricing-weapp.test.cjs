'use strict';
// Pricing through the WeChat entry in the simulated mini-program runtime: an engine created
// once, quotes on every "tap", the same answers as the Node entry, and the freed-engine error.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createRuntime } = require('./wechat-sim/runtime.cjs');
const { root, pkgDir } = require('./helpers.cjs');

const node = require(pkgDir);
const vectors = require(path.join(root, 'tests/vectors/pricing/quote-discounts.json'));
const skip = require(path.join(pkgDir, 'homecare_node.cjs')).PricingEngine ? false : 'pricing is not in this build (HOMECARE_FEATURES=pricing)';

test('weapp: create an engine, quote every vector order like Node does, format, free', { skip }, async () => {
  // A mini program holding this build's WeChat entry (pkg/weapp.js + the brotli wasm).
  const mp = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-pricing-'));
  fs.mkdirSync(path.join(mp, 'homecare'));
  fs.copyFileSync(path.join(pkgDir, 'weapp.js'), path.join(mp, 'homecare/homecare.js'));
  fs.copyFileSync(path.join(pkgDir, 'homecare_bg.wasm.br'), path.join(mp, 'homecare/homecare_bg.wasm.br'));
  const rt = createRuntime({ root: mp });
  try {
    const core = rt.require('homecare/homecare.js');
    assert.throws(() => core.PriceEngine.create(vectors.config), (e) => e instanceof core.HomecareError && e.code === 'init.required');
    await core.init();
    const created = core.PriceEngine.create(vectors.config);
    assert.equal(created.ok, true, JSON.stringify(created.errors));
    const engine = created.value;
    const nodeEngine = new node.PriceEngine(vectors.config);
    let quotes = 0;
    for (const c of vectors.cases) {
      if (!c.order || c.config) continue;
      const options = c.locale ? { locale: c.locale } : undefined;
      const r = engine.quote(c.order, options);
      // Results cross from the simulated realm: compare as JSON.
      assert.equal(JSON.stringify(r), JSON.stringify(nodeEngine.quote(c.order, options)), c.name);
      if (c.expect) assert.equal(r.value.totals.payable, c.expect.totals?.payable ?? r.value.totals.payable, c.name);
      if (c.expectErrors) assert.equal(r.errors[0].code, c.expectErrors[0].code, c.name);
      quotes++;
    }
    assert.ok(quotes >= 10, `${quotes} orders`);
    const q = engine.quote(vectors.cases.find((c) => c.kind === 'quote' && c.expect).order).value;
    assert.match(core.formatFen(q.totals.payable), /^¥[\d,]+\.\d\d$/);
    assert.match(core.formatFen(q.totals.payable, { upper: true }), /元/);
    assert.equal(core.formatFen(10000, { upper: true }), '壹佰元整');
    const bad = structuredClone(vectors.config);
    bad.items[0].unitPrice = 1.5;
    assert.throws(() => new core.PriceEngine(bad), (e) => e instanceof core.HomecareError && e.code === 'pricing.config.invalid' &&
      e.errors[0].path === 'items[0].unitPrice');
    engine.free();
    assert.throws(() => engine.quote(vectors.cases[0].order), (e) => e instanceof core.HomecareError && e.code === 'pricing.engine_freed');
    assert.equal(core.quote(vectors.cases[0].order, vectors.config).ok, nodeEngine.quote(vectors.cases[0].order).ok, 'still answers');
    nodeEngine.free();
  } finally { rt.dispose(); fs.rmSync(mp, { recursive: true, force: true }); }
});
