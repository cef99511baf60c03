// Forms: validateForm, validateField, registerSchema, listForms, setMessages.
// Data crosses as one JSON string each way (see crates/wasm/src/forms.rs); the result text is
// already the public shape, so the glue only parses it.
API_PARTS.push(function installForms(api, raw, ready) {
  var misuse = hcMisuse;
  var needString = hcString;

  // The options JSON of the last successful call and a private parsed copy of it. A form page
  // passes equal options (now, context) on every keystroke: when the new snapshot is equal
  // as JSON, its text is reused instead of stringifying the context again (Rust keeps what
  // that text parsed to, keyed by the text).
  var lastOptions = null;

  // Whether JSON.stringify(a) would encode the same data as `b` (a JSON.parse result).
  // Conservative: anything JSON would transform (toJSON, class instances, undefined,
  // NaN …) answers false, and the caller stringifies as before.
  function sameJson(a, b, depth) {
    if (a === b) return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || depth > 8) return false;
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) {
        if (!sameJson(a[i], b[i], depth + 1)) return false;
      }
      return true;
    }
    if (Array.isArray(b)) return false;
    var proto = Object.getPrototypeOf(a);
    if ((proto !== Object.prototype && proto !== null) || typeof a.toJSON === 'function') return false;
    var keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (var k = 0; k < keys.length; k++) {
      var key = keys[k];
      if (!Object.prototype.hasOwnProperty.call(b, key) || !sameJson(a[key], b[key], depth + 1)) return false;
    }
    return true;
  }

  function remember(call) {
    if (call.charAt(0) === '{' && (lastOptions === null || lastOptions.text !== call)) {
      lastOptions = { text: call, parsed: JSON.parse(call) };
    }
  }

  var SEP = '\u001f';

  // Options of the last short-form call and their text (a form page passes equal options on
  // every keystroke: the text is reused instead of concatenated again).
  var shortAsOf = null;
  var shortLocale = null;
  var shortMode = null;
  var shortText = '';

  // The options as one string (every string argument is a copy and an allocation each way):
  // 'asOf␟locale␟mode' for the common call, so Rust builds the options itself, or the options
  // JSON when a rarely used option is set (or a value would not survive the short form).
  // Reads the option keys once each, in the order hcOptions would (locale, asOf, mode,
  // context, now, leadMinutes, horizonDays, limits), without building the snapshot object
  // unless the JSON form needs it and the last one does not match.
  function callText(options) {
    var locale, asOf, mode, context, now, leadMinutes, horizonDays, limits;
    if (options !== undefined && options !== null) {
      // Not an options object: hcOptions throws its misuse error (the one check, shared).
      if (typeof options !== 'object' || Array.isArray(options)) hcOptions(options, []);
      var key = 'locale';
      try {
        locale = options.locale;
        key = 'asOf';
        asOf = options.asOf;
        key = 'mode';
        mode = options.mode;
        key = 'context';
        context = options.context;
        key = 'now';
        now = options.now;
        key = 'leadMinutes';
        leadMinutes = options.leadMinutes;
        key = 'horizonDays';
        horizonDays = options.horizonDays;
        key = 'limits';
        limits = options.limits;
      } catch (e) {
        throw hcOptionThrew(key, e);
      }
    }
    var rare = context !== undefined || now !== undefined || leadMinutes !== undefined ||
        horizonDays !== undefined || limits !== undefined;
    var locale0 = locale;
    var asOf0 = asOf;
    var mode0 = mode;
    asOf = asOf === undefined ? hcToday() : needString(asOf, 'asOf');
    locale = locale === undefined ? 'zh-CN' : needString(locale, 'locale');
    mode = mode === undefined ? 'all' : needString(mode, 'mode');
    if (!rare) {
      if (asOf === shortAsOf && locale === shortLocale && mode === shortMode) return shortText;
      if (asOf.charAt(0) !== '{' && (asOf + locale + mode).indexOf(SEP) === -1) {
        shortText = asOf + SEP + locale + SEP + mode;
        shortAsOf = asOf;
        shortLocale = locale;
        shortMode = mode;
        return shortText;
      }
    }
    // Equal as JSON to the last options text's snapshot: reuse the text.
    if (lastOptions !== null) {
      var same = false;
      try {
        same = sameOptions(lastOptions.parsed, asOf, locale, mode, context, now, leadMinutes, horizonDays, limits);
      } catch (e) {
        same = false; // a throwing getter or proxy: hcJson reports it
      }
      if (same) return lastOptions.text;
    }
    // The snapshot hcOptions would have built (defined keys in that order), then asOf,
    // locale and mode filled in.
    var o = {};
    if (locale0 !== undefined) o.locale = locale0;
    if (asOf0 !== undefined) o.asOf = asOf0;
    if (mode0 !== undefined) o.mode = mode0;
    if (context !== undefined) o.context = context;
    if (now !== undefined) o.now = now;
    if (leadMinutes !== undefined) o.leadMinutes = leadMinutes;
    if (horizonDays !== undefined) o.horizonDays = horizonDays;
    if (limits !== undefined) o.limits = limits;
    o.asOf = asOf;
    o.locale = locale;
    o.mode = mode;
    return hcJson(o, 'options');
  }

  // 1 when the optional option `key` is set to `v` and `p` holds the same JSON for it, 0 when
  // it is not set, -1 when it differs.
  function sameOption(p, key, v) {
    if (v === undefined) return 0;
    return Object.prototype.hasOwnProperty.call(p, key) && sameJson(v, p[key], 1) ? 1 : -1;
  }

  // sameJson(snapshot, p, 0) for the snapshot callText would build, without building it.
  function sameOptions(p, asOf, locale, mode, context, now, leadMinutes, horizonDays, limits) {
    if (p.asOf !== asOf || p.locale !== locale || p.mode !== mode) return false;
    var a = sameOption(p, 'context', context);
    var b = sameOption(p, 'now', now);
    var c = sameOption(p, 'leadMinutes', leadMinutes);
    var d = sameOption(p, 'horizonDays', horizonDays);
    var e = sameOption(p, 'limits', limits);
    if (a < 0 || b < 0 || c < 0 || d < 0 || e < 0) return false;
    return Object.keys(p).length === 3 + a + b + c + d + e;
  }

  // validateForm's buffers in wasm memory (crates/wasm/src/forms.rs, formsValidateIn): the
  // three arguments are written there as UTF-8 and the result text read back, instead of
  // three strings allocated, copied and freed on the way in and one on the way out.
  var memory = null;
  var u8 = null;
  var inPtr = 0;
  var inCap = 0;
  // The form id and options text already in the buffer (a form page repeats them), and
  // their byte lengths.
  var headId = null;
  var headCall = null;
  var headA = 0;
  var headB = 0;
  var decoder = typeof TextDecoder === 'function' ? new TextDecoder('utf-8') : null;
  // Above this many UTF-16 units the arguments go as strings (the buffer would stay that big).
  var BUFFER_LIMIT = 1 << 18;

  function bytes() {
    if (memory === null) memory = raw.scratchMemory();
    // A grown memory detaches the old buffer, whose views then have length 0.
    if (u8 === null || u8.byteLength === 0) u8 = new Uint8Array(memory.buffer);
    return u8;
  }

  /** UTF-8 bytes [ptr, ptr + len) of wasm memory as text (valid UTF-8, written by Rust). */
  function readText(ptr, len) {
    return hcReadUtf8(bytes(), ptr, ptr + len, decoder);
  }

  function validateText(formId, text, call) {
    var units = formId.length + call.length + text.length;
    if (units > BUFFER_LIMIT) return raw.formsValidate(formId, text, call);
    if (units * 3 > inCap) {
      inCap = Math.max(units * 3, 4096);
      inPtr = raw.formsIn(inCap);
      headId = null;
    }
    var m = bytes();
    if (formId !== headId || call !== headCall) {
      headId = null; // not valid while being rewritten
      headA = hcWriteUtf8(m, inPtr, inCap, formId);
      headB = hcWriteUtf8(m, inPtr + headA, inCap - headA, call);
      headId = formId;
      headCall = call;
    }
    var a = headA;
    var b = headB;
    var c = hcWriteUtf8(m, inPtr + a + b, inCap - a - b, text);
    var len = raw.formsValidateIn(a, b, c);
    if (len === 0xffffffff) throw raw.formsError();
    return readText(raw.formsOut(), len);
  }

  api.validateForm = function validateForm(formId, data, options) {
    ready();
    needString(formId, 'formId');
    var call = callText(options);
    var text = validateText(formId, hcJson(data, 'data'), call);
    remember(call);
    return JSON.parse(text);
  };

  api.validateField = function validateField(formId, path, data, options) {
    ready();
    needString(formId, 'formId');
    needString(path, 'path');
    var call = callText(options);
    var text = raw.formsValidateField(formId, path, hcJson(data, 'data'), call);
    remember(call);
    return JSON.parse(text);
  };

  api.registerSchema = function registerSchema(schema, options) {
    ready();
    var o = hcOptions(options, ['locale']);
    var locale = o.locale === undefined ? 'zh-CN' : needString(o.locale, 'locale');
    if (schema === null || (typeof schema !== 'string' && typeof schema !== 'object')) {
      throw misuse('arg.invalid_type', 'Expected schema to be JSON text or an object.', { name: 'schema', expected: 'object' });
    }
    var text = typeof schema === 'string' ? schema : hcJson(schema, 'schema');
    return JSON.parse(raw.formsRegisterSchema(text, locale));
  };

  api.listForms = function listForms() {
    ready();
    return JSON.parse(raw.formsList());
  };

  api.setMessages = function setMessages(locale, overrides) {
    ready();
    needString(locale, 'locale');
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
      throw misuse('arg.invalid_type', 'Expected overrides to be an object of code → template.', { name: 'overrides', expected: 'object' });
    }
    var r = JSON.parse(raw.setMessagesRaw(locale, hcJson(overrides, 'overrides')));
    if (!r.ok) {
      var first = r.errors[0];
      var e = misuse(first.code, first.message + (r.errors.length > 1 ? ' (and ' + (r.errors.length - 1) + ' more)' : ''),
        Object.assign({ path: first.path }, first.params));
      e.errors = r.errors;
      throw e;
    }
  };
});
