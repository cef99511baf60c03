// Encryption in headless Chromium: the web entry, and the demo's JWE section.
import test from 'node:test';
import assert from 'node:assert/strict';
import { demoBrowser } from './browser.mjs';

const env = demoBrowser(test);

test('web entry: AEAD, sealed fields and JWE in the browser; garbage is HomecareError', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.url}pkg/package.json`);
  const r = await page.evaluate(async () => {
    const mod = await import('/pkg/web.js');
    await mod.default();
    const out = {};
    const key = mod.AeadKey.generate();
    const sealed = mod.aeadEncrypt(key, '王秀英 110101194001011234', 'ctx');
    out.len = sealed.length;
    out.opened = new TextDecoder().decode(mod.aeadDecrypt(key, sealed, 'ctx').value);
    sealed[20] ^= 1;
    out.tampered = mod.aeadDecrypt(key, sealed, 'ctx').errors[0].code;
    const f = mod.sealFields({ id: '110101194001011234', n: 1 }, ['id'], key);
    out.fields = mod.openFields(f.value, ['id'], key).value;
    const pair = mod.generateEcKeyPair();
    const compact = mod.jweEncrypt({ a: 1 }, pair.publicJwk, { alg: 'ECDH-ES' });
    out.jwe = new TextDecoder().decode(mod.jweDecrypt(compact, pair.privateJwk).value.payload);
    // The browser's WebCrypto opens the core's AES-GCM output too.
    const raw = key.exportRawInsecure();
    const ck = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
    const again = mod.aeadEncrypt(key, 'webcrypto');
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: again.subarray(0, 12) }, ck, again.subarray(12));
    out.webcrypto = new TextDecoder().decode(plain);
    key.free();
    const codes = [];
    for (const call of [() => mod.aeadEncrypt(key, 'x'), () => mod.aeadEncrypt({}, 'x'), () => mod.AeadKey.import(new Uint8Array(5)),
      () => mod.jweEncrypt('x', '{"kty":"EC"}'), () => mod.jweEncrypt('x', 5)]) {
      try { call(); codes.push('none'); } catch (e) { codes.push(e instanceof mod.HomecareError ? e.code : String(e)); }
    }
    out.codes = codes;
    out.after = mod.selfTest().ok;
    return out;
  });
  assert.equal(r.len, 12 + 28 + 16);
  assert.equal(r.opened, '王秀英 110101194001011234');
  assert.equal(r.tampered, 'crypto.auth_failed');
  assert.deepEqual(r.fields, { id: '110101194001011234', n: 1 });
  assert.equal(r.jwe, '{"a":1}');
  assert.equal(r.webcrypto, 'webcrypto');
  assert.deepEqual(r.codes, ['crypto.key_freed', 'arg.invalid_type', 'crypto.key_length', 'jwe.jwk_invalid', 'arg.invalid_type']);
  assert.equal(r.after, true);
  await page.close();
});

test('demo: the JWE section encrypts the registration to the demo key and opens it again', async () => {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  try {
    await page.goto(env.url);
    await page.waitForSelector('body[data-ready]');
    assert.equal(await page.getAttribute('body', 'data-ready'), 'true');
    assert.match(await page.textContent('[data-test=jwe-kid]'), /^[A-Za-z0-9_-]{43}$/);
    await page.click('[data-test=jwe-encrypt]');
    const compact = await page.textContent('[data-test=jwe-output]');
    assert.match(compact, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{54}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    const header = JSON.parse(Buffer.from(compact.split('.')[0], 'base64url').toString());
    assert.equal(header.alg, 'ECDH-ES+A256KW');
    assert.equal(header.cty, 'json');
    await page.click('[data-test=jwe-decrypt]');
    const opened = JSON.parse(await page.textContent('[data-test=jwe-opened]'));
    assert.equal(opened.name, '王秀英');
    assert.equal(opened.idNumber, '110101194001011234');
    await page.fill('[data-test=jwe-input]', '{not json');
    await page.click('[data-test=jwe-encrypt]');
    assert.match(await page.textContent('[data-test=jwe-output]'), /不是 JSON/);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
