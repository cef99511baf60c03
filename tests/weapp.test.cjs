'use strict';
// The WeChat entry inside the simulated mini-program runtime (tests/wechat-sim/runtime.cjs).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { createRuntime, mvpError, KEY_LIMIT } = require('./wechat-sim/runtime.cjs');
const { root, miniprogramDir } = require('./helpers.cjs');

function boot(extra = {}) {
  return createRuntime({ root: miniprogramDir, ...extra });
}

test('the skeleton app loads the core at launch and the page shows version and self-test', async () => {
  const rt = boot();
  try {
    rt.require('app.js');
    rt.app.onLaunch();
    rt.require('pages/index/index.js');
    const page = rt.pages[0];
    await page.onLoad();
    assert.equal(page.data.error, '');
    assert.equal(page.data.version, require('../pkg/package.json').version);
    assert.equal(page.data.selfTestOk, true);
    assert.deepEqual(page.data.checks.map((c) => c.ok), [true, true, true, true]);
    assert.match(page.data.sampleMessage, /位数字/);
    assert.deepEqual(rt.log.instantiate, ['/homecare/homecare_bg.wasm.br']);
    // Nothing leaked into the global scope of the mini program.
    for (const name of ['TextEncoder', 'TextDecoder', 'WebAssembly', 'crypto']) {
      assert.equal(rt.evaluate(`typeof ${name}`), 'undefined', name);
    }
  } finally { rt.dispose(); }
});

test('init accepts a bare Instance as well as { instance, module }', async () => {
  const rt = boot({ bareInstance: true });
  try {
    const core = rt.require('homecare/homecare.js');
    const api = await core.init();
    assert.equal(api.selfTest().ok, true);
  } finally { rt.dispose(); }
});

test('init is memoised, and calls before init throw init.required', async () => {
  const rt = boot();
  try {
    const core = rt.require('homecare/homecare.js');
    assert.throws(() => core.version(), (e) => e instanceof core.HomecareError && e.code === 'init.required');
    const [a, b] = await Promise.all([core.init(), core.init()]);
    assert.equal(a, b);
    assert.equal(rt.log.instantiate.length, 1);
  } finally { rt.dispose(); }
});

test('init rejects clearly on a bad path, and a later init with the right path works', async () => {
  const rt = boot();
  try {
    const core = rt.require('homecare/homecare.js');
    await assert.rejects(core.init({ wasmPath: '/nope/missing.wasm.br' }), (e) => e.code === 'init.failed');
    await assert.rejects(core.init({ wasmPath: 42 }), (e) => e.code === 'arg.invalid_type');
    await core.init();
    assert.equal(typeof core.version(), 'string');
  } finally { rt.dispose(); }
});

test('the MVP-only engine rejects a module with post-MVP features, and accepts ours', async () => {
  const wasmBr = fs.readFileSync(path.join(miniprogramDir, 'homecare/homecare_bg.wasm.br'));
  const ours = require('node:zlib').brotliDecompressSync(wasmBr);
  assert.equal(await mvpError(ours), null);
  // wasm-bindgen's output before binaryen lowering still carries the std's bulk-memory and
  // sign-ext opcodes: the simulated engine must refuse it, or the check above proves nothing.
  const unlowered = fs.readFileSync(path.join(root, 'target/homecare-build/web/homecare_bg.wasm'));
  assert.notEqual(await mvpError(unlowered), null);
  const tmpRoot = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'mp-'));
  fs.mkdirSync(path.join(tmpRoot, 'homecare'));
  fs.copyFileSync(path.join(miniprogramDir, 'homecare/homecare.js'), path.join(tmpRoot, 'homecare/homecare.js'));
  fs.writeFileSync(path.join(tmpRoot, 'homecare/homecare_bg.wasm'), unlowered);
  const rt = createRuntime({ root: tmpRoot });
  try {
    const core = rt.require('homecare/homecare.js');
    await assert.rejects(core.init({ wasmPath: '/homecare/homecare_bg.wasm' }), /MVP-only engine/);
  } finally { rt.dispose(); fs.rmSync(tmpRoot, { recursive: true, force: true }); }
});

test('randomness comes from the wx.getRandomValues pool and fails closed when it is empty', async () => {
  const rt = boot();
  try {
    const core = rt.require('homecare/homecare.js');
    await core.init();
    assert.ok(rt.log.randomRequests.length >= 1, 'init fills the pool');
    const seen = new Set();
    let drained = null;
    // 16 bytes per UUID from a 4 KiB pool: a synchronous burst must run dry, and then fail
    // with a clear code rather than fall back to a weaker source.
    for (let i = 0; i < 1000 && !drained; i++) {
      try { seen.add(core.randomUuid()); } catch (e) { drained = e; }
    }
    assert.ok(drained, 'a synchronous burst drains the pool');
    assert.ok(drained instanceof core.HomecareError);
    assert.equal(drained.code, 'entropy.unavailable');
    assert.ok(seen.size >= 100, `served ${seen.size} UUIDs before running dry`);
    await core.refillRandom();
    const after = core.randomUuid();
    assert.match(after, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(!seen.has(after));
    assert.equal(core.version(), require('../pkg/package.json').version, 'still answers');
  } finally { rt.dispose(); }
});

test('without wx.getRandomValues init still works and randomness fails closed', async () => {
  const rt = boot({ randomFails: true });
  try {
    const core = rt.require('homecare/homecare.js');
    await core.init();
    assert.equal(core.selfTest().ok, true);
    assert.throws(() => core.randomUuid(), (e) => e.code === 'entropy.unavailable');
    await assert.rejects(core.refillRandom(), (e) => e.code === 'entropy.unavailable');
  } finally { rt.dispose(); }
});

test('simulated storage enforces WeChat quotas by throwing', () => {
  const rt = boot();
  try {
    const { wx } = rt;
    wx.setStorageSync('a', 'x'.repeat(1000));
    assert.equal(wx.getStorageSync('a').length, 1000);
    assert.equal(wx.getStorageSync('missing'), '');
    assert.throws(() => wx.setStorageSync('big', 'x'.repeat(KEY_LIMIT)), /exceed storage item max length/);
    for (let i = 0; i < 9; i++) wx.setStorageSync(`k${i}`, 'y'.repeat(KEY_LIMIT - 100));
    assert.throws(() => wx.setStorageSync('one-more', 'z'.repeat(KEY_LIMIT - 100)), /exceed storage max size 10Mb/);
    const info = wx.getStorageInfoSync();
    assert.equal(info.limitSize, 10240);
    assert.ok(info.currentSize <= 10240 && info.currentSize > 9000);
    wx.removeStorageSync('k0');
    wx.setStorageSync('one-more', 'z'.repeat(KEY_LIMIT - 100));
  } finally { rt.dispose(); }
});

test('the weapp glue has no ES module syntax and the simulated context has no web globals', () => {
  const src = fs.readFileSync(path.join(miniprogramDir, 'homecare/homecare.js'), 'utf8');
  assert.doesNotMatch(src, /import\.meta|^\s*export\s|^\s*import\s/m);
  const rt = boot();
  try {
    for (const name of ['TextEncoder', 'TextDecoder', 'WebAssembly', 'crypto', 'fetch', 'URL', 'Buffer', 'process', 'require']) {
      assert.equal(rt.evaluate(`typeof ${name}`), 'undefined', name);
    }
    assert.throws(() => rt.require('homecare/does-not-exist.js'), /not defined/);
  } finally { rt.dispose(); }
});

test('identity through the WeChat entry: scratch path, region cache, validators, mask', async () => {
  const rt = boot();
  try {
    const core = rt.require('homecare/homecare.js');
    await core.init();
    const r = core.parseIdNumber('11010519491231002x', { asOf: '2025-06-01' });
    assert.equal(r.ok, true);
    assert.equal(r.value.region.county, '朝阳区');
    assert.equal(r.value.age, 75);
    const bad = core.parseIdNumber('110105194912310021');
    assert.equal(bad.errors[0].code, 'id.checksum_mismatch');
    assert.match(bad.errors[0].message, /X/);
    const batch = core.parseIdNumbers(['11010519491231002X', '１１０１０５１９４９１２３１００２Ｘ', '𠮷'], { asOf: '2025-06-01' });
    assert.deepEqual(Array.from(batch, (x) => x.ok), [true, true, false]);
    assert.equal(batch[2].errors[0].code, 'id.charset');
    assert.equal(core.validateMobile('+86 138 0013 8000').value.normalized, '13800138000');
    assert.equal(core.mask('13800138000', 'mobile'), '138****8000');
    assert.equal(core.keyedDigest('x', new Uint8Array(16)).length, 64);
  } finally { rt.dispose(); }
});
