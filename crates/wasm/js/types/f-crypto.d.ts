// Client-side encryption: AeadKey, AES-256-GCM, sealed JSON fields, the JWE envelope to the
// backend, entropy seeding, and the 国密 functions of builds with the `sm` feature.
import type { CheckResult, Locale } from './base';

/** Bytes, or a string standing for its UTF-8 bytes. */
export type BytesOrText = Uint8Array | string;

// JsonValue is declared once, in f-identity.d.ts (core.d.ts re-exports every feature file).
import type { JsonValue } from './f-identity';

/** Options of the functions that return a result: the locale of error messages. */
export interface ResultOptions {
  locale?: Locale;
}

/**
 * An AES-256 key held in wasm memory; JS never sees its bytes unless `exportRawInsecure()` is
 * called. `free()` wipes it; using a freed key throws `HomecareError` `crypto.key_freed`.
 */
export declare class AeadKey {
  private constructor();
  /** A new random key. Throws `entropy.unavailable` when there is no secure randomness. */
  static generate(): AeadKey;
  /** Imports exactly 32 raw bytes; other lengths throw `HomecareError` `crypto.key_length`. */
  static import(bytes: Uint8Array): AeadKey;
  /** A copy of the raw key bytes in JS memory, which nobody wipes. */
  exportRawInsecure(): Uint8Array;
  /** Wipes the key. Calling it again does nothing. */
  free(): void;
}

/** Optional parts built into this module: `"sm"` when the 国密 functions are present. */
export declare function features(): string[];

/**
 * Adds bytes from a host-supplied CSPRNG; they are used before the platform's own source.
 * Returns the number of seeded bytes held.
 */
export declare function seedEntropy(bytes: Uint8Array): number;

/** AES-256-GCM: `nonce(12) ‖ ciphertext ‖ tag(16)` with a fresh random nonce. */
export declare function aeadEncrypt(key: AeadKey, plaintext: BytesOrText, aad?: BytesOrText | null): Uint8Array;

/** Opens `aeadEncrypt` output; `crypto.auth_failed` / `crypto.truncated` as an error result. */
export declare function aeadDecrypt(
  key: AeadKey, sealed: Uint8Array, aad?: BytesOrText | null, options?: ResultOptions,
): CheckResult<Uint8Array>;

/** `aeadEncrypt` of a string's UTF-8, as unpadded base64url. */
export declare function aeadEncryptString(key: AeadKey, plaintext: string, aad?: BytesOrText | null): string;

/** Opens `aeadEncryptString` output back to the string. */
export declare function aeadDecryptString(
  key: AeadKey, sealed: string, aad?: BytesOrText | null, options?: ResultOptions,
): CheckResult<string>;

/**
 * A copy of `value` with the fields at `paths` (`name`, `a.b`, `list[*].x`, `list[0].x`)
 * replaced by `"hc1.<base64url>"`; the concrete field path is bound into the AAD.
 */
export declare function sealFields(
  value: JsonValue, paths: string[], key: AeadKey, aad?: BytesOrText | null, options?: ResultOptions,
): CheckResult<JsonValue>;

/** The inverse of `sealFields`. */
export declare function openFields(
  value: JsonValue, paths: string[], key: AeadKey, aad?: BytesOrText | null, options?: ResultOptions,
): CheckResult<JsonValue>;

/** An EC P-256 JWK as the envelope uses it (`d` only in private keys). */
export interface EcJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid?: string;
  d?: string;
}

/** Options of `jweEncrypt`. */
export interface JweOptions {
  /** Key management: `ECDH-ES+A256KW` (default) or `ECDH-ES`. */
  alg?: 'ECDH-ES+A256KW' | 'ECDH-ES';
  /** PartyUInfo / PartyVInfo, base64url (as they appear in the header). */
  apu?: string;
  apv?: string;
  /** Content type, e.g. `"json"`. */
  cty?: string;
  /** More authenticated header members, e.g. `{ orderId: "…" }`; not `alg`, `enc`, `kid`, … */
  extraHeaders?: { [name: string]: JsonValue };
}

/**
 * Compact JWE (`A256GCM`, P-256) of `payload` to the backend key: bytes as they are, a string
 * as UTF-8, any other JSON value as canonical JSON. Throws `HomecareError` for a bad JWK
 * (`jwe.jwk_invalid`), reserved extra headers (`jwe.header_reserved`) or missing randomness.
 */
export declare function jweEncrypt(
  payload: Uint8Array | JsonValue, recipientPublicJwk: EcJwk | string, options?: JweOptions,
): string;

/** An opened JWE. */
export interface JweOpened {
  payload: Uint8Array;
  header: { [name: string]: JsonValue };
}

/** Opens a compact JWE (`jwe.*` codes as error results; a bad private JWK throws). */
export declare function jweDecrypt(
  compact: string, privateJwk: EcJwk | string, options?: ResultOptions,
): CheckResult<JweOpened>;

/** A new P-256 key pair for the envelope (`kid` = RFC 7638 thumbprint). Not for the app. */
export declare function generateEcKeyPair(): { publicJwk: EcJwk; privateJwk: EcJwk };

/** How `sm2Encrypt` writes C1: `04‖x‖y` (default) or bare `x‖y` (npm sm-crypto). */
export interface Sm2EncryptOptions {
  format?: 'prefixed' | 'bare';
}

// 国密: present only when `features()` includes "sm" (cargo feature `sm`), else undefined.

/** SM4-GCM under a 16-byte key: `nonce(12) ‖ ciphertext ‖ tag(16)`. */
export declare const sm4GcmEncrypt:
  | ((key: Uint8Array, plaintext: BytesOrText, aad?: BytesOrText | null) => Uint8Array)
  | undefined;
/** Opens `sm4GcmEncrypt` output. */
export declare const sm4GcmDecrypt:
  | ((key: Uint8Array, sealed: Uint8Array, aad?: BytesOrText | null, options?: ResultOptions) => CheckResult<Uint8Array>)
  | undefined;
/** SM2 (C1C3C2) to a public key of 65 (`04‖x‖y`), 64 (bare) or 33 (compressed) bytes. */
export declare const sm2Encrypt:
  | ((publicKey: Uint8Array, plaintext: BytesOrText, options?: Sm2EncryptOptions) => Uint8Array)
  | undefined;
/** Opens SM2 C1C3C2, C1 with or without `04`. */
export declare const sm2Decrypt:
  | ((privateKey: Uint8Array, ciphertext: Uint8Array, options?: ResultOptions) => CheckResult<Uint8Array>)
  | undefined;
/** A new SM2 key pair: `publicKey` 65 bytes `04‖x‖y`, `privateKey` 32 bytes. */
export declare const sm2GenerateKeyPair:
  | (() => { publicKey: Uint8Array; privateKey: Uint8Array })
  | undefined;
/** SM3 digest, 32 bytes. */
export declare const sm3: ((data: BytesOrText) => Uint8Array) | undefined;
/** HMAC-SM3, 32 bytes. */
export declare const hmacSm3: ((key: BytesOrText, data: BytesOrText) => Uint8Array) | undefined;
