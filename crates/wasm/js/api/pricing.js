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

  PriceEngine.prototype.quote = function quote(order, options) {
    var h = handle(this);
    var locale = localeOf(options);
    return guarded(function () {
      return decode(h.quote(jsonOf(order, 'order', '', locale), locale));
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
