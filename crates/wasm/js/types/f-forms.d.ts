// Schema-driven forms: validation with paths, live field checks, run-time schemas, messages.
import type { InputError, JsonValue, Locale } from './base';

/** Options of `validateForm` / `validateField`. */
export interface FormOptions {
  /** Message and label language; default 'zh-CN'. */
  locale?: Locale;
  /** 'YYYY-MM-DD' "today" for ages, birth dates, booking horizons; default: today (local time). */
  asOf?: string;
  /** 'YYYY-MM-DDTHH:mm' "now" for booking lead time; default: from `asOf`. */
  now?: string;
  /** 'all' (default): every problem; 'firstPerField': the first problem of each path. */
  mode?: 'all' | 'firstPerField';
  /** Data rules may read as `$context.key`, e.g. `{ birthDate, sex, mobile }` from earlier forms. */
  context?: { [key: string]: JsonValue };
  /** Overrides the booking rule's lead time (minutes). */
  leadMinutes?: number;
  /** Overrides the booking rule's horizon (days). */
  horizonDays?: number;
  /** Input limits (defaults: depth 16, 256 KiB, 10,000 characters per string, 200 items, 100 errors). */
  limits?: { maxDepth?: number; maxBytes?: number; maxStringChars?: number; maxArrayLen?: number; maxErrors?: number };
}

/** What `validateForm` and `validateField` return. Never thrown for user input. */
export interface FormResult {
  /** No problems: `value` may be submitted. */
  ok: boolean;
  /** The normalised data (trimmed, half-width, canonical IDs and phones, numbers as numbers;
   *  unknown keys dropped). For `validateField`: that field's value, or null. */
  value: JsonValue;
  /** Every problem, each with a path like 'emergencyContacts[1].mobile'. */
  errors: InputError[];
  /** Path → first message at that path: bind to a Vant field's `error-message`. */
  fieldErrors: Record<string, string>;
}

/** Validates `data` against form `formId`. Throws `HomecareError` (`form.unknown`) for an unknown form. */
export declare function validateForm(formId: string, data: JsonValue, options?: FormOptions): FormResult;
/** Live check of the field at `path` (e.g. 'emergencyContacts[1].mobile') as the user types. */
export declare function validateField(formId: string, path: string, data: JsonValue, options?: FormOptions): FormResult;

/** A schema: `{ id, version, label?, fields: [...], rules?: [...] }` (see docs/forms.md). */
export type FormSchema = { id: string; version: number; fields: JsonValue[] } & { [key: string]: JsonValue };

/** Loads a schema (new id, or a higher version of a known one), checked fully on load. */
export declare function registerSchema(schema: string | FormSchema, options?: { locale?: Locale }):
  | { ok: true; id: string; version: number }
  | { ok: false; errors: InputError[] };

/** Every known form, sorted by id. */
export declare function listForms(): { id: string; version: number }[];

/**
 * Rewords messages of every export for `locale` (`{ code: template }`, templates must use the
 * same `{params}` as the original); replaces that locale's earlier overrides (`{}` resets).
 * Throws `HomecareError` (code `override.*`, with `errors`) and changes nothing on a bad entry.
 */
export declare function setMessages(locale: Locale, overrides: Record<string, string>): void;
