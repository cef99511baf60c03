// Identity: parseIdNumber(s), fakeIdNumber, contact and certificate validators, mask,
// maskObject, keyedDigest. The hot path (parseIdNumber) crosses the boundary as one string
// each way and is decoded here; see crates/wasm/src/identity.rs for the compact format.
API_PARTS.push(function installIdentity(api, raw, ready) {
  var KIND_NAMES = ['resident', 'resident15', 'hkPermit', 'moPermit', 'twPermit',
    'foreignPermanent2023', 'foreignPermanent2017', 'hkMoTravelPermit', 'twTravelPermit', 'passport'];

  var misuse = hcMisuse;
  var needString = hcString;
  function localeOf(o) {
    var l = o.locale;
    if (l === undefined) return 'zh-CN';
    needString(l, 'locale');
    return l;
  }

  function parseArgs(options) {
    var o = hcOptions(options, ['asOf', 'kinds', 'locale']);
    var asOf = o.asOf === undefined ? hcToday() : o.asOf;
    needString(asOf, 'asOf');
    var kinds = '';
    if (o.kinds !== undefined) {
      if (!Array.isArray(o.kinds)) {
        throw misuse('arg.invalid_type', 'Expected kinds to be an array of kind names.', { name: 'kinds', expected: 'array' });
      }
      for (var i = 0; i < o.kinds.length; i++) {
        if (KIND_NAMES.indexOf(o.kinds[i]) < 0) {
          throw misuse('arg.invalid_value', 'Unknown document kind: ' + String(o.kinds[i]) + '.', { name: 'kinds' });
        }
      }
      kinds = o.kinds.join(',');
    }
    return [asOf, kinds, localeOf(o)];
  }

  var NO_WARNINGS = [];
  function decodeErrors(s) {
    var parts = s.split('|');
    var errors = new Array(parts.length - 1);
    for (var i = 1; i < parts.length; i++) {
      var cut = parts[i].indexOf('\u001f');
      var head = parts[i].slice(0, cut).split(';');
      var params = {};
      for (var j = 1; j < head.length; j++) {
        var eq = head[j].indexOf('=');
        var name = head[j].slice(0, eq);
        if (name.charCodeAt(name.length - 1) === 35 /* # */) {
          params[name.slice(0, -1)] = Number(head[j].slice(eq + 1));
        } else {
          params[name] = head[j].slice(eq + 1);
        }
      }
      errors[i - 1] = { path: '', code: head[0], params: params, message: parts[i].slice(cut + 1) };
    }
    return errors;
  }
  function decodeId(s) {
    if (s.charCodeAt(0) !== 79 /* O */) return { ok: false, errors: decodeErrors(s) };
    var f = s.split('|');
    var codes = f[13] === '' ? NO_WARNINGS : f[13].split(',');
    var value = {
      kind: f[1],
      normalized: f[2],
      birthDate: f[3] === '' ? null : f[3],
      sex: f[4] === '' ? null : f[4],
      age: f[5] === '' ? null : +f[5],
      region: f[6] === '' ? null : {
        code: f[6], province: f[7], city: f[8] === '' ? null : f[8],
        county: f[9] === '' ? null : f[9], abolished: f[10] === '1',
      },
      warnings: codes === NO_WARNINGS ? [] : codes,
    };
    if (f[11] !== '') value.upgraded = f[11];
    if (f[12] !== '') value.nationality = f[12];
    var warnings = [];
    if (codes !== NO_WARNINGS) {
      var messages = (f[14] || '').split('\u001e');
      for (var i = 0; i < codes.length; i++) {
        warnings.push({ path: '', code: codes[i], params: {}, message: messages[i] || codes[i] });
      }
    }
    return { ok: true, value: value, warnings: warnings };
  }

  api.parseIdNumber = function parseIdNumber(input, options) {
    ready();
    needString(input, 'input');
    var a = parseArgs(options);
    return decodeId(raw.idParseCompact(input, a[0], a[1], a[2]));
  };

  api.parseIdNumbers = function parseIdNumbers(inputs, options) {
    ready();
    if (!Array.isArray(inputs)) {
      throw misuse('arg.invalid_type', 'Expected inputs to be an array of strings.', { name: 'inputs', expected: 'array' });
    }
    var a = parseArgs(options);
    if (inputs.length === 0) return [];
    for (var i = 0; i < inputs.length; i++) {
      if (typeof inputs[i] !== 'string') {
        throw misuse('arg.invalid_type', 'Expected inputs[' + i + '] to be of type string.', { name: 'inputs[' + i + ']', expected: 'string' });
      }
    }
    // Newlines separate the batch; inside a number they are whitespace, which normalisation
    // removes anyway, so replacing them keeps every result the same as a single parse.
    var joined = inputs.join('\n');
    if (joined.split('\n').length !== inputs.length) {
      joined = inputs.map(function (s) { return s.replace(/\n/g, ' '); }).join('\n');
    }
    var lines = raw.idParseBatchCompact(joined, a[0], a[1], a[2]).split('\n');
    var out = new Array(lines.length);
    for (var k = 0; k < lines.length; k++) out[k] = decodeId(lines[k]);
    return out;
  };

  api.fakeIdNumber = function fakeIdNumber(options) {
    ready();
    var o = hcOptions(options, ['kind', 'region', 'birthDate', 'sex', 'seed']);
    if (options === undefined || options === null) o = {};
    if (typeof o.seed !== 'number' || !Number.isSafeInteger(o.seed) || o.seed < 0) {
      throw misuse('arg.invalid_value', 'fakeIdNumber needs a non-negative integer seed.', { name: 'seed' });
    }
    return raw.idFake(JSON.stringify(o));
  };

  function validator(kind) {
    return function (input, options) {
      ready();
      needString(input, 'input');
      var o = hcOptions(options, ['allowLatin', 'locale']);
      return JSON.parse(raw.idValidate(kind, input, o.allowLatin === true, localeOf(o)));
    };
  }
  api.validateMobile = validator('mobile');
  api.validateLandline = validator('landline');
  api.validateName = validator('name');
  api.validateEmail = validator('email');
  api.validateUscc = validator('uscc');
  api.validateEldercareCertificate = validator('eldercareCertificate');
  api.validatePhysicianCertificate = validator('physicianCertificate');
  api.validateNurseCertificate = validator('nurseCertificate');

  api.mask = function mask(value, kind, options) {
    ready();
    if (typeof value === 'number' && isFinite(value)) value = String(value);
    needString(value, 'value');
    needString(kind, 'kind');
    var o = options === undefined || options === null ? '' : JSON.stringify(hcOptions(options, ['keepStart', 'keepEnd', 'maskChar']));
    return raw.idMask(value, kind, o);
  };

  api.maskObject = function maskObject(object, rules) {
    ready();
    if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
      throw misuse('arg.invalid_type', 'Expected rules to be an object of path → kind.', { name: 'rules', expected: 'object' });
    }
    return JSON.parse(raw.idMaskObject(hcJson(object, 'object'), hcJson(rules, 'rules')));
  };

  api.keyedDigest = function keyedDigest(value, key) {
    ready();
    needString(value, 'value');
    return raw.idKeyedDigest(value, hcBytes(key, 'key'));
  };
});
