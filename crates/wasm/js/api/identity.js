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

  // The options of the last scratch-path call, as the wasm side holds them (idSetOptions).
  var curAsOf = null;
  var curKinds = null;
  var curLocale = null;
  /**
   * Checks `options` ({ asOf?, kinds?, locale? }) and hands them to the wasm side when they
   * differ from the last call's. Reads each key once, allocates nothing when the
   * options are the usual plain object: this runs on every keystroke's parse.
   */
  function applyOptions(options) {
    var asOf;
    var kinds = '';
    var locale = 'zh-CN';
    if (options !== undefined && options !== null) {
      if (typeof options !== 'object' || Array.isArray(options)) hcOptions(options, []);
      // One guarded read of the three keys (hcOption's semantics: a throwing getter is
      // misuse naming the key): measured ~40 ns less a call than three hcOption calls.
      var key = 'asOf';
      var k, l;
      try {
        asOf = options.asOf;
        key = 'kinds';
        k = options.kinds;
        key = 'locale';
        l = options.locale;
      } catch (e) {
        throw hcOptionThrew(key, e);
      }
      if (k !== undefined) {
        if (!Array.isArray(k)) {
          throw misuse('arg.invalid_type', 'Expected kinds to be an array of kind names.', { name: 'kinds', expected: 'array' });
        }
        for (var i = 0; i < k.length; i++) {
          if (KIND_NAMES.indexOf(k[i]) < 0) {
            throw misuse('arg.invalid_value', 'Unknown document kind: ' + String(k[i]) + '.', { name: 'kinds' });
          }
        }
        kinds = k.join(',');
      }
      if (l !== undefined) locale = needString(l, 'locale');
    }
    if (asOf === undefined) asOf = hcToday();
    needString(asOf, 'asOf');
    if (asOf !== curAsOf || kinds !== curKinds || locale !== curLocale) {
      raw.idSetOptions(asOf, kinds, locale);
      curAsOf = asOf;
      curKinds = kinds;
      curLocale = locale;
    }
  }

  // ---- the scratch path (crates/wasm/src/scratch.rs): input bytes written straight into
  // wasm memory, a lean ASCII result read back, region objects fetched once per code.
  var memory = null;
  var u8 = null;
  var inPtr = 0;
  var inCap = 0;
  var bigDecoder = null;
  function bytes() {
    if (memory === null) memory = raw.scratchMemory();
    // A grown memory detaches the old buffer, whose views then have length 0: cheaper to
    // test than reading memory.buffer on every call.
    if (u8 === null || u8.byteLength === 0) u8 = new Uint8Array(memory.buffer);
    return u8;
  }
  /**
   * UTF-8 of `str` into the input buffer; returns the byte length. A short ASCII string (an
   * ID as typed) is copied by a plain loop that hands over to hcWriteUtf8 at the first
   * non-ASCII unit (which rewrites from the start).
   */
  function writeInput(str) {
    var n = str.length;
    if (n * 3 > inCap) {
      inCap = Math.max(n * 3, 1024);
      inPtr = raw.scratchIn(inCap);
    }
    var m = bytes();
    if (n > 64) return hcWriteUtf8(m, inPtr, inCap, str);
    for (var i = 0, at = inPtr; i < n; i++) {
      var c = str.charCodeAt(i);
      if (c > 0x7f) return hcWriteUtf8(m, inPtr, inCap, str);
      m[at + i] = c;
    }
    return n;
  }
  function decodeNative(m, ptr, len) {
    if (bigDecoder === null) bigDecoder = new TextDecoder('utf-8');
    return bigDecoder.decode(m.subarray(ptr, ptr + len));
  }
  /** `len` bytes of the output buffer from `offset`, as text (valid UTF-8, written by Rust). */
  function readOutput(offset, len) {
    var ptr = raw.scratchOut() + offset;
    var m = bytes();
    if (len > 4096 && typeof TextDecoder !== 'undefined') return decodeNative(m, ptr, len);
    // ASCII (every success and every code): flat strings from the bytes, 8 KiB per apply
    // (argument-count limits; measured 2× slower than TextDecoder on large text, so only
    // where there is none, as on WeChat). Concatenating char by char builds a rope that
    // split() must flatten, which measured 4× slower.
    var ascii = true;
    for (var k = ptr, stop = ptr + len; k < stop; k++) {
      if (m[k] > 0x7f) { ascii = false; break; }
    }
    if (ascii) {
      if (len <= 8192) return String.fromCharCode.apply(null, m.subarray(ptr, ptr + len));
      var chunks = [];
      for (var c = ptr; c < ptr + len; c += 8192) {
        chunks.push(String.fromCharCode.apply(null, m.subarray(c, Math.min(c + 8192, ptr + len))));
      }
      return chunks.join('');
    }
    return typeof TextDecoder !== 'undefined' ? decodeNative(m, ptr, len) : hcReadUtf8(m, ptr, ptr + len, null);
  }

  // Region objects are the same for every number with the same code: fetched once, frozen
  // and shared by the results that carry that code (a Map keyed by the numeric code).
  var regions = new Map();
  function region(code) {
    var r = regions.get(code);
    if (r === undefined) {
      r = JSON.parse(raw.idRegionJson(code));
      if (r !== null) Object.freeze(r);
      regions.set(code, r);
    }
    return r;
  }

  /** `{ code, params: [[name, value]…] }` of a problem head `code;name=text;name#=int…`. */
  function parseHead(head) {
    var fields = head.split(';');
    var params = [];
    for (var j = 1; j < fields.length; j++) {
      var eq = fields[j].indexOf('=');
      var name = fields[j].slice(0, eq);
      if (name.charCodeAt(name.length - 1) === 35 /* # */) {
        params.push([name.slice(0, -1), Number(fields[j].slice(eq + 1))]);
      } else {
        params.push([name, fields[j].slice(eq + 1)]);
      }
    }
    return { code: fields[0], params: params, message: '' };
  }
  /**
   * Errors of a failure line `E|head U+001F message|…`. In a batch (`batch` given) lines carry
   * heads only: a head met for the first time takes the next message of `batch.messages` (the
   * wasm side writes each distinct head's message once, in order of first appearance), and
   * `batch.heads` keeps the decoded head for its later lines.
   */
  function decodeErrors(s, batch) {
    var parts = s.split('|');
    var errors = new Array(parts.length - 1);
    for (var i = 1; i < parts.length; i++) {
      var cut = parts[i].indexOf('\u001f');
      var head = parts[i].slice(0, cut);
      var t = batch === undefined ? undefined : batch.heads.get(head);
      if (t === undefined) {
        t = parseHead(head);
        if (batch === undefined) {
          t.message = parts[i].slice(cut + 1);
        } else {
          t.message = batch.messages[batch.next++] || t.code;
          batch.heads.set(head, t);
        }
      }
      var params = {};
      for (var j = 0; j < t.params.length; j++) params[t.params[j][0]] = t.params[j][1];
      errors[i - 1] = { path: '', code: t.code, params: params, message: t.message };
    }
    return errors;
  }
  // O|kind|normalized|birthDate|sex|age|regionCode|upgraded|nationality|warnings[|messages]
  function decodeId(s, batch) {
    if (s.charCodeAt(0) !== 79 /* O */) return { ok: false, errors: decodeErrors(s, batch) };
    var f = s.split('|');
    var value = {
      kind: f[1],
      normalized: f[2],
      birthDate: f[3] === '' ? null : f[3],
      sex: f[4] === '' ? null : f[4],
      age: f[5] === '' ? null : +f[5],
      region: f[6] === '' ? null : region(+f[6]),
      warnings: f[9] === '' ? [] : f[9].split(','),
    };
    if (f[7] !== '') value.upgraded = f[7];
    if (f[8] !== '') value.nationality = f[8];
    var warnings = [];
    if (value.warnings.length > 0) {
      var messages = (f[10] || '').split('\u001e');
      for (var i = 0; i < value.warnings.length; i++) {
        warnings.push({ path: '', code: value.warnings[i], params: {}, message: messages[i] || value.warnings[i] });
      }
    }
    return { ok: true, value: value, warnings: warnings };
  }

  // The numeric fast path of idParseOne: a valid number already in canonical form comes back
  // as eight integers, so no result text is built or decoded at all.
  var numbers = null;
  var kindNames = null;
  function nums() {
    if (numbers === null || numbers.byteLength === 0) numbers = new Int32Array(bytes().buffer, raw.scratchNumbers(), 8);
    return numbers;
  }
  function two(n) { return n < 10 ? '0' + n : '' + n; }
  // 'YYYY-MM-DD' of a yyyymmdd integer. Formatting costs more than the whole wasm-side date
  // check (number-to-string conversions), and a page or batch sees the same dates again, so
  // the strings are kept (bounded: the map starts over past 40,000 dates, ~110 years).
  var dates = new Map();
  function dateText(ymd) {
    var t = dates.get(ymd);
    if (t === undefined) {
      var y = (ymd / 10000) | 0;
      var md = ymd - y * 10000;
      t = y + '-' + two((md / 100) | 0) + '-' + two(md % 100);
      if (dates.size >= 40000) dates.clear();
      dates.set(ymd, t);
    }
    return t;
  }
  // A record [1, kind, yyyymmdd, sex, age, region] at n[at..at+6] (see fast_record in Rust).
  function decodeNumbers(input, n, at) {
    if (kindNames === null) kindNames = raw.idKindNames().split(',');
    var ymd = n[at + 2];
    var code = n[at + 5];
    return {
      ok: true,
      value: {
        kind: kindNames[n[at + 1]],
        normalized: input,
        birthDate: ymd === 0 ? null : dateText(ymd),
        sex: n[at + 3] === 0 ? null : n[at + 3] === 1 ? 'male' : 'female',
        age: n[at + 4] < 0 ? null : n[at + 4],
        region: code === 0 ? null : region(code),
        warnings: [],
      },
      warnings: [],
    };
  }

  // Failures as numbers: a record [2, packed problem…, 0…] (IdProblem::packed in Rust). The
  // head and message of each packed problem are fetched once (idProblemText, in the locale
  // of the options) and kept until the locale or the app's messages (setMessages, seen as a
  // new generation number from the wasm side) change; each result gets fresh objects.
  var problems = new Map();
  var problemsGeneration = -1;
  var problemsLocale = null;
  function problemsFor(generation) {
    if (generation !== problemsGeneration || curLocale !== problemsLocale) {
      problems.clear();
      problemsGeneration = generation;
      problemsLocale = curLocale;
    }
  }
  function problem(packed) {
    var t = problems.get(packed);
    if (t === undefined) {
      var s = raw.idProblemText(packed);
      var cut = s.indexOf('\u001f');
      t = parseHead(s.slice(0, cut));
      t.message = s.slice(cut + 1);
      problems.set(packed, t);
    }
    return t;
  }
  function problemError(packed) {
    var t = problem(packed);
    var params = {};
    for (var j = 0; j < t.params.length; j++) params[t.params[j][0]] = t.params[j][1];
    return { path: '', code: t.code, params: params, message: t.message };
  }
  // The packed problems are read before any is looked up: a lookup may call into wasm,
  // whose memory growth would detach `n`.
  function decodeFailure(n, at) {
    var a = n[at + 1];
    var b = n[at + 2];
    if (b === 0) return { ok: false, errors: [problemError(a)] };
    var c = n[at + 3];
    var d = n[at + 4];
    var errors = [problemError(a), problemError(b)];
    if (c !== 0) errors.push(problemError(c));
    if (d !== 0) errors.push(problemError(d));
    return { ok: false, errors: errors };
  }

  api.parseIdNumber = function parseIdNumber(input, options) {
    ready();
    needString(input, 'input');
    applyOptions(options);
    // One number: a newline inside it is whitespace, which normalisation drops.
    var textLength = raw.idParseOne(writeInput(input));
    if (textLength !== 0) return decodeId(readOutput(0, textLength));
    var n = nums();
    if (n[0] === 1) return decodeNumbers(input, n, 0);
    problemsFor(n[7]);
    return decodeFailure(n, 0);
  };

  api.parseIdNumbers = function parseIdNumbers(inputs, options) {
    ready();
    if (!Array.isArray(inputs)) {
      throw misuse('arg.invalid_type', 'Expected inputs to be an array of strings.', { name: 'inputs', expected: 'array' });
    }
    applyOptions(options);
    if (inputs.length === 0) return [];
    var newline = false;
    for (var i = 0; i < inputs.length; i++) {
      if (typeof inputs[i] === 'string') {
        if (inputs[i].indexOf('\n') >= 0) newline = true;
      } else {
        throw misuse('arg.invalid_type', 'Expected inputs[' + i + '] to be of type string.', { name: 'inputs[' + i + ']', expected: 'string' });
      }
    }
    // One crossing for the whole batch, numbers separated by newlines; a newline inside a
    // number (whitespace to normalisation) would split it, so such inputs are rewritten.
    var length = writeInput((newline ? inputs.map(function (t) { return t.replace(/\n/g, ' '); }) : inputs).join('\n'));
    var textLength = raw.idParseMany(length, inputs.length);
    var n = nums();
    var linesLength = n[0];
    var textsLength = n[1];
    problemsFor(n[7]);
    var lines = linesLength === 0 ? [] : readOutput(0, linesLength).split('\n');
    var batch = {
      heads: new Map(),
      messages: textsLength > linesLength ? readOutput(linesLength, textsLength - linesLength).split('\u001e') : [],
      next: 0,
    };
    // The upgraded forms of the records starting with 3, 18 characters each.
    var upgraded = textLength > textsLength ? readOutput(textsLength, textLength - textsLength) : '';
    var up = 0;
    var recordsAt = raw.scratchRecords();
    var records = new Int32Array(bytes().buffer, recordsAt, inputs.length * 6);
    var out = new Array(inputs.length);
    var next = 0;
    for (var k = 0; k < inputs.length; k++) {
      var at = k * 6;
      var tag = records[at];
      if (tag === 1) {
        out[k] = decodeNumbers(inputs[k], records, at);
      } else if (tag === 2) {
        out[k] = decodeFailure(records, at);
        // A first-seen problem's text came from wasm, which may have grown the memory.
        if (records.byteLength === 0) records = new Int32Array(bytes().buffer, recordsAt, inputs.length * 6);
      } else if (tag === 3) {
        var r = decodeNumbers(inputs[k], records, at);
        r.value.upgraded = upgraded.slice(up, up + 18);
        up += 18;
        out[k] = r;
      } else {
        out[k] = decodeId(lines[next++], batch);
      }
    }
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
