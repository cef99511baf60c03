// The public surface, shared by every entry (node, web, weapp). The build concatenates this
// file and then every other file of js/api/ (one per feature), each of which pushes an
// installer onto API_PARTS. `raw` is the entry's wasm-bindgen glue; `ready()` throws
// `init.required` until the entry's init has instantiated the module.
// Wrappers stay thin: each export pays this layer on every call.
var API_PARTS = [];
// The wasm handle of an AeadKey, for other parts' `key` options (set by the crypto part; 0 otherwise).
var hcAeadKeyId = function () { return 0; };

function createApi(raw, state) {
  function ready() {
    if (!state.ready) {
      throw new HomecareError('init.required',
        'Call and await init() from @homecare/core before using it.', {});
    }
  }
  var api = { HomecareError: HomecareError };
  for (var i = 0; i < API_PARTS.length; i++) API_PARTS[i](api, raw, ready);
  return api;
}

// ---- argument helpers shared by the feature files ----

/** A HomecareError for API misuse. */
function hcMisuse(code, message, params) {
  return new HomecareError(code, message, params || {});
}

/** Throws arg.invalid_type unless `value` is a string. */
function hcString(value, name) {
  if (typeof value !== 'string') {
    throw hcMisuse('arg.invalid_type', 'Expected ' + name + ' to be of type string.', { name: name, expected: 'string' });
  }
  return value;
}

/**
 * A plain snapshot of the option keys `keys` of `options` (undefined/null: {}). A non-object,
 * or a getter or proxy that throws, is misuse, so callers never see the app's own exception
 * from inside the library.
 */
function hcOptions(options, keys) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw hcMisuse('arg.invalid_type', 'Expected options to be of type object.', { name: 'options', expected: 'object' });
  }
  var out = {};
  for (var i = 0; i < keys.length; i++) {
    var v = hcOption(options, keys[i]);
    if (v !== undefined) out[keys[i]] = v;
  }
  return out;
}

/** `options[key]` of an options object already checked by the caller; a throwing getter or proxy is misuse. */
function hcOption(options, key) {
  try {
    return options[key];
  } catch (e) {
    throw hcOptionThrew(key, e);
  }
}

/** The misuse error for an options getter (or proxy) that threw `e` while `key` was read. */
function hcOptionThrew(key, e) {
  return hcMisuse('arg.invalid_value', 'Reading options.' + key + ' threw: ' + (e && e.message), { name: key });
}

/** JSON text of `value` for the wasm side; cycles, BigInt and throwing getters are misuse. */
function hcJson(value, name) {
  var text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw hcMisuse('arg.invalid_value', name + ' cannot be written as JSON: ' + (e && e.message), { name: name });
  }
  if (text === undefined) {
    throw hcMisuse('arg.invalid_type', 'Expected ' + name + ' to be a JSON value.', { name: name, expected: 'object' });
  }
  return text;
}

/** Throws arg.invalid_type unless `value` is a Uint8Array (from any realm). */
function hcBytes(value, name) {
  var tag;
  try {
    tag = Object.prototype.toString.call(value);
  } catch (e) {
    tag = '';
  }
  if (tag !== '[object Uint8Array]') {
    throw hcMisuse('arg.invalid_type', 'Expected ' + name + ' to be a Uint8Array.', { name: name, expected: 'Uint8Array' });
  }
  return value;
}

// Today in the device's local time as YYYY-MM-DD (the default `asOf` of every export),
// cached until local midnight (Date is not free).
var hcTodayText = '';
var hcTodayEnds = 0;
function hcToday() {
  var now = Date.now();
  if (now >= hcTodayEnds) {
    var d = new Date(now);
    var m = d.getMonth() + 1;
    var day = d.getDate();
    hcTodayText = d.getFullYear() + '-' + (m < 10 ? '0' : '') + m + '-' + (day < 10 ? '0' : '') + day;
    hcTodayEnds = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  }
  return hcTodayText;
}

// TextEncoder.encodeInto where the platform has one (Node, browsers); the loop in
// hcWriteUtf8 serves WeChat runtimes without it.
var hcEncoder = typeof TextEncoder === 'function' && typeof TextEncoder.prototype.encodeInto === 'function' ? new TextEncoder() : null;

/**
 * Writes `str` as UTF-8 into `m` (bytes of wasm memory) at `at`, with TextEncoder semantics
 * (a lone surrogate becomes U+FFFD), and returns the byte length. The caller provides `cap`
 * ≥ 3 bytes per UTF-16 unit. The hot paths (identity, pricing) write their input this way
 * instead of passing a string, which costs an allocation and a copy on each side.
 */
function hcWriteUtf8(m, at, cap, str) {
  var n = str.length;
  // encodeInto pays for a subarray and a native call: measured slower than the loop below
  // for an 18-character ID (420 vs 344 ns a parse), faster for long text.
  if (n > 64 && hcEncoder !== null) return hcEncoder.encodeInto(str, m.subarray(at, at + cap)).written;
  var o = at;
  for (var i = 0; i < n; i++) {
    var c = str.charCodeAt(i);
    if (c < 0x80) { m[o++] = c; continue; }
    if (c < 0x800) { m[o++] = 0xc0 | (c >> 6); m[o++] = 0x80 | (c & 0x3f); continue; }
    if (c >= 0xd800 && c < 0xe000) {
      var d = i + 1 < n ? str.charCodeAt(i + 1) : 0;
      if (c < 0xdc00 && (d & 0xfc00) === 0xdc00) {
        var cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        m[o++] = 0xf0 | (cp >> 18); m[o++] = 0x80 | ((cp >> 12) & 0x3f);
        m[o++] = 0x80 | ((cp >> 6) & 0x3f); m[o++] = 0x80 | (cp & 0x3f);
        i++;
        continue;
      }
      c = 0xfffd;
    }
    m[o++] = 0xe0 | (c >> 12); m[o++] = 0x80 | ((c >> 6) & 0x3f); m[o++] = 0x80 | (c & 0x3f);
  }
  return o - at;
}

/**
 * Text of the valid UTF-8 (written by Rust) in `m` from `ptr` to `end`: TextDecoder where the
 * platform has one, else this loop (WeChat runtimes without it). The hot paths read their
 * results from wasm memory this way; `decoder` is the caller's TextDecoder or null.
 */
function hcReadUtf8(m, ptr, end, decoder) {
  if (decoder !== null) return decoder.decode(m.subarray(ptr, end));
  var out = '';
  for (var i = ptr; i < end;) {
    var b = m[i];
    if (b < 0x80) { out += String.fromCharCode(b); i += 1; } else if (b < 0xe0) {
      out += String.fromCharCode(((b & 0x1f) << 6) | (m[i + 1] & 0x3f)); i += 2;
    } else if (b < 0xf0) {
      out += String.fromCharCode(((b & 0x0f) << 12) | ((m[i + 1] & 0x3f) << 6) | (m[i + 2] & 0x3f)); i += 3;
    } else {
      var cp = (((b & 0x07) << 18) | ((m[i + 1] & 0x3f) << 12) | ((m[i + 2] & 0x3f) << 6) | (m[i + 3] & 0x3f)) - 0x10000;
      out += String.fromCharCode(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); i += 4;
    }
  }
  return out;
}
