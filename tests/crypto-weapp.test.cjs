'use strict';
// Encryption in the simulated WeChat runtime: no global crypto, randomness only from the
// wx.getRandomValues pool (or seedEntropy), failing closed when both are empty.
const test = require('node:test');
const assert = require('node:assert/strict');
const nodeCrypto = require('node:crypto');
const { createRuntime } = require('./wechat-sim/runtime.cjs');
const { miniprogramDir } = require('./helpers.cjs');

test('after init, AEAD and JWE work with no global crypto; draining the pool gives entropy.unavailable; refillRandom restores', async () => {
  const rt = createRuntime({ root: miniprogramDir });
  try {
    assert.equal(rt.evaluate('typeof crypto'), 'undefined');
    const core = rt.require('homecare/homecare.js');
    await core.init();
    const rawKey = nodeCrypto.randomBytes(32);
    const key = core.AeadKey.import(rawKey);
    const sealed = core.aeadEncrypt(key, '张三 110101194001011234', 'ctx');
    // Opened by node:crypto: the nonce came from the pool and the layout is standard.
    const d = nodeCrypto.createDecipheriv('aes-256-gcm', rawKey, Buffer.from(sealed.subarray(0, 12)));
    d.setAAD(Buffer.from('ctx'));
    d.setAuthTag(Buffer.from(sealed.subarray(sealed.length - 16)));
    assert.equal(Buffer.concat([d.update(Buffer.from(sealed.subarray(12, sealed.length - 16))), d.final()]).toString(), '张三 110101194001011234');
    const opened = core.aeadDecryptString(key, core.aeadEncryptString(key, '王秀英'));
    assert.equal(opened.ok, true);
    assert.equal(opened.value, '王秀英');

    const pair = core.generateEcKeyPair();
    const compact = core.jweEncrypt({ name: '王秀英' }, pair.publicJwk);
    const { compactDecrypt, importJWK } = await import('jose');
    const out = await compactDecrypt(compact, await importJWK({ ...pair.privateJwk }, 'ECDH-ES'));
    assert.equal(Buffer.from(out.plaintext).toString(), '{"name":"王秀英"}');

    let drained = null;
    let n = 0;
    for (; n < 1000 && !drained; n++) {
      try { core.aeadEncrypt(key, 'x'); } catch (e) { drained = e; }
    }
    assert.ok(drained, 'a synchronous burst drains the 4 KiB pool');
    assert.ok(drained instanceof core.HomecareError);
    assert.equal(drained.code, 'entropy.unavailable');
    assert.ok(n > 100, `encrypted ${n} times before running dry`);
    assert.throws(() => core.AeadKey.generate(), (e) => e.code === 'entropy.unavailable');
    await core.refillRandom();
    const again = core.aeadDecrypt(key, core.aeadEncrypt(key, 'after refill'));
    assert.equal(Buffer.from(again.value).toString(), 'after refill');
    // randomUuid draws from the same interface.
    assert.match(core.randomUuid(), /^[0-9a-f-]{36}$/);
    key.free();
    assert.throws(() => core.aeadEncrypt(key, 'x'), (e) => e.code === 'crypto.key_freed');
  } finally { rt.dispose(); }
});

test('without wx.getRandomValues: seedEntropy bytes are used, then it fails closed', async () => {
  const rt = createRuntime({ root: miniprogramDir, randomFails: true });
  try {
    const core = rt.require('homecare/homecare.js');
    await core.init();
    const key = core.AeadKey.import(new Uint8Array(32));
    assert.throws(() => core.aeadEncrypt(key, 'x'), (e) => e.code === 'entropy.unavailable');
    assert.equal(core.seedEntropy(nodeCrypto.randomBytes(12 * 3 + 16)), 52);
    for (let i = 0; i < 3; i++) assert.equal(core.aeadDecrypt(key, core.aeadEncrypt(key, `m${i}`)).ok, true);
    assert.match(core.randomUuid(), /^[0-9a-f-]{36}$/);
    assert.throws(() => core.aeadEncrypt(key, 'x'), (e) => e.code === 'entropy.unavailable');
    assert.throws(() => core.randomUuid(), (e) => e.code === 'entropy.unavailable');
    assert.equal(core.selfTest().ok, true);
    if (core.features().includes('sm')) {
      const k = new Uint8Array(16);
      core.seedEntropy(nodeCrypto.randomBytes(12));
      assert.equal(core.sm4GcmDecrypt(k, core.sm4GcmEncrypt(k, '国密')).ok, true);
    }
  } finally { rt.dispose(); }
});
