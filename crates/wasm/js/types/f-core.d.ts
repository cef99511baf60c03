// version, selfTest, randomUuid.
import type { ErrorResult, Locale } from './base';

/** One boundary check of {@link selfTest}. */
export interface SelfTestCheck {
  name: 'strings' | 'nested' | 'bytes' | 'errorResult';
  ok: boolean;
}

/** The report of {@link selfTest}. */
export interface SelfTestReport {
  ok: boolean;
  version: string;
  locale: Locale;
  checks: SelfTestCheck[];
  sample: {
    texts: string[];
    nested: {
      name: string;
      age: number;
      contacts: { relation: string; mobile: string }[];
      note: string | null;
    };
    bytes: Uint8Array;
  };
  errorResult: ErrorResult;
}

/** The package version, e.g. `"0.1.0"`. */
export declare function version(): string;

/**
 * Proves the JS↔wasm boundary on this platform: CJK and astral strings, nested objects, byte
 * arrays and an error result. Throws `HomecareError` for a malformed `options`.
 */
export declare function selfTest(options?: { locale?: Locale }): SelfTestReport;

/**
 * A random version-4 UUID from the host's secure randomness (idempotency keys).
 * Throws `HomecareError` with code `entropy.unavailable` when there is none.
 */
export declare function randomUuid(): string;
