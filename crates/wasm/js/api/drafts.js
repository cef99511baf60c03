// Offline drafts and the outbox (issue 7): the DraftStore and Outbox classes over the raw
// exports of crates/wasm/src/drafts.rs. The stores live in wasm memory, known here by a
// handle; data crosses as JSON text. Every operation returns { ok: true, value, warnings } or
// { ok: false, errors }; wrong argument types and use after free() throw HomecareError.
API_PARTS.push(function installDrafts(api, raw, ready) {
  var misuse = hcMisuse;
  var DEFAULT_MAX_DRAFT = 3 * 1024 * 1024;
  var DEFAULT_MAX_PAYLOAD = 1024 * 1024;
  // Stores dropped without free() are released when the GC collects them, where the platform
  // has FinalizationRegistry (pending autosaves are then lost: call flush() or free()).
  var collected = typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry(function (h) { raw.draftsFree(h); })
    : null;

  // storage: 'memory' (default) | 'wx' | 'localStorage' | an object { get, set, remove, keys, info? }.
  function storageArgs(storage) {
    if (storage === undefined || storage === 'memory') return ['memory', undefined];
    if (storage === 'wx') {
      // `wx` is resolved here, in the module scope the mini program gives us.
      if (typeof wx === 'undefined' || !wx) {
        throw misuse('arg.invalid_value', "storage 'wx' needs the WeChat runtime (wx is not defined).", { name: 'storage' });
      }
      return ['wx', wx];
    }
    if (storage === 'localStorage') {
      var ls;
      // Reading localStorage throws SecurityError in sandboxed frames and with storage blocked.
      try { ls = typeof localStorage === 'undefined' ? undefined : localStorage; } catch (e) { ls = undefined; }
      if (!ls) {
        throw misuse('arg.invalid_value', "storage 'localStorage' is not available here.", { name: 'storage' });
      }
      return ['localStorage', ls];
    }
    if (storage !== null && typeof storage === 'object') return ['object', storage];
    throw misuse('arg.invalid_type', "Expected storage to be 'wx', 'localStorage', 'memory' or a storage object.",
      { name: 'storage', expected: 'object' });
  }

  // The AeadKey handle for the `key` option (0: no key); anything but an AeadKey is misuse.
  function keyId(key) {
    if (key === undefined || key === null) return 0;
    var id = hcAeadKeyId(key);
    if (!id) {
      throw misuse('arg.invalid_type', 'Expected key to be an AeadKey.', { name: 'key', expected: 'AeadKey' });
    }
    return id;
  }

  function localeOf(l) {
    if (l === undefined) return 'zh-CN';
    hcString(l, 'locale');
    // Validated once here (the core throws arg.invalid_value for an unknown tag).
    raw.draftsErrorResult('drafts.not_found', '{}', l);
    return l;
  }

  function clockOf(now) {
    if (now === undefined) return Date.now;
    if (typeof now !== 'function') {
      throw misuse('arg.invalid_type', 'Expected now to be a function returning ms.', { name: 'now', expected: 'function' });
    }
    return now;
  }

  function ms(value, name) {
    if (typeof value !== 'number' || !isFinite(value)) {
      throw misuse('arg.invalid_value', name + ' must be a finite number of milliseconds.', { name: name });
    }
    value = Math.floor(value);
    if (!Number.isSafeInteger(value)) {
      throw misuse('arg.invalid_value', name + ' is out of range.', { name: name });
    }
    return value;
  }

  function u32(value, name) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 4294967295) {
      throw misuse('arg.invalid_value', name + ' must be a whole number from 0 to 2^32-1.', { name: name });
    }
    return value;
  }

  // JSON options for the core: only the listed numeric fields, when given.
  function numericOptions(o, names, namespace) {
    var out = {};
    if (namespace !== undefined) out.namespace = hcString(namespace, 'namespace');
    for (var i = 0; i < names.length; i++) {
      var v = o[names[i]];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
        throw misuse('arg.invalid_value', names[i] + ' must be a whole number.', { name: names[i] });
      }
      out[names[i]] = v;
    }
    return JSON.stringify(out);
  }

  function errorResult(code, params, locale) {
    return JSON.parse(raw.draftsErrorResult(code, JSON.stringify(params || {}), locale));
  }

  // JSON text of data, or an error result (non-serialisable, too large) without crossing.
  function dataText(data, max, locale, tooLarge) {
    var text;
    try {
      text = JSON.stringify(data);
    } catch (e) {
      return { error: errorResult('drafts.invalid_data', { detail: String(e && e.message).slice(0, 200) }, locale) };
    }
    if (typeof text !== 'string') {
      return { error: errorResult('drafts.invalid_data', { detail: typeof data }, locale) };
    }
    // UTF-8 bytes are never fewer than UTF-16 units: over the limit in units is over in bytes,
    // and a huge text never reaches wasm memory.
    if (text.length > max) {
      return { error: errorResult(tooLarge, { size: text.length, max: max }, locale) };
    }
    return { text: text };
  }

  function parse(text) {
    return JSON.parse(text);
  }

  // ---- DraftStore ------------------------------------------------------------------------

  var STORE_OPTIONS = ['storage', 'namespace', 'key', 'now', 'ttlMs', 'autosaveThrottleMs', 'chunkSize',
    'maxDraftBytes', 'locale', 'onAutosave'];

  class DraftStore {
    constructor(options) {
      ready();
      var o = hcOptions(options, STORE_OPTIONS);
      var s = storageArgs(o.storage);
      this._now = clockOf(o.now);
      this._locale = localeOf(o.locale);
      if (o.onAutosave !== undefined && typeof o.onAutosave !== 'function') {
        throw misuse('arg.invalid_type', 'Expected onAutosave to be a function.', { name: 'onAutosave', expected: 'function' });
      }
      this._onAutosave = o.onAutosave;
      var json = numericOptions(o, ['ttlMs', 'autosaveThrottleMs', 'chunkSize', 'maxDraftBytes'], o.namespace);
      this._max = o.maxDraftBytes === undefined ? DEFAULT_MAX_DRAFT : o.maxDraftBytes;
      this._throttle = o.autosaveThrottleMs === undefined ? 2000 : o.autosaveThrottleMs;
      this._h = raw.draftsOpen(s[0], s[1], json, keyId(o.key));
      if (collected) collected.register(this, this._h, this);
      this._timer = null;
      // formId → { explicit version, highest migration target, fromVersion → fn | steps JSON }
      this._forms = {};
    }

    _handle() {
      ready();
      if (!this._h) throw misuse('drafts.closed', 'This DraftStore was freed.', {});
      return this._h;
    }

    _clock() {
      return ms(this._now(), 'now');
    }

    _form(formId) {
      return this._forms[formId] || (this._forms[formId] = { version: undefined, top: undefined, steps: {}, js: false });
    }

    /** The schema version the app writes for formId (undefined: not declared). */
    schemaVersion(formId) {
      hcString(formId, 'formId');
      var f = this._forms[formId];
      if (!f) return undefined;
      return f.version !== undefined ? f.version : f.top;
    }

    setSchemaVersion(formId, version) {
      var h = this._handle();
      hcString(formId, 'formId');
      u32(version, 'version');
      raw.draftsSetSchemaVersion(h, formId, version);
      this._form(formId).version = version;
    }

    /**
     * Upgrade from fromVersion to fromVersion + 1: declarative steps (an array, applied in
     * the core) or a function data → data (applied here, after a raw load).
     */
    registerMigration(formId, fromVersion, migration) {
      var h = this._handle();
      hcString(formId, 'formId');
      u32(fromVersion, 'fromVersion');
      if (fromVersion === 4294967295) throw misuse('arg.invalid_value', 'fromVersion is out of range.', { name: 'fromVersion' });
      var f;
      if (typeof migration === 'function') {
        // The core validates the form id; its version target is declared below.
        raw.draftsSetSchemaVersion(h, formId, 0);
        f = this._form(formId);
        f.steps[fromVersion] = migration;
        f.js = true;
      } else if (Array.isArray(migration)) {
        var json = hcJson(migration, 'migration');
        raw.draftsRegisterMigration(h, formId, fromVersion, json);
        f = this._form(formId);
        f.steps[fromVersion] = json;
      } else {
        throw misuse('arg.invalid_type', 'Expected migration to be an array of steps or a function.',
          { name: 'migration', expected: 'array' });
      }
      if (f.top === undefined || fromVersion + 1 > f.top) f.top = fromVersion + 1;
      // The core and this layer agree on the version: explicit if set, else the highest target.
      raw.draftsSetSchemaVersion(h, formId, f.version !== undefined ? f.version : f.top);
    }

    _version(formId, o) {
      if (o.schemaVersion !== undefined) return u32(o.schemaVersion, 'schemaVersion');
      var known = this._forms[formId] ? this.schemaVersion(formId) : undefined;
      return known === undefined ? 1 : known;
    }

    /** Saves data (any JSON value) crash-safely: DraftInfo, or an error result. */
    save(formId, draftId, data, options) {
      var w = this._write(formId, draftId, data, options);
      if (w.error) return w.error;
      return parse(raw.draftsSave(w.h, formId, draftId, w.text, w.ver, this._clock(), this._locale));
    }

    /** The checked arguments of save/autosave: `{ h, ver, text }`, or `{ error }` (too large). */
    _write(formId, draftId, data, options) {
      var h = this._handle();
      hcString(formId, 'formId');
      hcString(draftId, 'draftId');
      var ver = this._version(formId, hcOptions(options, ['schemaVersion']));
      var d = dataText(data, this._max, this._locale, 'drafts.too_large');
      if (d.error) return { error: d.error };
      return { h: h, ver: ver, text: d.text };
    }

    _load(formId, draftId, rawLoad) {
      var h = this._handle();
      hcString(formId, 'formId');
      hcString(draftId, 'draftId');
      var s = raw.draftsLoad(h, formId, draftId, rawLoad, this._clock(), this._locale);
      // An error result (JSON text), or [meta JSON, data JSON text]: for an unsealed draft
      // the data is the string the storage returned (checksum verified in the core).
      if (typeof s === 'string') return parse(s);
      var value = parse(s[0]);
      try {
        value.data = JSON.parse(s[1]);
      } catch (e) {
        // Intact bytes (the checksum matched) that are not JSON: written by something else.
        return errorResult('drafts.corrupted', {}, this._locale);
      }
      return { ok: true, value: value, warnings: [] };
    }

    /** Loads the newest complete version, upgraded to the form's schema version. */
    load(formId, draftId) {
      hcString(formId, 'formId');
      var f = this._forms[formId];
      if (!f || !f.js) return this._load(formId, draftId, false);
      // A chain with JS functions runs here: raw load, then each step in turn.
      var r = this._load(formId, draftId, true);
      if (!r.ok) return r;
      var known = this.schemaVersion(formId);
      var v = r.value.storedVersion;
      if (known === undefined || v === known) return r;
      if (v > known) return errorResult('drafts.newer_version', { found: v, known: known }, this._locale);
      var data = r.value.data;
      for (; v < known; v++) {
        var m = f.steps[v];
        if (m === undefined) return errorResult('drafts.migration_missing', { from: v, known: known }, this._locale);
        if (typeof m === 'function') {
          try {
            data = m(data);
          } catch (e) {
            return errorResult('drafts.migration_failed', { from: v, step: -1 }, this._locale);
          }
        } else {
          var d = dataText(data, this._max, this._locale, 'drafts.too_large');
          if (d.error) return errorResult('drafts.migration_failed', { from: v, step: -1 }, this._locale);
          var st = parse(raw.draftsApplySteps(m, d.text, v, this._locale));
          if (!st.ok) return st;
          data = st.value;
        }
      }
      r.value.data = data;
      r.value.schemaVersion = known;
      return r;
    }

    /** Loads as stored: no migration, no version check. */
    loadRaw(formId, draftId) {
      return this._load(formId, draftId, true);
    }

    /** Metadata of every draft (of formId, if given), newest first; nothing is decrypted. */
    list(formId) {
      var h = this._handle();
      var f = '';
      if (formId !== undefined && formId !== null) {
        f = hcString(formId, 'formId');
        if (f === '') return errorResult('drafts.invalid_id', { field: 'formId', length: 0 }, this._locale);
      }
      return parse(raw.draftsList(h, f, this._clock(), this._locale));
    }

    remove(formId, draftId) {
      var h = this._handle();
      hcString(formId, 'formId');
      hcString(draftId, 'draftId');
      return parse(raw.draftsRemove(h, formId, draftId, this._locale));
    }

    purgeExpired() {
      var h = this._handle();
      return parse(raw.draftsPurgeExpired(h, this._clock(), this._locale));
    }

    usage() {
      var h = this._handle();
      return parse(raw.draftsUsage(h, this._locale));
    }

    /**
     * Saves now, or within autosaveThrottleMs of the last write keeps data in memory and
     * writes it when the window is over (a timer) or on flush() — call flush() from the
     * page's onHide/onUnload.
     */
    autosave(formId, draftId, data, options) {
      var w = this._write(formId, draftId, data, options);
      if (w.error) return w.error;
      var r = parse(raw.draftsAutosave(w.h, formId, draftId, w.text, w.ver, this._clock(), this._locale));
      if ((!r.ok || r.value.outcome === 'deferred') && this._timer === null && typeof setTimeout === 'function') {
        var self = this;
        this._timer = setTimeout(function () {
          self._timer = null;
          if (!self._h) return;
          var result = self.flush();
          if (self._onAutosave) self._onAutosave(result);
        }, Math.max(this._throttle, 1));
        // In Node the timer must not keep the process alive.
        if (this._timer && typeof this._timer.unref === 'function') this._timer.unref();
      }
      return r;
    }

    /** Writes every pending autosave now: the DraftInfos written, or the first error. */
    flush() {
      var h = this._handle();
      if (this._timer !== null && typeof clearTimeout === 'function') clearTimeout(this._timer);
      this._timer = null;
      return parse(raw.draftsFlush(h, this._clock(), this._locale));
    }

    /** Flushes pending autosaves (best effort), then releases the store. Idempotent. */
    free() {
      if (!this._h) return;
      try {
        if (raw.draftsHasPending(this._h)) this.flush();
      } catch (e) { /* freeing must not throw */ }
      if (this._timer !== null && typeof clearTimeout === 'function') clearTimeout(this._timer);
      this._timer = null;
      if (collected) collected.unregister(this);
      raw.draftsFree(this._h);
      this._h = 0;
    }
  }

  // ---- Outbox ----------------------------------------------------------------------------

  var OUTBOX_OPTIONS = ['storage', 'namespace', 'key', 'now', 'locale', 'baseDelayMs', 'maxDelayMs',
    'maxAttempts', 'leaseMs', 'receiptTtlMs', 'chunkSize', 'maxPayloadBytes'];

  function decodeJson(text) {
    try { return JSON.parse(text); } catch (e) { return text; }
  }
  function decodeItem(item) {
    if (typeof item.payload === 'string') item.payload = decodeJson(item.payload);
    if (typeof item.response === 'string') item.response = decodeJson(item.response);
    return item;
  }
  function itemResult(text) {
    var r = parse(text);
    if (r.ok && r.value && typeof r.value === 'object') {
      if (Array.isArray(r.value)) r.value.forEach(decodeItem);
      else decodeItem(r.value);
    }
    return r;
  }

  class Outbox {
    constructor(options) {
      ready();
      var o = hcOptions(options, OUTBOX_OPTIONS);
      var s = storageArgs(o.storage);
      this._now = clockOf(o.now);
      this._locale = localeOf(o.locale);
      var json = numericOptions(o, ['baseDelayMs', 'maxDelayMs', 'maxAttempts', 'leaseMs', 'receiptTtlMs',
        'chunkSize', 'maxPayloadBytes'], o.namespace);
      this._max = o.maxPayloadBytes === undefined ? DEFAULT_MAX_PAYLOAD : o.maxPayloadBytes;
      this._h = raw.outboxOpen(s[0], s[1], json, keyId(o.key));
      if (collected) collected.register(this, this._h, this);
    }

    _handle() {
      ready();
      if (!this._h) throw misuse('drafts.closed', 'This Outbox was freed.', {});
      return this._h;
    }

    _at(now) {
      return now === undefined ? ms(this._now(), 'now') : ms(now, 'now');
    }

    /**
     * Queues a submission; value: its idempotency key (UUID v4), to send as the
     * Idempotency-Key header. options.stream: items of one stream go strictly in order;
     * options.key: a key created earlier (e.g. kept in the draft), so a repeated enqueue is a no-op.
     */
    enqueue(kind, payload, options) {
      var h = this._handle();
      hcString(kind, 'kind');
      var o = hcOptions(options, ['stream', 'key']);
      var stream = o.stream === undefined || o.stream === null ? '' : hcString(o.stream, 'stream');
      var key = o.key === undefined || o.key === null ? '' : hcString(o.key, 'key');
      if ((o.stream !== undefined && stream === '') || (o.key !== undefined && key === '')) {
        return errorResult('outbox.invalid_key', { length: 0 }, this._locale);
      }
      var d = dataText(payload, this._max, this._locale, 'outbox.too_large');
      if (d.error) return d.error;
      return parse(raw.outboxEnqueue(h, kind, d.text, stream, key, this._clock(), this._locale));
    }

    _clock() {
      return ms(this._now(), 'now');
    }

    /** Items to send now, oldest first (each leased for leaseMs so it is not handed out twice). */
    due(now) {
      var h = this._handle();
      return itemResult(raw.outboxDue(h, this._at(now), this._locale));
    }

    /** The backend accepted the item (also for a replayed response): keeps a receipt. */
    ack(id, response) {
      var h = this._handle();
      hcString(id, 'id');
      var text = '';
      if (response !== undefined) {
        var d = dataText(response, this._max, this._locale, 'outbox.too_large');
        if (d.error) return d.error;
        text = d.text;
      }
      return itemResult(raw.outboxAck(h, id, text, this._clock(), this._locale));
    }

    /**
     * A send failed. retryable (default true): pending again after exponential backoff with
     * full jitter; false (e.g. HTTP 4xx) or out of attempts: dead, shown to the user.
     */
    fail(id, error, options) {
      var h = this._handle();
      hcString(id, 'id');
      var o = hcOptions(options, ['retryable']);
      if (o.retryable !== undefined && typeof o.retryable !== 'boolean') {
        throw misuse('arg.invalid_type', 'Expected retryable to be a boolean.', { name: 'retryable', expected: 'boolean' });
      }
      var text;
      try {
        text = typeof error === 'string' ? error : error && typeof error.message === 'string' ? error.message : String(error);
      } catch (e) {
        text = 'error';
      }
      return itemResult(raw.outboxFail(h, id, text, o.retryable !== false, this._clock(), this._locale));
    }

    /** Puts a dead item back in the queue (attempts reset). */
    retry(id) {
      var h = this._handle();
      hcString(id, 'id');
      return itemResult(raw.outboxRetry(h, id, this._clock(), this._locale));
    }

    /** Removes a dead, done or unreadable item; a pending one is refused (outbox.invalid_state). */
    discard(id) {
      var h = this._handle();
      hcString(id, 'id');
      return parse(raw.outboxDiscard(h, id, this._locale));
    }

    /** Removes receipts older than receiptTtlMs; value: how many. */
    purge(now) {
      var h = this._handle();
      return parse(raw.outboxPurge(h, this._at(now), this._locale));
    }

    items() { return itemResult(raw.outboxItems(this._handle(), 'all', this._locale)); }
    pending() { return itemResult(raw.outboxItems(this._handle(), 'pending', this._locale)); }
    /** The dead-letter list for the UI (retry or discard each). */
    dead() { return itemResult(raw.outboxItems(this._handle(), 'dead', this._locale)); }
    receipts() { return itemResult(raw.outboxItems(this._handle(), 'done', this._locale)); }
    /** Ids of items whose records cannot be read (kept until discarded). */
    unreadable() { return parse(raw.outboxItems(this._handle(), 'unreadable', this._locale)); }

    /** Releases the outbox (stored items stay). Idempotent. */
    free() {
      if (!this._h) return;
      if (collected) collected.unregister(this);
      raw.draftsFree(this._h);
      this._h = 0;
    }
  }

  // Present only in builds with the `drafts` cargo feature (features() lists "drafts");
  // otherwise the names exist with the value undefined, so `import { DraftStore }` still links.
  var built = typeof raw.draftsOpen === 'function';
  api.DraftStore = built ? DraftStore : undefined;
  api.Outbox = built ? Outbox : undefined;
});
