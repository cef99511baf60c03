// Identity documents, contact data and desensitization.
import type { CheckResult, JsonValue, Locale } from './base';

/** Document kinds `parseIdNumber` recognises. */
export type IdKind =
  | 'resident' | 'resident15' | 'hkPermit' | 'moPermit' | 'twPermit'
  | 'foreignPermanent2023' | 'foreignPermanent2017' | 'hkMoTravelPermit' | 'twTravelPermit' | 'passport';

export interface IdRegion {
  /** Six-digit address code as written in the number. */
  code: string;
  province: string;
  city: string | null;
  county: string | null;
  /** The code is no longer in the current list (the number is still valid). */
  abolished: boolean;
}

export interface ParsedId {
  kind: IdKind;
  /** Canonical number: ASCII, upper-case, no separators. */
  normalized: string;
  /** 'YYYY-MM-DD', for kinds that encode it. */
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  /** Whole years at `asOf`. */
  age: number | null;
  region: IdRegion | null;
  /** `resident15` only: the 18-character form. */
  upgraded?: string;
  /** Foreign permanent resident cards: the nationality code. */
  nationality?: string;
  /** Warning codes, e.g. 'id.region_unknown'. */
  warnings: string[];
}

export interface ParseIdOptions {
  /** 'YYYY-MM-DD'; default: today in the device's local time. */
  asOf?: string;
  /** Kinds to accept; default: all. */
  kinds?: IdKind[];
  locale?: Locale;
}

/** Parses and validates a document number of any kind; never throws for user input. */
export declare function parseIdNumber(input: string, options?: ParseIdOptions): CheckResult<ParsedId>;
/** The same for many numbers in one boundary crossing (results in input order). */
export declare function parseIdNumbers(inputs: string[], options?: ParseIdOptions): CheckResult<ParsedId>[];

export interface FakeIdOptions {
  kind?: IdKind;
  /** Six-digit address code. */
  region?: string;
  birthDate?: string;
  sex?: 'male' | 'female';
  /** Same seed, same number. */
  seed: number;
}
/** A valid, deterministic number for tests. Throws `HomecareError` on bad options. */
export declare function fakeIdNumber(options: FakeIdOptions): string;

export interface ValidateOptions { locale?: Locale }
export interface MobileValue {
  /** 11 digits. */
  normalized: string;
  /** '+86' form. */
  international: string;
}
export interface LandlineValue {
  /** '010-12345678', '0755-1234567-123', or '4001234567'. */
  normalized: string;
  kind: 'fixed' | 'service';
  areaCode: string | null;
  local: string;
  extension: string | null;
}
export interface NameValue {
  /** Chinese names without spaces and with the middle dot as '·'. */
  normalized: string;
  script: 'chinese' | 'latin';
}
export interface EmailValue { normalized: string }
export interface UsccValue {
  normalized: string;
  registrationAuthority: string;
  category: string;
  divisionCode: string;
  warnings: string[];
}
export interface CertificateValue {
  normalized: string;
  /** Eldercare certificates: skill level 1–5. */
  level?: number;
}

export declare function validateMobile(input: string, options?: ValidateOptions): CheckResult<MobileValue>;
export declare function validateLandline(input: string, options?: ValidateOptions): CheckResult<LandlineValue>;
export declare function validateName(input: string, options?: ValidateOptions & { allowLatin?: boolean }): CheckResult<NameValue>;
export declare function validateEmail(input: string, options?: ValidateOptions): CheckResult<EmailValue>;
export declare function validateUscc(input: string, options?: ValidateOptions): CheckResult<UsccValue>;
export declare function validateEldercareCertificate(input: string, options?: ValidateOptions): CheckResult<CertificateValue>;
export declare function validatePhysicianCertificate(input: string, options?: ValidateOptions): CheckResult<CertificateValue>;
export declare function validateNurseCertificate(input: string, options?: ValidateOptions): CheckResult<CertificateValue>;

export type MaskKind =
  | 'name' | 'idNumber' | 'mobile' | 'landline' | 'address' | 'email'
  | 'bankCard' | 'plate' | 'password' | 'ipv4' | 'custom';
export interface MaskOptions { keepStart?: number; keepEnd?: number; maskChar?: string }

/** Masks for display; on input the rule does not expect, masks everything (fail closed). */
export declare function mask(value: string | number, kind: MaskKind, options?: MaskOptions): string;


/** A masked copy of `object`; rules map paths like 'contacts[*].phone' to a kind. */
export declare function maskObject<T extends JsonValue>(object: T, rules: Record<string, MaskKind | (MaskOptions & { kind: MaskKind })>): JsonValue;

/** Lower-case hex HMAC-SHA256 of the normalised value under `key` (≥ 16 bytes). */
export declare function keyedDigest(value: string, key: Uint8Array): string;
