// Turns wasm-bindgen's `--target web` glue into the WeChat entry: one CommonJS file with no
// ES-module syntax (`import.meta` is a syntax error there even when never executed), no
// fetch/WebAssembly/crypto globals, and an `init({ wasmPath })` over WXWebAssembly.
// The seam used is stable across wasm-bindgen releases: `__wbg_get_imports()` and
// `__wbg_finalize_init(instance, module)`; everything that loads bytes is cut out.

/** Removes a top-level `function name(...) {...}` (brace-matched) from `src`. */
function dropFunction(src, name) {
  const re = new RegExp(`^(async )?function ${name}\\(`, 'm');
  const m = re.exec(src);
  if (!m) throw new Error(`weapp: glue has no function ${name}; wasm-bindgen changed its output`);
  let i = src.indexOf('{', m.index);
  let depth = 0;
  for (; i < src.length; i++) {
    if (src[i] === '{') depth++;
    else if (src[i] === '}' && --depth === 0) break;
  }
  return src.slice(0, m.index) + src.slice(i + 1);
}

export function makeWeapp({ glue, text, entropy, errorJs, apiJs }) {
  // The raw glue's exports, handed to createApi as the `raw` object.
  const rawNames = [...glue.matchAll(/^export (?:function|class) (\w+)/gm)].map((m) => m[1]);
  let g = glue;
  for (const f of ['__wbg_load', 'initSync', '__wbg_init', '__wbg_init_once']) g = dropFunction(g, f);
  g = g.replace(/^let __wbg_init_promise;\n/m, '');
  g = g.replace(/^export \{[^}]*\};?\n?/m, '');
  g = g.replace(/^export (function|class) /gm, '$1 ');
  g = g.replace(/globalThis\.crypto/g, '__hc_crypto');

  const out = `'use strict';
${errorJs}
${text}
${entropy}
// ---- wasm-bindgen glue (web target, loader removed) ----
${g}
// ---- WeChat loader ----
${apiJs}
var __hc_state = { ready: false };
var __hc_api = createApi({ ${rawNames.map((n) => `${n}: ${n}`).join(', ')} }, __hc_state);
var __hc_initPromise = null;
var DEFAULT_WASM_PATH = '/homecare/homecare_bg.wasm.br';

/**
 * Instantiates the module once through WXWebAssembly (base library >= 2.13.0; a .wasm.br path
 * needs >= 2.14.0). Resolves to the API object. Also fills the random pool from
 * wx.getRandomValues (>= 2.15.0); without it, init still succeeds and only functions that
 * need randomness fail, with code 'entropy.unavailable'.
 */
function init(options) {
  if (__hc_state.ready) return Promise.resolve(__hc_api);
  if (__hc_initPromise) return __hc_initPromise;
  var wasmPath = options && options.wasmPath !== undefined ? options.wasmPath : DEFAULT_WASM_PATH;
  if (typeof wasmPath !== 'string') {
    return Promise.reject(new HomecareError('arg.invalid_type', 'Expected wasmPath to be a string (a code-package path).', { name: 'wasmPath', expected: 'string' }));
  }
  if (typeof WXWebAssembly === 'undefined') {
    return Promise.reject(new HomecareError('init.no_wasm', 'WXWebAssembly is not available: base library 2.13.0 or later is required.', {}));
  }
  var entropyReady = refillRandom().catch(function () {});
  __hc_initPromise = Promise.resolve()
    .then(function () { return WXWebAssembly.instantiate(wasmPath, __wbg_get_imports()); })
    .then(function (result) {
      // The typings say Instance; real clients resolve { instance, module }. Accept both.
      var instance = result && result.instance ? result.instance : result;
      var module = result && result.module ? result.module : undefined;
      __wbg_finalize_init(instance, module);
      __hc_state.ready = true;
      return entropyReady;
    })
    .then(function () { return __hc_api; }, function (e) {
      __hc_initPromise = null;
      if (e instanceof HomecareError) throw e;
      throw new HomecareError('init.failed', 'Could not instantiate ' + wasmPath + ': ' + (e && e.message ? e.message : String(e)), { wasmPath: wasmPath });
    });
  return __hc_initPromise;
}

__hc_api.init = init;
__hc_api.refillRandom = refillRandom;
module.exports = __hc_api;
`;
  const forbidden = ['import.meta', 'fetch(', 'WebAssembly.', 'globalThis.crypto', 'import('];
  for (const word of forbidden) {
    const at = out.replace(/WXWebAssembly\./g, '').indexOf(word);
    if (at >= 0) throw new Error(`weapp: "${word}" is left in the WeChat glue: ${out.slice(at - 80, at + 40)}`);
  }
  if (/^\s*(export|import)\s/m.test(out)) throw new Error('weapp: ES module syntax is left in the WeChat glue');
  return out;
}
