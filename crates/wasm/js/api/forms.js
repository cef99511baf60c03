// Forms: validateForm, validateField, registerSchema, listForms, setMessages.
// Data crosses as one JSON string each way (see crates/wasm/src/forms.rs); the result text is
// already the public shape, so the glue only parses it.
API_PARTS.push(function installForms(api, raw, ready) {
  var misuse = hcMisuse;
  var needString = hcString;
  var OPTION_KEYS = ['locale', 'asOf', 'mode', 'context', 'now', 'leadMinutes', 'horizonDays', 'limits'];

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

  function optionsText(o) {
    if (lastOptions !== null) {
      var same = false;
      try {
        same = sameJson(o, lastOptions.parsed, 0);
      } catch (e) {
        same = false; // a throwing getter or proxy: hcJson reports it
      }
      if (same) return lastOptions.text;
    }
    return hcJson(o, 'options');
  }

  function remember(call) {
    if (call.charAt(0) === '{' && (lastOptions === null || lastOptions.text !== call)) {
      lastOptions = { text: call, parsed: JSON.parse(call) };
    }
  }

  var SEP = '\u001f';

  // The options as one string (every string argument is a copy and an allocation each way):
  // 'asOf␟locale␟mode' for the common call, so Rust builds the options itself, or the options
  // JSON when a rarely used option is set (or a value would not survive the short form).
  function callText(options) {
    var o = hcOptions(options, OPTION_KEYS);
    var asOf = o.asOf === undefined ? hcToday() : needString(o.asOf, 'asOf');
    var locale = o.locale === undefined ? 'zh-CN' : needString(o.locale, 'locale');
    var mode = o.mode === undefined ? 'all' : needString(o.mode, 'mode');
    if (o.context !== undefined || o.now !== undefined || o.leadMinutes !== undefined ||
        o.horizonDays !== undefined || o.limits !== undefined ||
        asOf.charAt(0) === '{' || (asOf + locale + mode).indexOf(SEP) !== -1) {
      o.asOf = asOf;
      o.locale = locale;
      o.mode = mode;
      return optionsText(o);
    }
    return asOf + SEP + locale + SEP + mode;
  }

  api.validateForm = function validateForm(formId, data, options) {
    ready();
    needString(formId, 'formId');
    var call = callText(options);
    var text = raw.formsValidate(formId, hcJson(data, 'data'), call);
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
