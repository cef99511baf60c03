// Types shared by every entry of @homecare/core. Hand-written (like automerge's) and checked
// by tests/types.test.mjs: `tsc --strict` over a usage file, and no `any` in this folder.

/** A parameter value carried with an error code. */
export type ErrorParam = string | number;

/** One problem with user input. `code` is stable; `message` is rendered from the catalog. */
export interface InputError {
  /** Where in the input, e.g. `"emergencyContacts[1].mobile"`; `""` for the whole value. */
  path: string;
  /** Stable dotted code, e.g. `"id.checksum_mismatch"`. */
  code: string;
  /** What the message needs, e.g. `{ expected: "X" }`. */
  params: Record<string, ErrorParam>;
  /** Human text in the requested locale (zh-CN by default). */
  message: string;
}

/** A failed check of user input. */
export interface ErrorResult {
  ok: false;
  errors: InputError[];
}

/** The result of every user-input check. */
export type CheckResult<T> = { ok: true; value: T; warnings: InputError[] } | ErrorResult;

/** Message locales. */
export type Locale = 'zh-CN' | 'en';

/** Thrown for API misuse (wrong argument types, calling before init). Never for user input. */
export declare class HomecareError extends Error {
  constructor(code: string, message: string, params?: Record<string, ErrorParam>);
  readonly name: 'HomecareError';
  /** Stable dotted code, e.g. `"arg.invalid_type"`, `"entropy.unavailable"`, `"init.required"`. */
  readonly code: string;
  readonly params: Record<string, ErrorParam>;
}

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
