// Pricing: PriceEngine (a config compiled once; quote on every tap), the one-off quote and
// refund, applySettlement, validatePriceConfig, formatFen. Objects cross as JSON text; every
// raw call answers one string: the crate's JSON on success, a JSON array of problems on
// failure, told apart by the first character (see crates/wasm/src/pricing.rs).
API_PARTS.push(function installPricing(api, raw, ready) {
  var misuse = hcMisuse;
  // The wasm side exists only in a build with the `pricing` cargo feature of homecare-wasm
  // (crates/wasm/Cargo.toml). Without it the names are still there, as the types say, and
  // each throws HomecareError 'feature.unavailable'.
  if (typeof raw.PricingEngine !== 'function') {
    var unavailable = function () {
      ready();
      throw misuse('feature.unavailable', 'Pricing is not in this build of @homecare/core (build with HOMECARE_FEATURES=pricing).', { feature: 'pricing' });
    };
    unavailable.create = unavailable;
    api.PriceEngine = unavailable;
    api.quote = api.refund = api.applySettlement = api.validatePriceConfig = api.formatFen = unavailable;
    return;
  }

  function localeOf(options) {
    if (options === undefined) return 'zh-CN';
    var l = hcOptions(options, ['locale']).locale;
    return l === undefined ? 'zh-CN' : hcString(l, 'locale');
  }

  function decode(s) {
    return s.charCodeAt(0) === 91 /* [ */
      ? { ok: false, errors: JSON.parse(s) }
      : { ok: true, value: JSON.parse(s), warnings: [] };
  }

  // Where JSON.stringify gave up: the path of the first cycle, BigInt, or property that
  // throws when read. Depth-limited, so a value too deep for the JS stack is reported where
  // the limit is reached instead of overflowing again.
  function unwritableAt(v, path, ancestors) {
    if (typeof v === 'bigint') return path;
    if (v === null || typeof v !== 'object') return null;
    if (ancestors.indexOf(v) >= 0 || ancestors.length >= 512) return path;
    ancestors.push(v);
    try {
      if (typeof v.toJSON === 'function') return null;
      var isArray = Array.isArray(v);
      var keys = isArray ? null : Object.keys(v);
      var n = isArray ? v.length : keys.length;
      for (var i = 0; i < n; i++) {
        var key = isArray ? i : keys[i];
        var at = isArray ? path + '[' + i + ']' : (path === '' ? key : path + '.' + key);
        var child;
        try {
          child = v[key];
        } catch (e) {
          return at;
        }
        var found = unwritableAt(child, at, ancestors);
        if (found !== null) return found;
      }
    } catch (e) {
      return path;
    }
    ancestors.pop();
    return null;
  }

  // JSON text of argument `name`, or an error result when the value cannot be written as
  // JSON (a cycle, a BigInt, a throwing getter: pricing.json.invalid at its path). A missing
  // argument (undefined, a function, a symbol) is misuse.
  function Unwritable(result) { this.result = result; }
  function jsonOf(value, name, path, locale) {
    var text;
    try {
      text = JSON.stringify(value);
    } catch (e) {
      var at = unwritableAt(value, path, []);
      throw new Unwritable(decode(raw.pricingUnreadable(at === null ? path : at, locale)));
    }
    if (text === undefined) {
      throw misuse('arg.invalid_type', 'Expected ' + name + ' to be a JSON value.', { name: name, expected: 'object' });
    }
    return text;
  }
  // Runs `body`, turning an unwritable argument into its error result.
  function guarded(body) {
    try {
      return body();
    } catch (e) {
      if (e instanceof Unwritable) return e.result;
      throw e;
    }
  }

  var FREED = 'This PriceEngine was freed; create a new one.';

  /**
   * A price config read, validated and compiled once. `new PriceEngine(config)` throws a
   * HomecareError `pricing.config.invalid` (its `errors` lists the problems with paths);
   * `PriceEngine.create(config)` answers a CheckResult instead.
   */
  function PriceEngine(config, options) {
    if (!(this instanceof PriceEngine)) {
      throw misuse('arg.invalid_type', 'PriceEngine is a class: use new PriceEngine(config).', { name: 'PriceEngine', expected: 'constructor' });
    }
    var r = compile(config, options);
    if (!r.ok) {
      var first = r.errors[0] || { path: '', message: '' };
      var e = misuse('pricing.config.invalid', 'The price config has ' + r.errors.length + ' problem(s); first at "' +
        first.path + '": ' + first.message, { count: r.errors.length });
      e.errors = r.errors;
      throw e;
    }
    this._h = r.value;
    initEngine(this);
  }

  // Per-engine state of the hot path: the string slots of the compact quote, the input
  // buffer's address and size, the locale last set.
  function initEngine(engine) {
    engine._slots = [];
    engine._inPtr = 0;
    engine._inCap = 0;
    engine._locale = 'zh-CN';
  }

  function compile(config, options) {
    ready();
    var locale = localeOf(options);
    return guarded(function () {
      var h = new raw.PricingEngine(jsonOf(config, 'config', '', locale));
      var errors;
      try {
        errors = h.errors(locale);
      } finally {
        if (errors !== '') h.free();
      }
      return errors === '' ? { ok: true, value: h, warnings: [] } : decode(errors);
    });
  }

  PriceEngine.create = function create(config, options) {
    var r = compile(config, options);
    if (!r.ok) return r;
    var engine = Object.create(PriceEngine.prototype);
    engine._h = r.value;
    initEngine(engine);
    return { ok: true, value: engine, warnings: [] };
  };

  function handle(engine) {
    ready();
    var h = engine instanceof PriceEngine ? engine._h : undefined;
    if (h === null) throw misuse('pricing.engine_freed', FREED, {});
    if (h === undefined) {
      throw misuse('arg.invalid_type', 'Expected this to be a PriceEngine.', { name: 'this', expected: 'PriceEngine' });
    }
    return h;
  }

  // The compact quote (crates/wasm/src/pricing_compact.rs): numbers in a Float64Array, the
  // strings in one text, each string in a slot that repeats the engine's last string for it
  // when unchanged. Decoded into exactly the object JSON.parse gives for the quote JSON.
  var LINE_KINDS = ['service', 'transport', 'surcharge', 'consumable'];
  var INSURANCE = ['eligible', 'selfPay'];
  var DISCOUNT_KINDS = ['package', 'coupon', 'points'];
  var PLANS = ['full', 'deposit'];
  var N, T, at, pos, slot, slots; // decoder state (decodeQuote is never re-entered)
  function str() {
    var len = N[at++];
    var s;
    if (len < 0) {
      s = slots[slot];
    } else {
      s = T.slice(pos, pos + len);
      pos += len;
      slots[slot] = s;
    }
    slot++;
    return s;
  }
  // `nums` is a Float64Array over wasm memory; the answer starts at index `b`.
  function decodeQuote(nums, b, text, engineSlots) {
    N = nums; T = text; at = b + 8; pos = 0; slot = 0; slots = engineSlots;
    var nLines = N[b + 5], nDiscounts = N[b + 6], flags = N[b + 7];
    var q = {
      configVersion: N[b + 2], configRevision: str(), appointmentStart: str(), bookedAt: str(),
      distanceMetres: N[b + 3], straightLine: N[b + 4] === 1, lines: new Array(nLines), discounts: new Array(nDiscounts),
      totals: null, subtotals: null, payment: null,
    };
    var i, j;
    for (i = 0; i < nLines; i++) {
      var kind = LINE_KINDS[N[at]], quantity = N[at + 1], unitPrice = N[at + 2], amount = N[at + 3];
      var discount = N[at + 4], net = N[at + 5], insurance = INSURANCE[N[at + 6]], hasQualification = N[at + 7] === 1;
      at += 8;
      var refId = str(), name = str();
      q.lines[i] = hasQualification
        ? { kind: kind, refId: refId, name: name, quantity: quantity, unitPrice: unitPrice, amount: amount, discount: discount, net: net, insurance: insurance, qualification: str(), explanation: str() }
        : { kind: kind, refId: refId, name: name, quantity: quantity, unitPrice: unitPrice, amount: amount, discount: discount, net: net, insurance: insurance, explanation: str() };
    }
    for (i = 0; i < nDiscounts; i++) {
      var dKind = DISCOUNT_KINDS[N[at]], dAmount = N[at + 1], points = N[at + 2], nAlloc = N[at + 3];
      at += 4;
      var allocations = new Array(nAlloc);
      for (j = 0; j < nAlloc; j++, at += 2) allocations[j] = { line: N[at], amount: N[at + 1] };
      var dRef = str(), dName = str();
      q.discounts[i] = { kind: dKind, refId: dRef, name: dName, amount: dAmount, points: points, allocations: allocations, explanation: str() };
    }
    q.totals = { gross: N[at], discount: N[at + 1], payable: N[at + 2] };
    q.subtotals = { service: N[at + 3], transport: N[at + 4], surcharge: N[at + 5], consumable: N[at + 6] };
    q.payment = { kind: PLANS[N[at + 7]], depositRatioBp: N[at + 8], payNow: N[at + 9], balance: N[at + 10] };
    at += 11;
    if (flags & 1) {
      var estimate = { isEstimate: N[at] === 1, eligible: N[at + 1], deductibleApplied: N[at + 2], fund: N[at + 3], selfPay: N[at + 4], note: '' };
      at += 5;
      estimate.note = str();
      q.insurance = estimate;
    }
    if (flags & 2) {
      q.points = { valueFen: N[at], maxRedeemable: N[at + 1], used: N[at + 2] };
      at += 3;
    }
    if (flags & 4) {
      var packageId = str(), line = N[at], nVisits = N[at + 1];
      var visits = new Array(nVisits);
      for (j = 0; j < nVisits; j++) visits[j] = N[at + 2 + j];
      q.package = { packageId: packageId, line: line, visits: visits };
    }
    N = T = slots = null;
    return q;
  }

  // Wasm memory seen as bytes and as f64 (views remade when the memory grows).
  var memory = null, u8 = null, u16 = null, f64 = null;
  function views() {
    if (memory === null) memory = raw.scratchMemory();
    if (u8 === null || u8.byteLength === 0) { // a grown memory detaches the old buffer
      u8 = new Uint8Array(memory.buffer);
      u16 = new Uint16Array(memory.buffer);
      f64 = new Float64Array(memory.buffer);
    }
  }
  /** The engine's answer text: `len` UTF-16 code units in wasm memory. */
  function readText(h, len) {
    var at = h.textAddress() >>> 1;
    views();
    if (len <= 4096) return String.fromCharCode.apply(null, u16.subarray(at, at + len));
    var out = ''; // in chunks: apply has an argument limit (a split surrogate pair rejoins)
    for (var i = 0; i < len; i += 4096) out += String.fromCharCode.apply(null, u16.subarray(at + i, at + Math.min(len, i + 4096)));
    return out;
  }
  /**
   * Writes `str` as UTF-8 into the engine's input buffer (TextEncoder semantics: a lone
   * surrogate becomes U+FFFD) and returns the byte length.
   */
  function writeInput(engine, h, str) {
    if (str.length * 3 > engine._inCap) {
      engine._inCap = Math.max(str.length * 3, 1024);
      engine._inPtr = h.inputBuffer(engine._inCap);
    }
    views();
    return hcWriteUtf8(u8, engine._inPtr, engine._inCap, str);
  }

  // ---- the wire form of an order (read_order_wire in crates/wasm/src/pricing_compact.rs):
  // what JSON.stringify would write, for plain objects whose values it carries exactly (ASCII
  // strings, safe non-negative integers, booleans, null/undefined for absent optional
  // fields), written straight into the engine's input buffer. Anything else answers false
  // and the order goes as JSON text to the strict reader, which finds every problem with its
  // path; so does an order the Rust side declines (status 2). No value is judged here.
  var W = null, wo = 0, wend = 0; // encoder state (never re-entered)
  function plain(v, proto) {
    return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === proto && typeof v.toJSON !== 'function';
  }
  function wByte(b) {
    if (wo >= wend) return false;
    W[wo++] = b;
    return true;
  }
  function wU32(n) {
    if (wo + 4 > wend) return false;
    W[wo] = n & 255; W[wo + 1] = (n >>> 8) & 255; W[wo + 2] = (n >>> 16) & 255; W[wo + 3] = (n >>> 24) & 255;
    wo += 4;
    return true;
  }
  function wNum(v) {
    return typeof v === 'number' && v >= 0 && Number.isSafeInteger(v) && wU32(v >>> 0) && wU32(Math.floor(v / 4294967296));
  }
  function wStr(v) {
    if (typeof v !== 'string') return false;
    var n = v.length;
    if (wo + 4 + n > wend || !wU32(n)) return false;
    for (var i = 0; i < n; i++) {
      var c = v.charCodeAt(i);
      if (c > 0x7f) return false;
      W[wo++] = c;
    }
    return true;
  }
  function wArray(v) {
    return Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype && typeof v.toJSON !== 'function' && wU32(v.length);
  }
  function wItems(v) {
    if (!wArray(v)) return false;
    for (var i = 0; i < v.length; i++) {
      var it = v[i];
      if (!plain(it, Object.prototype)) return false;
      var id, q = null, m = null;
      for (var key in it) { // own keys only: encodeOrder checked Object.prototype has none
        var x = it[key];
        if (key === 'itemId') id = x;
        else if (key === 'quantity') q = x;
        else if (key === 'minutes') m = x;
        else if (x !== undefined) return false;
      }
      if (q === undefined) q = null;
      if (m === undefined) m = null;
      if (!wStr(id) || (q === null) === (m === null)) return false;
      if (q !== null ? !(wByte(1) && wNum(q)) : !(wByte(2) && wNum(m))) return false;
    }
    return true;
  }
  function wConsumables(v) {
    if (!wArray(v)) return false;
    for (var i = 0; i < v.length; i++) {
      var c = v[i];
      if (!plain(c, Object.prototype)) return false;
      var id, q;
      for (var key in c) {
        var x = c[key];
        if (key === 'id') id = x;
        else if (key === 'quantity') q = x;
        else if (x !== undefined) return false;
      }
      if (!wStr(id) || !wNum(q)) return false;
    }
    return true;
  }
  function wOrder(order) {
    if (!plain(order, Object.prototype)) return false;
    for (var key in order) {
      var v = order[key];
      if (v === undefined) continue; // JSON leaves it out
      var optional = v === null;     // null = absent for the optional fields
      switch (key) {
        case 'items': if (!(wByte(1) && wItems(v))) return false; break;
        case 'consumables': if (!optional && !(wByte(2) && wConsumables(v))) return false; break;
        case 'distanceMetres': if (!(wByte(3) && wNum(v))) return false; break;
        case 'appointmentStart': if (!(wByte(4) && wStr(v))) return false; break;
        case 'bookedAt': if (!(wByte(5) && wStr(v))) return false; break;
        case 'newUser': if (!optional && !(typeof v === 'boolean' && wByte(6) && wByte(v ? 1 : 0))) return false; break;
        case 'couponId': if (!optional && !(wByte(7) && wStr(v))) return false; break;
        case 'points': if (!optional && !(wByte(8) && wNum(v))) return false; break;
        case 'packageId': if (!optional && !(wByte(9) && wStr(v))) return false; break;
        case 'paymentPlan': if (!optional && !(wByte(10) && wStr(v))) return false; break;
        default: return false;
      }
    }
    return wByte(0);
  }
  /** The wire form of `order` in the engine's input buffer: its byte length, or -1. */
  var EMPTY = {};
  function encodeOrder(engine, h, order) {
    // for-in below sees inherited enumerable keys, JSON.stringify does not: with anything
    // enumerable on Object.prototype, send JSON.
    for (var inherited in EMPTY) return -1;
    if (engine._inCap < 1024) {
      engine._inCap = 1024;
      engine._inPtr = h.inputBuffer(1024);
    }
    views();
    W = u8; wo = engine._inPtr; wend = wo + engine._inCap;
    var ok;
    try {
      ok = wOrder(order);
    } catch (e) {
      ok = false; // a throwing getter: the JSON path reports it with its path
    }
    W = null;
    return ok ? wo - engine._inPtr : -1;
  }

  PriceEngine.prototype.quote = function quote(order, options) {
    var h = handle(this);
    var locale = localeOf(options);
    var len = encodeOrder(this, h, order);
    var text = null;
    if (len < 0) {
      try {
        text = jsonOf(order, 'order', '', locale);
      } catch (e) {
        if (e instanceof Unwritable) return e.result;
        throw e;
      }
    }
    if (locale !== this._locale) {
      h.setLocale(locale);
      this._locale = locale;
    }
    var ptr = text === null ? h.quoteInput(len, true) : 0;
    views();
    if (text === null && f64[ptr >>> 3] === 2) {
      // An order the wire form cannot carry exactly: the strict reader gets its JSON.
      try {
        text = jsonOf(order, 'order', '', locale);
      } catch (e) {
        if (e instanceof Unwritable) return e.result;
        throw e;
      }
    }
    if (text !== null) ptr = h.quoteInput(writeInput(this, h, text), false);
    var b = ptr >>> 3;
    views();
    var strings = f64[b + 1] > 0 ? readText(h, f64[b + 1]) : '';
    if (f64[b] !== 0) return { ok: false, errors: JSON.parse(strings) };
    return { ok: true, value: decodeQuote(f64, b, strings, this._slots), warnings: [] };
  };

  function refundRequest(quote, payments, event, locale) {
    return '{"quote":' + jsonOf(quote, 'quote', 'quote', locale) +
      ',"payments":' + jsonOf(payments, 'payments', 'payments', locale) +
      ',"event":' + jsonOf(event, 'event', 'event', locale) + '}';
  }

  PriceEngine.prototype.refund = function refund(quote, payments, event, options) {
    var h = handle(this);
    var locale = localeOf(options);
    return guarded(function () {
      return decode(h.refund(refundRequest(quote, payments, event, locale), locale));
    });
  };

  /** Releases the compiled config now (the engine is unusable afterwards); idempotent. */
  PriceEngine.prototype.free = function free() {
    var h = this instanceof PriceEngine ? this._h : undefined;
    if (h) {
      this._h = null;
      h.free();
    }
  };

  api.PriceEngine = PriceEngine;

  api.quote = function quote(order, config, options) {
    ready();
    var locale = localeOf(options);
    return guarded(function () {
      var o = jsonOf(order, 'order', '', locale);
      return decode(raw.pricingQuote(o, jsonOf(config, 'config', 'config', locale), locale));
    });
  };

  api.refund = function refund(quote, payments, event, config, options) {
    ready();
    var locale = localeOf(options);
    return guarded(function () {
      var req = refundRequest(quote, payments, event, locale);
      return decode(raw.pricingRefund(req, jsonOf(config, 'config', 'config', locale), locale));
    });
  };

  api.applySettlement = function applySettlement(quote, settlement, options) {
    ready();
    var locale = localeOf(options);
    return guarded(function () {
      var req = '{"quote":' + jsonOf(quote, 'quote', 'quote', locale) +
        ',"settlement":' + jsonOf(settlement, 'settlement', 'settlement', locale) + '}';
      return decode(raw.pricingSettle(req, locale));
    });
  };

  api.validatePriceConfig = function validatePriceConfig(config, options) {
    ready();
    var locale = localeOf(options);
    return guarded(function () {
      var errors = raw.pricingValidate(jsonOf(config, 'config', '', locale), locale);
      return errors === '' ? { ok: true, value: null, warnings: [] } : decode(errors);
    });
  };

  api.formatFen = function formatFen(fen, options) {
    ready();
    if (typeof fen !== 'number') {
      throw misuse('arg.invalid_type', 'Expected fen to be of type number.', { name: 'fen', expected: 'number' });
    }
    if (!Number.isSafeInteger(fen)) {
      throw misuse('arg.invalid_value', 'fen must be a whole number of fen within ±(2^53 − 1).', { name: 'fen' });
    }
    var upper = hcOptions(options, ['upper']).upper;
    if (upper !== undefined && typeof upper !== 'boolean') {
      throw misuse('arg.invalid_type', 'Expected upper to be of type boolean.', { name: 'upper', expected: 'boolean' });
    }
    return raw.pricingFormatFen(String(fen), upper === true);
  };
});
