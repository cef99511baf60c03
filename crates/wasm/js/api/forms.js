// Forms: validateForm, validateField, registerSchema, listForms, setMessages.
// Data crosses as one JSON string each way (see crates/wasm/src/forms.rs); the result text is
// already the public shape, so the glue only parses it.
API_PARTS.push(function installForms(api, raw, ready) {
  var misuse = hcMisuse;
  var needString = hcString;
  var OPTION_KEYS = ['locale', 'asOf', 'mode', 'context', 'now', 'leadMinutes', 'horizonDays', 'limits'];

  // [asOf, locale, mode, optionsJson]: optionsJson is '' unless a rarely used option is set,
  // so the common call passes three short strings and Rust builds the options itself.
  function callArgs(options) {
    var o = hcOptions(options, OPTION_KEYS);
    var asOf = o.asOf === undefined ? hcToday() : needString(o.asOf, 'asOf');
    var locale = o.locale === undefined ? 'zh-CN' : needString(o.locale, 'locale');
    var mode = o.mode === undefined ? 'all' : needString(o.mode, 'mode');
    var extra = '';
    if (o.context !== undefined || o.now !== undefined || o.leadMinutes !== undefined ||
        o.horizonDays !== undefined || o.limits !== undefined) {
      o.asOf = asOf;
      o.locale = locale;
      o.mode = mode;
      extra = hcJson(o, 'options');
    }
    return [asOf, locale, mode, extra];
  }

  api.validateForm = function validateForm(formId, data, options) {
    ready();
    needString(formId, 'formId');
    var a = callArgs(options);
    return JSON.parse(raw.formsValidate(formId, hcJson(data, 'data'), a[0], a[1], a[2], a[3]));
  };

  api.validateField = function validateField(formId, path, data, options) {
    ready();
    needString(formId, 'formId');
    needString(path, 'path');
    var a = callArgs(options);
    return JSON.parse(raw.formsValidateField(formId, path, hcJson(data, 'data'), a[0], a[1], a[2], a[3]));
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
