'use strict';
// Client-side encryption through the Node entry: AeadKey, AES-256-GCM, sealed fields, the JWE
// envelope (interop with npm jose both ways), entropy, garbage, and — when the build has the
// `sm` feature — 国密 interop with npm sm-crypto-v2.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const nodeCrypto = require('node:crypto');
const { root, pkgDir, garbage } = require('./helpers.cjs');

const core = require(pkgDir);
const vectors = (name) => JSON.parse(fs.readFileSync(path.join(root, 'tests/vectors/crypto', name), 'utf8'));
const hasSm = core.features().includes('sm');
let josePromise;
const jose = () => (josePromise ||= import('jose'));

const isErr = (r, code) => r && r.ok === false && r.errors.length === 1 && r.errors[0].code === code;
const throwsCode = (fn, code) => assert.throws(fn, (e) => e instanceof core.HomecareError && e.code === code, code);
const b64u = (b) => Buffer.from(b).toString('base64url');

test('AeadKey: generate, import 32 bytes only, export, free wipes and later use throws', () => {
  const raw = nodeCrypto.randomBytes(32);
  const k = core.AeadKey.import(raw);
  assert.deepEqual(Buffer.from(k.exportRawInsecure()), raw);
  for (const n of [0, 1, 16, 31, 33, 64]) throwsCode(() => core.AeadKey.import(new Uint8Array(n)), 'crypto.key_length');
  throwsCode(() => core.AeadKey.import('x'.repeat(32)), 'arg.invalid_type');
  const g = core.AeadKey.generate();
  assert.notDeepEqual(Buffer.from(g.exportRawInsecure()), Buffer.from(core.AeadKey.generate().exportRawInsecure()));
  const sealed = core.aeadEncrypt(k, 'x');
  k.free();
  k.free();
  throwsCode(() => core.aeadEncrypt(k, 'x'), 'crypto.key_freed');
  throwsCode(() => core.aeadDecrypt(k, sealed), 'crypto.key_freed');
  throwsCode(() => k.exportRawInsecure(), 'crypto.key_freed');
  throwsCode(() => new core.AeadKey(), 'arg.invalid_value');
  throwsCode(() => core.aeadEncrypt({}, 'x'), 'arg.invalid_type');
  // Same bytes imported again are a new, working key.
  const again = core.AeadKey.import(raw);
  assert.equal(Buffer.from(core.aeadDecrypt(again, sealed).value).toString(), 'x');
});

test('aeadEncrypt: nonce ‖ ciphertext ‖ tag, opened by node:crypto, and the other way round', () => {
  const rawKey = nodeCrypto.randomBytes(32);
  const key = core.AeadKey.import(rawKey);
  for (const len of [0, 1, 15, 16, 17, 1000, 65536]) {
    const pt = nodeCrypto.randomBytes(len);
    const aad = nodeCrypto.randomBytes(len % 7);
    const sealed = core.aeadEncrypt(key, pt, aad);
    assert.ok(sealed instanceof Uint8Array);
    assert.equal(sealed.length, 12 + len + 16);
    const d = nodeCrypto.createDecipheriv('aes-256-gcm', rawKey, sealed.subarray(0, 12));
    d.setAAD(aad);
    d.setAuthTag(sealed.subarray(12 + len));
    assert.deepEqual(Buffer.concat([d.update(sealed.subarray(12, 12 + len)), d.final()]), pt);
    const iv = nodeCrypto.randomBytes(12);
    const c = nodeCrypto.createCipheriv('aes-256-gcm', rawKey, iv);
    c.setAAD(aad);
    const theirs = Buffer.concat([iv, c.update(pt), c.final(), c.getAuthTag()]);
    const r = core.aeadDecrypt(key, theirs, aad);
    assert.equal(r.ok, true);
    assert.deepEqual(Buffer.from(r.value), pt);
  }
  key.free();
});

test('aeadDecrypt: every changed byte, wrong AAD or key is crypto.auth_failed with no plaintext', () => {
  const key = core.AeadKey.generate();
  const sealed = core.aeadEncrypt(key, '身份证 110101194001011234', 'order-7');
  for (let i = 0; i < sealed.length; i++) {
    const bad = Uint8Array.from(sealed);
    bad[i] ^= 1 << (i % 8);
    const r = core.aeadDecrypt(key, bad, 'order-7');
    assert.ok(isErr(r, 'crypto.auth_failed'), `byte ${i}`);
    assert.equal('value' in r, false);
  }
  assert.ok(isErr(core.aeadDecrypt(key, sealed, 'order-8'), 'crypto.auth_failed'));
  assert.ok(isErr(core.aeadDecrypt(key, sealed), 'crypto.auth_failed'));
  assert.ok(isErr(core.aeadDecrypt(core.AeadKey.generate(), sealed, 'order-7'), 'crypto.auth_failed'));
  for (const n of [0, 1, 27]) assert.ok(isErr(core.aeadDecrypt(key, sealed.subarray(0, n), 'order-7'), 'crypto.truncated'));
  const en = core.aeadDecrypt(key, sealed, 'x', { locale: 'en' });
  assert.match(en.errors[0].message, /^Decryption failed/);
  assert.match(core.aeadDecrypt(key, sealed, 'x').errors[0].message, /打不开/);
  assert.equal(Buffer.from(core.aeadDecrypt(key, sealed, new TextEncoder().encode('order-7')).value).toString(),
    '身份证 110101194001011234');
});

test('string helpers: UTF-8 text in, base64url out, and back; malformed text is an error result', () => {
  const key = core.AeadKey.generate();
  for (const text of ['', '张三', '𠮷野家 👵🏻', 'a\u0000b', '王'.repeat(10000)]) {
    const s = core.aeadEncryptString(key, text, 'ctx');
    assert.match(s, /^[A-Za-z0-9_-]*$/);
    assert.deepEqual(core.aeadDecryptString(key, s, 'ctx'), { ok: true, value: text, warnings: [] });
  }
  assert.ok(isErr(core.aeadDecryptString(key, '***', 'ctx'), 'crypto.base64'));
  assert.ok(isErr(core.aeadDecryptString(key, b64u(core.aeadEncrypt(key, new Uint8Array([0xff]))), undefined), 'crypto.utf8'));
  throwsCode(() => core.aeadEncryptString(key, new Uint8Array(2)), 'arg.invalid_type');
});

test('sealFields / openFields: selected fields sealed in place, path bound into the AAD', () => {
  const key = core.AeadKey.generate();
  const order = {
    name: '王秀英', idNumber: '110101194001011234', age: 86, note: null,
    contacts: [{ name: '王强', mobile: '13800138000' }, { name: '李娜', mobile: '13900139000', tags: ['子女', 1] }],
  };
  const paths = ['idNumber', 'age', 'note', 'contacts[*].mobile', 'contacts[1].tags'];
  const r = core.sealFields(order, paths, key, 'user-1');
  assert.equal(r.ok, true);
  const sealed = r.value;
  assert.equal(sealed.name, '王秀英');
  assert.equal(sealed.note, null);
  for (const v of [sealed.idNumber, sealed.age, sealed.contacts[0].mobile, sealed.contacts[1].tags]) assert.match(v, /^hc1\.[A-Za-z0-9_-]+$/);
  assert.doesNotMatch(JSON.stringify(sealed), /110101194001011234|13800138000/);
  assert.deepEqual(core.openFields(sealed, paths, key, 'user-1'), { ok: true, value: order, warnings: [] });
  // A sealed value moved to another element fails there, and the error names the field.
  const moved = structuredClone(sealed);
  moved.contacts[1].mobile = sealed.contacts[0].mobile;
  const m = core.openFields(moved, paths, key, 'user-1');
  assert.equal(m.ok, false);
  assert.equal(m.errors[0].code, 'crypto.auth_failed');
  assert.equal(m.errors[0].path, 'contacts[1].mobile');
  assert.ok(isErr(core.openFields(sealed, paths, key, 'user-2'), 'crypto.auth_failed'));
  assert.equal(core.openFields(order, ['idNumber'], key).errors[0].code, 'fields.not_sealed');
  assert.equal(core.sealFields(order, ['contacts[x'], key).errors[0].code, 'fields.path_syntax');
  assert.equal(core.sealFields(order, ['name[*]'], key).errors[0].code, 'fields.shape_mismatch');
  throwsCode(() => core.sealFields(order, 'idNumber', key), 'arg.invalid_type');
  throwsCode(() => core.sealFields(order, [1], key), 'arg.invalid_type');
  throwsCode(() => core.sealFields(10n, ['a'], key), 'arg.invalid_type');
  const cyclic = {}; cyclic.self = cyclic;
  throwsCode(() => core.sealFields(cyclic, ['a'], key), 'arg.invalid_type');
  let deep = 1; for (let i = 0; i < 200; i++) deep = [deep];
  throwsCode(() => core.sealFields(deep, ['a'], key), 'arg.invalid_value');
});

function randomPayloads() {
  const out = [new Uint8Array(0), new Uint8Array([7]), nodeCrypto.randomBytes(1 << 20), Buffer.from('张三，身份证 110101194001011234 𠮷')];
  for (let i = 0; i < 20; i++) out.push(nodeCrypto.randomBytes(Math.floor(Math.random() * 3000)));
  return out;
}

test('jweEncrypt → jose.compactDecrypt, both algs, many payloads; header carries kid, apu/apv, cty, extras', async () => {
  const { compactDecrypt, importJWK } = await jose();
  const pair = core.generateEcKeyPair();
  assert.equal(pair.publicJwk.kid, pair.privateJwk.kid);
  assert.equal(pair.publicJwk.d, undefined);
  const priv = await importJWK(pair.privateJwk, 'ECDH-ES');
  for (const alg of ['ECDH-ES+A256KW', 'ECDH-ES']) {
    for (const payload of randomPayloads()) {
      const compact = core.jweEncrypt(payload, pair.publicJwk, alg === 'ECDH-ES' ? { alg } : undefined);
      assert.equal(compact.split('.').length, 5);
      assert.equal(compact.split('.')[1].length, alg === 'ECDH-ES' ? 0 : 54);
      const out = await compactDecrypt(compact, priv, { keyManagementAlgorithms: [alg] });
      assert.deepEqual(Buffer.from(out.plaintext), Buffer.from(payload));
      assert.equal(out.protectedHeader.alg, alg);
      assert.equal(out.protectedHeader.enc, 'A256GCM');
      assert.equal(out.protectedHeader.kid, pair.publicJwk.kid);
    }
  }
  const options = { alg: 'ECDH-ES', apu: b64u('client'), apv: b64u('server'), cty: 'json', extraHeaders: { orderId: 'o-1', n: 3 } };
  const value = { name: '王秀英', b: [1, { z: true, a: null }] };
  const compact = core.jweEncrypt(value, JSON.stringify(pair.publicJwk), options);
  const out = await compactDecrypt(compact, priv);
  assert.equal(Buffer.from(out.plaintext).toString(), '{"b":[1,{"a":null,"z":true}],"name":"王秀英"}');
  assert.deepEqual({ ...out.protectedHeader, epk: undefined }, {
    alg: 'ECDH-ES', enc: 'A256GCM', kid: pair.publicJwk.kid, cty: 'json', epk: undefined,
    apu: options.apu, apv: options.apv, orderId: 'o-1', n: 3,
  });
  // A string payload is its UTF-8 bytes, not a JSON string.
  assert.equal(Buffer.from((await compactDecrypt(core.jweEncrypt('王', pair.publicJwk), priv)).plaintext).toString(), '王');
});

test('jose.CompactEncrypt → jweDecrypt, both algs; the jose 6.2.18 vectors open', async () => {
  const { CompactEncrypt, importJWK } = await jose();
  const pair = core.generateEcKeyPair();
  const pub = await importJWK(pair.publicJwk, 'ECDH-ES');
  for (const alg of ['ECDH-ES+A256KW', 'ECDH-ES']) {
    for (const payload of randomPayloads()) {
      const compact = await new CompactEncrypt(payload).setProtectedHeader({ alg, enc: 'A256GCM', kid: pair.publicJwk.kid, orderId: 'x' }).encrypt(pub);
      const r = core.jweDecrypt(compact, pair.privateJwk);
      assert.equal(r.ok, true, JSON.stringify(r.errors));
      assert.deepEqual(Buffer.from(r.value.payload), Buffer.from(payload));
      assert.equal(r.value.header.orderId, 'x');
      assert.equal(r.value.header.alg, alg);
    }
  }
  const v = vectors('jwe_jose.json');
  for (const c of v.cases) {
    const r = core.jweDecrypt(c.compact, v.privateJwk);
    assert.equal(r.ok, true, c.name);
    assert.equal(Buffer.from(r.value.payload).toString(), c.payload, c.name);
  }
});

test('a JWE with any changed part is rejected by the core and by jose', async () => {
  const { compactDecrypt, importJWK } = await jose();
  const pair = core.generateEcKeyPair();
  const priv = await importJWK(pair.privateJwk, 'ECDH-ES');
  for (const alg of ['ECDH-ES+A256KW', 'ECDH-ES']) {
    const compact = core.jweEncrypt({ idNumber: '110101194001011234' }, pair.publicJwk, { alg, extraHeaders: { orderId: 'o-9' } });
    const parts = compact.split('.');
    for (let p = 0; p < 5; p++) {
      if (parts[p] === '') continue;
      for (const at of [0, Math.floor(parts[p].length / 2), parts[p].length - 2]) {
        const bytes = Buffer.from(parts[p], 'base64url');
        const i = Math.min(Math.floor(at * 3 / 4), bytes.length - 1);
        bytes[i] ^= 0x01;
        const bad = parts.slice();
        bad[p] = b64u(bytes);
        const tampered = bad.join('.');
        const r = core.jweDecrypt(tampered, pair.privateJwk);
        assert.equal(r.ok, false, `part ${p} byte ${i}`);
        assert.match(r.errors[0].code, /^jwe\./);
        await assert.rejects(compactDecrypt(tampered, priv), `jose: part ${p} byte ${i}`);
      }
    }
    const r = core.jweDecrypt(compact, pair.privateJwk);
    assert.equal(r.ok, true);
  }
  assert.ok(isErr(core.jweDecrypt('a.b.c', pair.privateJwk), 'jwe.malformed'));
  const other = core.generateEcKeyPair();
  assert.equal(core.jweDecrypt(core.jweEncrypt('x', pair.publicJwk), other.privateJwk).errors[0].code, 'jwe.kid_mismatch');
});

test('bad JWKs and options throw HomecareError with a code; never a trap', () => {
  const pair = core.generateEcKeyPair();
  const pub = pair.publicJwk;
  const offCurve = { ...pub, y: b64u(Buffer.from(pub.y, 'base64url').map((b, i) => (i === 31 ? b ^ 1 : b))) };
  for (const jwk of ['not json', '{}', '[]', { ...pub, crv: 'P-384' }, { ...pub, kty: 'OKP' }, offCurve,
    { ...pub, x: 'AAAA' }, pair.privateJwk, JSON.stringify(offCurve)]) {
    throwsCode(() => core.jweEncrypt('x', jwk), 'jwe.jwk_invalid');
  }
  for (const jwk of [5, null, undefined, [], () => 1]) throwsCode(() => core.jweEncrypt('x', jwk), 'arg.invalid_type');
  throwsCode(() => core.jweDecrypt(core.jweEncrypt('x', pub), pub), 'jwe.jwk_invalid');
  throwsCode(() => core.jweDecrypt(core.jweEncrypt('x', pub), { ...pair.privateJwk, d: b64u(new Uint8Array(32)) }), 'jwe.jwk_invalid');
  throwsCode(() => core.jweEncrypt('x', pub, { extraHeaders: { kid: 'x' } }), 'jwe.header_reserved');
  throwsCode(() => core.jweEncrypt('x', pub, { alg: 'RSA-OAEP' }), 'arg.invalid_value');
  throwsCode(() => core.jweEncrypt('x', pub, { apu: '***' }), 'arg.invalid_value');
  throwsCode(() => core.jweEncrypt('x', pub, { bogus: 1 }), 'arg.invalid_value');
  throwsCode(() => core.jweEncrypt('x', pub, 7), 'arg.invalid_type');
  throwsCode(() => core.jweEncrypt(undefined, pub), 'arg.invalid_type');
  throwsCode(() => core.jweEncrypt(Symbol('s'), pub), 'arg.invalid_type');
});

test('keys and plaintexts never appear in errors', () => {
  const rawKey = Buffer.from('4b'.repeat(32), 'hex');
  const key = core.AeadKey.import(rawKey);
  const secret = 'SECRET-110101194001011234';
  const sealed = core.aeadEncrypt(key, secret, 'aad-SECRET');
  const bad = Uint8Array.from(sealed); bad[20] ^= 1;
  const pair = core.generateEcKeyPair();
  const texts = [];
  const grab = (fn) => { try { texts.push(JSON.stringify(fn())); } catch (e) { texts.push(`${e.message} ${JSON.stringify(e.params)} ${e.stack}`); } };
  grab(() => core.aeadDecrypt(key, bad, 'aad-SECRET'));
  grab(() => core.aeadDecrypt(key, sealed, 'wrong'));
  grab(() => core.aeadDecryptString(key, b64u(bad), 'aad-SECRET'));
  grab(() => core.AeadKey.import(Buffer.concat([rawKey, Buffer.from([1])])));
  grab(() => core.openFields({ id: 'hc1.' + b64u(bad) }, ['id'], key));
  grab(() => core.jweEncrypt(secret, { ...pair.privateJwk }));
  grab(() => core.jweDecrypt(core.jweEncrypt(secret, pair.publicJwk).replace(/.$/, 'A'), pair.privateJwk));
  grab(() => core.jweDecrypt('x.y.z.w.v', { ...pair.privateJwk, d: pair.privateJwk.d.replace(/^./, 'A') }));
  key.free();
  grab(() => core.aeadEncrypt(key, secret));
  assert.equal(texts.length, 9);
  for (const t of texts) {
    for (const needle of [secret, '110101194001011234', '4b4b4b4b', rawKey.toString('base64'), b64u(rawKey), pair.privateJwk.d]) {
      assert.ok(!t.includes(needle), `${needle} in ${t}`);
    }
  }
});

test('garbage through every crypto export: an error result or HomecareError, never a trap', () => {
  const key = core.AeadKey.generate();
  const pair = core.generateEcKeyPair();
  const sealed = core.aeadEncrypt(key, 'x');
  const calls = {
    'AeadKey.import': (g) => core.AeadKey.import(g),
    seedEntropy: (g) => core.seedEntropy(g),
    'aeadEncrypt key': (g) => core.aeadEncrypt(g, 'x'),
    'aeadEncrypt plaintext': (g) => core.aeadEncrypt(key, g),
    'aeadEncrypt aad': (g) => core.aeadEncrypt(key, 'x', g),
    'aeadDecrypt sealed': (g) => core.aeadDecrypt(key, g),
    'aeadDecrypt aad': (g) => core.aeadDecrypt(key, sealed, g),
    'aeadDecrypt options': (g) => core.aeadDecrypt(key, sealed, undefined, g),
    'aeadEncryptString text': (g) => core.aeadEncryptString(key, g),
    'aeadDecryptString sealed': (g) => core.aeadDecryptString(key, g),
    'sealFields value': (g) => core.sealFields(g, ['a'], key),
    'sealFields paths': (g) => core.sealFields({ a: 1 }, g, key),
    'sealFields key': (g) => core.sealFields({ a: 1 }, ['a'], g),
    'openFields value': (g) => core.openFields(g, ['a'], key),
    'jweEncrypt payload': (g) => core.jweEncrypt(g, pair.publicJwk),
    'jweEncrypt jwk': (g) => core.jweEncrypt('x', g),
    'jweEncrypt options': (g) => core.jweEncrypt('x', pair.publicJwk, g),
    'jweDecrypt compact': (g) => core.jweDecrypt(g, pair.privateJwk),
    'jweDecrypt jwk': (g) => core.jweDecrypt('a.b.c.d.e', g),
  };
  if (hasSm) {
    const sm2 = core.sm2GenerateKeyPair();
    Object.assign(calls, {
      'sm4GcmEncrypt key': (g) => core.sm4GcmEncrypt(g, 'x'),
      'sm4GcmDecrypt sealed': (g) => core.sm4GcmDecrypt(new Uint8Array(16), g),
      'sm2Encrypt key': (g) => core.sm2Encrypt(g, 'x'),
      'sm2Encrypt options': (g) => core.sm2Encrypt(sm2.publicKey, 'x', g),
      'sm2Decrypt ciphertext': (g) => core.sm2Decrypt(sm2.privateKey, g),
      'sm2Decrypt key': (g) => core.sm2Decrypt(g, new Uint8Array(200)),
      sm3: (g) => core.sm3(g),
      hmacSm3: (g) => core.hmacSm3(g, g),
    });
  }
  for (const [fname, fn] of Object.entries(calls)) {
    for (const [name, value] of garbage()) {
      try {
        const r = fn(value);
        if (r && typeof r === 'object' && 'ok' in r && r.ok === false) assert.ok(r.errors[0].code, `${fname} ${name}`);
      } catch (e) {
        assert.ok(e instanceof core.HomecareError, `${fname} ${name}: ${e && e.stack}`);
      }
    }
  }
  // Still answers, and still decrypts correctly.
  assert.equal(Buffer.from(core.aeadDecrypt(key, sealed).value).toString(), 'x');
  assert.equal(core.selfTest().ok, true);
});

test('seedEntropy: seeded bytes are used before the host, once each', () => {
  const seed = nodeCrypto.randomBytes(24);
  assert.equal(core.seedEntropy(seed), 24);
  const key = core.AeadKey.import(new Uint8Array(32));
  const a = core.aeadEncrypt(key, '');
  const b = core.aeadEncrypt(key, '');
  const c = core.aeadEncrypt(key, '');
  // Served from the end: the last 12 seeded bytes first.
  assert.deepEqual(Buffer.from(a.subarray(0, 12)), seed.subarray(12));
  assert.deepEqual(Buffer.from(b.subarray(0, 12)), seed.subarray(0, 12));
  assert.notDeepEqual(Buffer.from(c.subarray(0, 12)), seed.subarray(0, 12));
  assert.equal(core.seedEntropy(new Uint8Array(0)), 0);
});

test('a million nonces, no repeat', () => {
  const key = core.AeadKey.generate();
  const seen = new Set();
  const empty = new Uint8Array(0);
  for (let i = 0; i < 1e6; i++) {
    const s = core.aeadEncrypt(key, empty);
    const v = new DataView(s.buffer, s.byteOffset, 12);
    seen.add(v.getBigUint64(0) * 4294967296n + BigInt(v.getUint32(8)));
  }
  assert.equal(seen.size, 1e6);
});

test('features() lists the optional parts; 国密 functions exist exactly when "sm" is listed', () => {
  const f = core.features();
  assert.ok(Array.isArray(f));
  for (const name of ['sm4GcmEncrypt', 'sm4GcmDecrypt', 'sm2Encrypt', 'sm2Decrypt', 'sm2GenerateKeyPair', 'sm3', 'hmacSm3']) {
    assert.equal(name in core, true, name);
    assert.equal(typeof core[name], hasSm ? 'function' : 'undefined', name);
  }
});

test('国密 (sm builds): SM2 and SM4-GCM interop with sm-crypto-v2 both ways; SM3/HMAC-SM3', { skip: !hasSm && 'built without the sm feature' }, async () => {
  const { sm2, sm3, sm4 } = await import('sm-crypto-v2');
  const hex = (b) => Buffer.from(b).toString('hex');
  const v = vectors('sm_crypto_v2.json');
  const priv = Buffer.from(v.sm2.privateKeyHex, 'hex');
  for (const c of v.sm2.cases) {
    const r = core.sm2Decrypt(priv, Buffer.from(c.c1c3c2Hex, 'hex'));
    assert.equal(Buffer.from(r.value).toString(), c.plaintextUtf8);
  }
  for (let i = 0; i < 20; i++) {
    const keys = sm2.generateKeyPairHex();
    const msg = i === 0 ? Buffer.from('张三 13800138000') : nodeCrypto.randomBytes(1 + Math.floor(Math.random() * 500));
    // sm-crypto-v2 → core (bare C1, and with 04 prepended)
    const theirs = sm2.doEncrypt(new Uint8Array(msg), keys.publicKey, 1);
    for (const ct of [theirs, '04' + theirs]) {
      const r = core.sm2Decrypt(Buffer.from(keys.privateKey, 'hex'), Buffer.from(ct, 'hex'));
      assert.equal(r.ok, true);
      assert.deepEqual(Buffer.from(r.value), msg);
    }
    // core → sm-crypto-v2 (bare for it; prefixed by default, which it also reads after stripping 04)
    const pub = Buffer.from(keys.publicKey, 'hex');
    const bare = core.sm2Encrypt(pub, msg, { format: 'bare' });
    assert.deepEqual(Buffer.from(sm2.doDecrypt(hex(bare), keys.privateKey, 1, { output: 'array' })), msg);
    const prefixed = core.sm2Encrypt(pub.subarray(1), msg);
    assert.equal(prefixed[0], 4);
    assert.deepEqual(Buffer.from(sm2.doDecrypt(hex(prefixed.subarray(1)), keys.privateKey, 1, { output: 'array' })), msg);
    const bad = Uint8Array.from(prefixed); bad[bad.length - 1] ^= 1;
    assert.ok(isErr(core.sm2Decrypt(Buffer.from(keys.privateKey, 'hex'), bad), 'sm2.decrypt_failed'));
    // SM4-GCM both ways
    const key = nodeCrypto.randomBytes(16);
    const aad = nodeCrypto.randomBytes(i);
    const sealed = core.sm4GcmEncrypt(key, msg, aad);
    const out = sm4.decrypt(sealed.subarray(12, sealed.length - 16), key, { mode: 'gcm', iv: sealed.subarray(0, 12), associatedData: aad, tag: sealed.subarray(sealed.length - 16), output: 'array' });
    assert.deepEqual(Buffer.from(out), msg);
    const iv = nodeCrypto.randomBytes(12);
    const enc = sm4.encrypt(msg, key, { mode: 'gcm', iv, associatedData: aad, outputTag: true, output: 'array' });
    const r = core.sm4GcmDecrypt(key, Buffer.concat([iv, enc.output, enc.tag]), aad);
    assert.deepEqual(Buffer.from(r.value), msg);
    assert.ok(isErr(core.sm4GcmDecrypt(key, Buffer.concat([iv, enc.output, enc.tag]), 'other'), 'crypto.auth_failed'));
    assert.equal(hex(core.sm3(msg)), sm3(new Uint8Array(msg)));
    assert.equal(hex(core.hmacSm3(key, msg)), sm3(new Uint8Array(msg), { key: new Uint8Array(key), mode: 'hmac' }));
  }
  throwsCode(() => core.sm4GcmEncrypt(new Uint8Array(32), 'x'), 'crypto.key_length');
  // Byte arguments take the glue's in-place route (sm4GcmSealInto): same checks, same output.
  throwsCode(() => core.sm4GcmEncrypt(new Uint8Array(15), new Uint8Array(3)), 'crypto.key_length');
  const k16 = nodeCrypto.randomBytes(16);
  for (const [pt, aad] of [[new Uint8Array(0), undefined], [Buffer.from('国密'), null], [Buffer.from('国密'), new Uint8Array([1, 2])]]) {
    const sealed = core.sm4GcmEncrypt(k16, pt, aad);
    assert.ok(sealed instanceof Uint8Array);
    assert.equal(sealed.length, pt.length + 28);
    assert.deepEqual(Buffer.from(core.sm4GcmDecrypt(k16, sealed, aad).value), Buffer.from(pt));
  }
  assert.deepEqual(Buffer.from(core.sm4GcmDecrypt(k16, core.sm4GcmEncrypt(k16, '国密', 'ad'), new Uint8Array([0x61, 0x64])).value), Buffer.from('国密'));
  throwsCode(() => core.sm2Encrypt(new Uint8Array(65), 'x'), 'sm2.key_invalid');
  throwsCode(() => core.sm2Encrypt(core.sm2GenerateKeyPair().publicKey, ''), 'sm2.empty_plaintext');
  throwsCode(() => core.sm2Decrypt(new Uint8Array(32), new Uint8Array(100)), 'sm2.key_invalid');
});
