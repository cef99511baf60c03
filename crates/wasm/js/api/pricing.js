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
    this._slots = [];
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
    engine._slots = [];
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
  function decodeQuote(nums, text, engineSlots) {
    N = nums; T = text; at = 8; pos = 0; slot = 0; slots = engineSlots;
    var nLines = N[5], nDiscounts = N[6], flags = N[7];
    var q = {
      configVersion: N[2], configRevision: str(), appointmentStart: str(), bookedAt: str(),
      distanceMetres: N[3], straightLine: N[4] === 1, lines: new Array(nLines), discounts: new Array(nDiscounts),
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

  PriceEngine.prototype.quote = function quote(order, options) {
    var h = handle(this);
    var locale = localeOf(options);
    var engine = this;
    return guarded(function () {
      var nums = h.quoteCompact(jsonOf(order, 'order', '', locale), locale);
      var text = nums[1] > 0 ? h.takeText() : '';
      if (nums[0] !== 0) return { ok: false, errors: JSON.parse(text) };
      return { ok: true, value: decodeQuote(nums, text, engine._slots), warnings: [] };
    });
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
