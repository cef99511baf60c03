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

/** A JSON value, as the functions that take or return plain data accept it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
