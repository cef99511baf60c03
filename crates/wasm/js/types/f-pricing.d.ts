// Pricing: quotes, refunds and settlements in integer fen (shapes in docs/pricing.md).
import type { CheckResult, HomecareError, InputError, Locale } from './base';

/** Money: integer fen (¥1 = 100), always a safe integer. */
export type Fen = number;
/** Ratios in basis points: 10 000 = 100 %. */
export type BasisPoints = number;
/** China local wall-clock time 'YYYY-MM-DDTHH:MM'. */
export type LocalDateTime = string;

export type Insurance = 'eligible' | 'selfPay';
export type Unit = 'perVisit' | 'per30Minutes' | 'perPiece';

export interface CatalogItemConfig {
  id: string;
  name: string;
  unit: Unit;
  unitPrice: Fen;
  insurance: Insurance;
  qualification?: string;
}
export type TransportConfig =
  | { kind: 'tiers'; tiers: { upToMetres?: number; fee: Fen }[]; freeWithinMetres?: number }
  | { kind: 'perKm'; base: Fen; includedMetres: number; perKm: Fen; cap?: Fen; freeWithinMetres?: number };
/** A surcharge is either a rate of the service gross or a fixed amount. */
export type Charge = { rateBp: BasisPoints; fixed?: never } | { fixed: Fen; rateBp?: never };
export type CouponConfig = {
  id: string;
  name: string;
  newUserOnly?: boolean;
  itemIds?: string[];
  validFrom?: LocalDateTime;
  validUntil?: LocalDateTime;
} & (
  | { kind: 'fixed'; amount: Fen }
  | { kind: 'percent'; rateBp: BasisPoints; cap?: Fen }
  | { kind: 'threshold'; threshold: Fen; amount: Fen }
);
export type CancelRule =
  | { refundBp: BasisPoints }
  | { tiers: { minMinutesBefore: number; refundBp: BasisPoints }[] }
  | { fee: Fen }
  | { cancellable: false };
export type OrderStatus = 'pendingAcceptance' | 'accepted' | 'departed' | 'inService' | 'completed';

/** A backend price list (docs/pricing.md §3). Unknown fields are errors. */
export interface PriceConfig {
  version: 1;
  revision?: string;
  items: CatalogItemConfig[];
  transport: TransportConfig;
  surcharges?: {
    night?: { from: string; to: string } & Charge;
    holiday?: { dates: string[] } & Charge;
    urgent?: { leadTimeUnderHours: number } & Charge;
  };
  consumables?: { id: string; name: string; price: Fen; insurance: Insurance }[];
  coupons?: CouponConfig[];
  points?: { valueFen: Fen; maxShareBp: BasisPoints; step?: number };
  packages?: { id: string; name: string; itemId: string; visits: number; price: Fen }[];
  depositRatioBp?: BasisPoints;
  insurance?: { ratioBp: BasisPoints; remainingDeductible?: Fen; remainingCap?: Fen };
  cancellation?: Partial<Record<OrderStatus, CancelRule>>;
}

export interface GeoPoint { lat: number; lng: number }
export type OrderItem = { itemId: string; quantity: number; minutes?: never } | { itemId: string; minutes: number; quantity?: never };

/** What the user is about to book (docs/pricing.md §4): `distanceMetres` or `from` + `to`. */
export type Order = {
  items: OrderItem[];
  consumables?: { id: string; quantity: number }[];
  appointmentStart: LocalDateTime;
  /** The "now" of the quote: urgency and coupon validity are judged at this time. */
  bookedAt: LocalDateTime;
  newUser?: boolean;
  couponId?: string | null;
  points?: number;
  packageId?: string | null;
  paymentPlan?: PlanKind;
} & ({ distanceMetres: number; from?: never; to?: never } | { from: GeoPoint; to: GeoPoint; distanceMetres?: never });

export type PlanKind = 'full' | 'deposit';
export type LineKind = 'service' | 'transport' | 'surcharge' | 'consumable';

export interface QuoteLine {
  kind: LineKind;
  /** Catalogue or consumable id; `transport`, `night`, `holiday`, `urgent` for the others. */
  refId: string;
  name: string;
  quantity: number;
  unitPrice: Fen;
  amount: Fen;
  discount: Fen;
  /** amount − discount. */
  net: Fen;
  insurance: Insurance;
  qualification?: string;
  /** Human text in the requested locale, e.g. '伤口换药：1 次 × ¥168.00 = ¥168.00'. */
  explanation: string;
}
export interface QuoteDiscount {
  kind: 'package' | 'coupon' | 'points';
  refId: string;
  name: string;
  amount: Fen;
  /** Points used (points discounts). */
  points: number;
  /** Each covered line's share (largest remainder). */
  allocations: { line: number; amount: Fen }[];
  explanation: string;
}
/** A priced order (docs/pricing.md §5). Pass it back unchanged to refunds and settlements. */
export interface Quote {
  configVersion: number;
  configRevision: string;
  appointmentStart: LocalDateTime;
  bookedAt: LocalDateTime;
  distanceMetres: number;
  /** The distance was computed from coordinates (直线距离). */
  straightLine: boolean;
  lines: QuoteLine[];
  discounts: QuoteDiscount[];
  totals: { gross: Fen; discount: Fen; payable: Fen };
  subtotals: { service: Fen; transport: Fen; surcharge: Fen; consumable: Fen };
  payment: { kind: PlanKind; depositRatioBp: BasisPoints; payNow: Fen; balance: Fen };
  insurance?: { isEstimate: true; eligible: Fen; deductibleApplied: Fen; fund: Fen; selfPay: Fen; note: string };
  points?: { valueFen: Fen; maxRedeemable: number; used: number };
  package?: { packageId: string; line: number; visits: Fen[] };
}

export interface Payment {
  kind: 'full' | 'deposit' | 'balance';
  amount: Fen;
  /** Refunded earlier; default 0. */
  refunded?: Fen;
}
export type RefundEvent =
  | { type: 'cancellation'; by: 'user' | 'staff'; status: OrderStatus; minutesBeforeStart: number }
  | { type: 'lines'; lines: { line: number; amount?: Fen }[] };
export interface Refund {
  held: Fen;
  refund: Fen;
  kept: Fen;
  payments: { kind: Payment['kind']; held: Fen; refund: Fen }[];
  lines: { line: number; held: Fen; refund: Fen }[];
  restoreCoupon?: string;
  restorePoints: number;
  explanation: string;
}

export interface Settlement { fund: Fen; personalAccount: Fen; cash: Fen }
export interface SettlementBreakdown {
  payable: Fen;
  settlement: Settlement;
  estimatedFund?: Fen;
  fundMinusEstimate?: Fen;
  rows: { key: 'total' | 'fund' | 'personalAccount' | 'cash'; label: string; amount: Fen; text: string }[];
}

export interface PriceOptions { locale?: Locale }

/** What `new PriceEngine(config)` throws for a config with problems. */
export interface PriceConfigError extends HomecareError {
  readonly code: 'pricing.config.invalid';
  readonly params: { count: number };
  /** Every problem, with paths like 'items[2].unitPrice'. */
  readonly errors: InputError[];
}

/**
 * A price config read, validated and compiled once; quote on every tap without sending the
 * config again. Call `free()` when the page no longer needs it (using it afterwards throws
 * `HomecareError` 'pricing.engine_freed'); engines that are only dropped are freed when
 * garbage-collected where the platform has FinalizationRegistry.
 */
export declare class PriceEngine {
  /** Throws {@link PriceConfigError} ('pricing.config.invalid') for a config with problems. */
  constructor(config: PriceConfig, options?: PriceOptions);
  /** The same, answering a CheckResult instead of throwing: the choice for backend configs. */
  static create(config: PriceConfig, options?: PriceOptions): CheckResult<PriceEngine>;
  quote(order: Order, options?: PriceOptions): CheckResult<Quote>;
  refund(quote: Quote, payments: Payment[], event: RefundEvent, options?: PriceOptions): CheckResult<Refund>;
  /** Releases the compiled config; idempotent. */
  free(): void;
}

/** One-off quote: compiles `config` for this call (its problems have paths under 'config.'). */
export declare function quote(order: Order, config: PriceConfig, options?: PriceOptions): CheckResult<Quote>;
/** One-off refund under `config`'s cancellation policy. */
export declare function refund(quote: Quote, payments: Payment[], event: RefundEvent, config: PriceConfig, options?: PriceOptions): CheckResult<Refund>;
/** Checks the insurer's split against the quote and lays it out for display. */
export declare function applySettlement(quote: Quote, settlement: Settlement, options?: PriceOptions): CheckResult<SettlementBreakdown>;
/** Every problem of a config, with paths; `value` is null when it is valid. */
export declare function validatePriceConfig(config: PriceConfig, options?: PriceOptions): CheckResult<null>;
/** '¥1,234.50'; with `upper: true` the receipt form '壹仟贰佰叁拾肆元伍角'. `fen` must be a safe integer. */
export declare function formatFen(fen: Fen, options?: { upper?: boolean }): string;
