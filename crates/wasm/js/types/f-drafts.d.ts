// Offline drafts and the outbox (docs/drafts.md).
import type { CheckResult, ErrorResult, Locale } from './base';
import type { AeadKey } from './f-crypto';
import type { JsonValue } from './base';


/** Usage in KB, as `wx.getStorageInfoSync()` reports it (`limitSize` 0: unknown). */
export interface StorageInfoKb {
  currentSize: number;
  limitSize: number;
}

/**
 * An app's own synchronous storage. Throwing is a storage failure (an error result, never a
 * crash); a thrown value with `quota: true`, name `QuotaExceededError`, or a message with
 * "exceed"/"quota" counts as storage full. `get` answers a string, or null/undefined when absent.
 */
export interface StorageAdapter {
  get(key: string): string | null | undefined;
  set(key: string, value: string): void;
  remove(key: string): void;
  keys(): string[];
  /** Optional: without it the limit is unknown and only a failing `set` reports a full storage. */
  info?(): StorageInfoKb;
}

/** `'wx'`: WeChat storage; `'localStorage'`: the browser's; `'memory'`: in wasm memory (tests). */
export type StorageOption = 'wx' | 'localStorage' | 'memory' | StorageAdapter;

/**
 * An AES-256-GCM key of the crypto exports: drafts and outbox items are then encrypted at
 * rest. The store keeps its own copy until its free().
 */
export type DraftKey = AeadKey;

export interface DraftStoreOptions {
  storage?: StorageOption;
  /** Prefix of every key (default `'hc'`): 1–64 of `A-Z a-z 0-9 _ -`. */
  namespace?: string;
  key?: DraftKey;
  /** Clock in ms since the epoch (default `Date.now`). */
  now?: () => number;
  /** Drafts not updated for this long expire (default 30 days). */
  ttlMs?: number;
  /** `autosave` writes at most once per this window (default 2000). */
  autosaveThrottleMs?: number;
  /** Most bytes per stored value (default 512 KiB, half of WeChat's 1 MB per key). */
  chunkSize?: number;
  /** Largest draft, in bytes of its JSON (default 3 MiB). */
  maxDraftBytes?: number;
  locale?: Locale;
  /** Called with the result of a flush made by the autosave timer. */
  onAutosave?: (result: CheckResult<DraftInfo[]>) => void;
}

export type DraftStatus = 'ready' | 'expired' | 'newerVersion' | 'damaged';

export interface DraftInfo {
  formId: string;
  draftId: string;
  updatedAt: number;
  createdAt: number;
  expiresAt: number;
  /** Bytes of its JSON text. */
  size: number;
  schemaVersion: number;
  /** Encrypted at rest. */
  sealed: boolean;
  status: DraftStatus;
}

export interface Draft<T = JsonValue> {
  formId: string;
  draftId: string;
  data: T;
  /** Version of `data` (after migrations). */
  schemaVersion: number;
  /** Version it was stored with. */
  storedVersion: number;
  updatedAt: number;
  createdAt: number;
  /** The newest copy was damaged and an earlier complete one was returned. */
  recovered: boolean;
}

export interface PurgeReport {
  removed: number;
  keptNewer: number;
  garbageKeys: number;
}

export interface DraftUsage {
  drafts: number;
  draftBytes: number;
  currentSizeKb: number;
  limitSizeKb: number;
}

/** Declarative migration steps (JSON Pointer paths; `*` matches each array element). */
export type MigrationStep =
  | { op: 'rename'; path: string; to: string }
  | { op: 'move'; from: string; to: string }
  | { op: 'setDefault'; path: string; value: JsonValue }
  | { op: 'remove'; path: string }
  | { op: 'mapValues'; path: string; map: { [from: string]: JsonValue } };

export type AutosaveOutcome = ({ outcome: 'saved' } & DraftInfo) | { outcome: 'deferred' };

export interface SaveOptions {
  /** Default: the form's declared schema version, else 1. */
  schemaVersion?: number;
}

/** Crash-safe drafts: an interrupted save leaves the previous version loadable. */
export interface DraftStore {
  save(formId: string, draftId: string, data: unknown, options?: SaveOptions): CheckResult<DraftInfo>;
  load<T = JsonValue>(formId: string, draftId: string): CheckResult<Draft<T>>;
  /** As stored: no migration, no version check. */
  loadRaw<T = JsonValue>(formId: string, draftId: string): CheckResult<Draft<T>>;
  list(formId?: string): CheckResult<DraftInfo[]>;
  /** value: whether the draft existed. */
  remove(formId: string, draftId: string): CheckResult<boolean>;
  purgeExpired(): CheckResult<PurgeReport>;
  usage(): CheckResult<DraftUsage>;
  /** From `fromVersion` to `fromVersion + 1`: steps run in the core, a function in JS. */
  registerMigration(formId: string, fromVersion: number, migration: MigrationStep[] | ((data: JsonValue) => JsonValue)): void;
  setSchemaVersion(formId: string, version: number): void;
  schemaVersion(formId: string): number | undefined;
  autosave(formId: string, draftId: string, data: unknown, options?: SaveOptions): CheckResult<AutosaveOutcome>;
  /** Writes pending autosaves (call from onHide/onUnload). */
  flush(): CheckResult<DraftInfo[]>;
  /** Flushes, then releases the store. */
  free(): void;
}

export interface OutboxOptions {
  storage?: StorageOption;
  namespace?: string;
  key?: DraftKey;
  now?: () => number;
  locale?: Locale;
  /** First retry waits up to this long (default 2000); doubles per attempt, full jitter. */
  baseDelayMs?: number;
  /** Cap of the backoff (default 600000). */
  maxDelayMs?: number;
  /** After this many failed attempts an item is dead (default 8). */
  maxAttempts?: number;
  /** How long `due` hands an item out before it may be handed out again (default 60000). */
  leaseMs?: number;
  /** Receipts of acknowledged items are kept this long (default 7 days). */
  receiptTtlMs?: number;
  chunkSize?: number;
  /** Largest payload in bytes (default 1 MiB). */
  maxPayloadBytes?: number;
}

export type OutboxItemState = 'pending' | 'dead' | 'done';

export interface OutboxItem<P = JsonValue> {
  /** The idempotency key: send it as the `Idempotency-Key` header. */
  id: string;
  kind: string;
  /** Dropped once the item is done. */
  payload?: P;
  stream?: string;
  seq: number;
  createdAt: number;
  updatedAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  state: OutboxItemState;
  deadReason?: 'maxAttempts' | 'rejected';
  response?: JsonValue;
  ackedAt?: number;
}

export interface EnqueueOptions {
  /** Items of one stream are sent strictly in order. */
  stream?: string;
  /** An idempotency key created earlier (lower-case UUID): enqueueing again is a no-op. */
  key?: string;
}

/** Submissions made offline, each sent once thanks to its idempotency key. */
export interface Outbox {
  /** value: the idempotency key (UUID v4). */
  enqueue(kind: string, payload: unknown, options?: EnqueueOptions): CheckResult<string>;
  due(now?: number): CheckResult<OutboxItem[]>;
  ack(id: string, response?: unknown): CheckResult<OutboxItem>;
  fail(id: string, error: string | Error, options?: { retryable?: boolean }): CheckResult<OutboxItem>;
  retry(id: string): CheckResult<OutboxItem>;
  discard(id: string): CheckResult<boolean>;
  purge(now?: number): CheckResult<number>;
  items(): CheckResult<OutboxItem[]>;
  pending(): CheckResult<OutboxItem[]>;
  dead(): CheckResult<OutboxItem[]>;
  receipts(): CheckResult<OutboxItem[]>;
  unreadable(): CheckResult<string[]>;
  free(): void;
}

/** Every failed operation has this shape. */
export type DraftErrorResult = ErrorResult;

export interface DraftStoreConstructor {
  new (options?: DraftStoreOptions): DraftStore;
}
export interface OutboxConstructor {
  new (options?: OutboxOptions): Outbox;
}

// Present only when `features()` includes "drafts" (cargo feature `drafts`), else undefined.

/** `new DraftStore({ storage: 'wx' })`; undefined in builds without the drafts feature. */
export declare const DraftStore: DraftStoreConstructor | undefined;
/** `new Outbox({ storage: 'wx' })`; undefined in builds without the drafts feature. */
export declare const Outbox: OutboxConstructor | undefined;
