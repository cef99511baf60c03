// Client-side encryption: the AeadKey class, AES-256-GCM, sealed JSON fields, the JWE
// envelope, entropy seeding, and (when built with the `sm` feature) SM2/SM3/SM4.
// Keys live in wasm memory; JS holds only an opaque id (in a WeakMap, so it cannot be read
// or forged from the key object). free() wipes the key; using it afterwards throws
// HomecareError 'crypto.key_freed'.
API_PARTS.push(function installCrypto(api, raw, ready) {
  var ids = new WeakMap();
  var TOKEN = {};
  // Keys that are dropped without free() are wiped when the GC collects them, where the
  // platform has FinalizationRegistry (WeChat's JavaScriptCore on old iOS may not).
  var collected = typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry(function (id) { raw.aeadKeyFree(id); })
    : null;
  // The id of an AeadKey, or 0 for anything else (the core then throws arg.invalid_type).
  function idOf(key) {
    return ids.get(key) || 0;
  }
  hcAeadKeyId = idOf;

  class AeadKey {
    constructor(token, id) {
      if (token !== TOKEN) {
        throw new HomecareError('arg.invalid_value',
          'Create keys with AeadKey.generate() or AeadKey["import"] (32 bytes).', { name: 'AeadKey' });
      }
      ids.set(this, id);
      if (collected) collected.register(this, id, this);
    }

    /** A new random AES-256 key. */
    static generate() {
      ready();
      return new AeadKey(TOKEN, raw.aeadKeyGenerate());
    }

    /** The raw key bytes: a JS copy nobody wipes. Prefer keeping keys inside the core. */
    exportRawInsecure() {
      ready();
      return raw.aeadKeyExportRawInsecure(idOf(this));
    }

    /** Wipes the key in wasm memory. Idempotent. */
    free() {
      var id = idOf(this);
      if (!id) return;
      if (collected) collected.unregister(this);
      raw.aeadKeyFree(id);
    }
  }
  // Imports 32 raw key bytes. (Assigned by name: the WeChat build refuses the text of a
  // dynamic import, which a method named import would look like.)
  AeadKey['import'] = function importKey(bytes) {
    ready();
    return new AeadKey(TOKEN, raw.aeadKeyImport(bytes));
  };
  if (typeof Symbol === 'function' && typeof Symbol.dispose === 'symbol') {
    AeadKey.prototype[Symbol.dispose] = AeadKey.prototype.free;
  }
  api.AeadKey = AeadKey;

  api.features = function features() {
    ready();
    return raw.features();
  };
  api.seedEntropy = function seedEntropy(bytes) {
    ready();
    return raw.seedEntropy(bytes);
  };
  api.aeadEncrypt = function aeadEncrypt(key, plaintext, aad) {
    ready();
    return raw.aeadEncrypt(idOf(key), plaintext, aad);
  };
  api.aeadDecrypt = function aeadDecrypt(key, sealed, aad, options) {
    ready();
    return raw.aeadDecrypt(idOf(key), sealed, aad, options);
  };
  api.aeadEncryptString = function aeadEncryptString(key, plaintext, aad) {
    ready();
    return raw.aeadEncryptString(idOf(key), plaintext, aad);
  };
  api.aeadDecryptString = function aeadDecryptString(key, sealed, aad, options) {
    ready();
    return raw.aeadDecryptString(idOf(key), sealed, aad, options);
  };
  api.sealFields = function sealFields(value, paths, key, aad, options) {
    ready();
    return raw.sealFields(value, paths, idOf(key), aad, options);
  };
  api.openFields = function openFields(value, paths, key, aad, options) {
    ready();
    return raw.openFields(value, paths, idOf(key), aad, options);
  };
  api.jweEncrypt = function jweEncrypt(payload, recipientPublicJwk, options) {
    ready();
    return raw.jweEncrypt(payload, recipientPublicJwk, options);
  };
  api.jweDecrypt = function jweDecrypt(compact, privateJwk, options) {
    ready();
    return raw.jweDecrypt(compact, privateJwk, options);
  };
  api.generateEcKeyPair = function generateEcKeyPair() {
    ready();
    return raw.generateEcKeyPair();
  };

  // 国密: functions only in builds with the `sm` cargo feature (see features()); otherwise
  // the names exist with the value undefined, so `import { sm3 }` still links in ESM.
  var SM = ['sm4GcmEncrypt', 'sm4GcmDecrypt', 'sm2Encrypt', 'sm2Decrypt', 'sm2GenerateKeyPair', 'sm3', 'hmacSm3'];
  SM.forEach(function (name) {
    var fn = raw[name];
    api[name] = typeof fn === 'function'
      ? function () { ready(); return fn.apply(undefined, arguments); }
      : undefined;
  });
  // sm4GcmEncrypt's fast route (crates/wasm/src/crypto_sm.rs, sm4GcmSealInto): for byte
  // arguments the glue lays `nonce slot(12) ‖ plaintext ‖ tag slot(16)` out in the result
  // array and the core seals it in place, copied in and back by wasm-bindgen; anything else
  // (strings, other views, wrong types) takes the general route, where the core checks and
  // converts the arguments. The key crosses as bytes on both routes (no key store for SM4).
  if (typeof raw.sm4GcmSealInto === 'function') {
    api.sm4GcmEncrypt = function sm4GcmEncrypt(key, plaintext, aad) {
      ready();
      if (key instanceof Uint8Array && plaintext instanceof Uint8Array && plaintext.length < 0x40000000 &&
          (aad === undefined || aad === null || aad instanceof Uint8Array)) {
        var sealed = new Uint8Array(plaintext.length + 28);
        sealed.set(plaintext, 12);
        raw.sm4GcmSealInto(key, sealed, aad === null ? undefined : aad);
        return sealed;
      }
      return raw.sm4GcmEncrypt(key, plaintext, aad);
    };
  }
});
