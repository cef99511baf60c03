// Client-side encryption against the JavaScript a user would otherwise pick:
//  - AES-256-GCM (aeadEncrypt) at 64 B, 1 KiB, 64 KiB, 1 MiB vs @noble/ciphers gcm, crypto-js
//    AES-256-CBC (it has no GCM), and node:crypto (native OpenSSL: the ceiling, not a peer);
//  - SM4-GCM vs sm-crypto-v2 (builds with the `sm` feature only);
//  - the full JWE envelope (ECDH-ES+A256KW / A256GCM, P-256) vs the same envelope in pure JS
//    (@noble/curves + @noble/ciphers + @noble/hashes, below), which jose must open.
// Every encryption includes drawing its fresh random nonce / keys, on both sides.
import path from 'node:path';
import { createRequire } from 'node:module';
import nodeCrypto from 'node:crypto';
import { gcm, aeskw } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import CryptoJS from 'crypto-js';
import { sm4 } from 'sm-crypto-v2';
import { compactDecrypt, importJWK } from 'jose';

const require = createRequire(import.meta.url);
// HOMECARE_PKG_DIR measures a variant build, e.g. the 国密 one:
// HOMECARE_FEATURES=sm HOMECARE_PKG_DIR=target/pkg-sm node scripts/build.mjs, then
// HOMECARE_PKG_DIR=target/pkg-sm npm run bench -- crypto.
const core = require(process.env.HOMECARE_PKG_DIR ? path.resolve(process.env.HOMECARE_PKG_DIR, 'index.cjs') : '../../pkg/index.cjs');

const SIZES = [['64 B', 64, 2000], ['1 KiB', 1024, 300], ['64 KiB', 65536, 5], ['1 MiB', 1 << 20, 1]];
const rawKey = nodeCrypto.randomBytes(32);
const key = core.AeadKey.import(rawKey);
const cjsKey = CryptoJS.lib.WordArray.create(rawKey);

function checkAead(size) {
  return () => {
    const pt = nodeCrypto.randomBytes(size);
    const sealed = core.aeadEncrypt(key, pt);
    const opened = gcm(rawKey, sealed.subarray(0, 12)).decrypt(sealed.subarray(12));
    if (!Buffer.from(opened).equals(pt)) throw new Error('noble cannot open the core output');
  };
}

const cases = [];
for (const [label, size, inner] of SIZES) {
  const pt = nodeCrypto.randomBytes(size);
  const ptWords = CryptoJS.lib.WordArray.create(pt);
  const coreFn = () => core.aeadEncrypt(key, pt);
  cases.push({
    name: `AES-256-GCM encrypt ${label}`, inner, check: checkAead(size), core: coreFn,
    peer: { name: '@noble/ciphers gcm', fn: () => { const n = randomBytes(12); gcm(rawKey, n).encrypt(pt); } },
  });
  cases.push({
    name: `AES-256 encrypt ${label} vs CBC`, inner, core: coreFn,
    peer: { name: 'crypto-js AES-256-CBC', fn: () => CryptoJS.AES.encrypt(ptWords, cjsKey, { iv: CryptoJS.lib.WordArray.random(16) }) },
  });
  cases.push({
    name: `AES-256-GCM encrypt ${label} vs native`, inner, core: coreFn,
    peer: {
      name: 'node:crypto (ceiling)',
      fn: () => { const c = nodeCrypto.createCipheriv('aes-256-gcm', rawKey, nodeCrypto.randomBytes(12)); c.update(pt); c.final(); c.getAuthTag(); },
    },
  });
}
const sealed1k = core.aeadEncrypt(key, nodeCrypto.randomBytes(1024));
cases.push({
  name: 'AES-256-GCM decrypt 1 KiB', inner: 300, core: () => core.aeadDecrypt(key, sealed1k),
  peer: { name: '@noble/ciphers gcm', fn: () => gcm(rawKey, sealed1k.subarray(0, 12)).decrypt(sealed1k.subarray(12)) },
});

if (core.features().includes('sm')) {
  const smKey = nodeCrypto.randomBytes(16);
  for (const [label, size, inner] of SIZES.slice(0, 3)) {
    const pt = nodeCrypto.randomBytes(size);
    cases.push({
      name: `SM4-GCM encrypt ${label}`, inner,
      check: () => {
        const s = core.sm4GcmEncrypt(smKey, pt);
        const out = sm4.decrypt(s.subarray(12, s.length - 16), smKey, { mode: 'gcm', iv: s.subarray(0, 12), tag: s.subarray(s.length - 16), output: 'array' });
        if (!Buffer.from(out).equals(pt)) throw new Error('sm-crypto-v2 cannot open the core output');
      },
      core: () => core.sm4GcmEncrypt(smKey, pt),
      peer: { name: 'sm-crypto-v2 sm4 gcm', fn: () => sm4.encrypt(pt, smKey, { mode: 'gcm', iv: randomBytes(12), outputTag: true, output: 'array' }) },
    });
  }
}

// ---- the same JWE envelope in pure JS ----------------------------------------------------
const b64u = (b) => Buffer.from(b).toString('base64url');
const ascii = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
function be32(n) { return Uint8Array.of(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255); }
function concatBytes(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
/** RFC 7518 §4.6.2 Concat KDF, one SHA-256 block for a 256-bit key, empty apu/apv. */
const concatKdf = (z, alg) => sha256(concatBytes(be32(1), z, be32(alg.length), ascii(alg), be32(0), be32(0), be32(256)));

function nobleJweEncrypt(payload, jwk) {
  const recipient = concatBytes(Uint8Array.of(4), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url'));
  const eph = p256.utils.randomSecretKey();
  const epk = p256.getPublicKey(eph, false);
  const z = p256.getSharedSecret(eph, recipient, true).subarray(1);
  const kek = concatKdf(z, 'ECDH-ES+A256KW');
  const cek = randomBytes(32);
  const wrapped = aeskw(kek).encrypt(cek);
  const header = { alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: jwk.kid, epk: { kty: 'EC', crv: 'P-256', x: b64u(epk.subarray(1, 33)), y: b64u(epk.subarray(33)) } };
  const protectedB64 = b64u(JSON.stringify(header));
  const iv = randomBytes(12);
  const sealed = gcm(cek, iv, ascii(protectedB64)).encrypt(payload);
  return [protectedB64, b64u(wrapped), b64u(iv), b64u(sealed.subarray(0, sealed.length - 16)), b64u(sealed.subarray(sealed.length - 16))].join('.');
}

const pair = core.generateEcKeyPair();
const registration = new TextEncoder().encode(JSON.stringify({
  name: '王秀英', idNumber: '110101194001011234', mobile: '13800138000', address: '北京市东城区和平里街道 3 号楼 2 单元 501',
  contacts: [{ name: '王强', relation: '儿子', mobile: '13900139000' }], services: ['上门输液', '伤口换药'], notes: '行动不便，请提前电话联系',
}));
// Both envelopes must open in jose before any timing counts.
{
  const priv = await importJWK(pair.privateJwk, 'ECDH-ES');
  for (const compact of [nobleJweEncrypt(registration, pair.publicJwk), core.jweEncrypt(registration, pair.publicJwk)]) {
    const out = await compactDecrypt(compact, priv);
    if (!Buffer.from(out.plaintext).equals(Buffer.from(registration))) throw new Error('jose opened a different payload');
  }
}
cases.push({
  name: `JWE encrypt ECDH-ES+A256KW (${registration.length} B)`, inner: 20,
  core: () => core.jweEncrypt(registration, pair.publicJwk),
  peer: { name: 'pure JS (noble) envelope', fn: () => nobleJweEncrypt(registration, pair.publicJwk) },
});
const compact = core.jweEncrypt(registration, pair.publicJwk);
cases.push({ name: 'JWE decrypt (core only)', inner: 20, core: () => core.jweDecrypt(compact, pair.privateJwk) });

export default {
  name: 'crypto',
  description: 'AES-256-GCM, SM4-GCM and the JWE envelope against JS libraries (node:crypto is the native ceiling)',
  cases,
};
