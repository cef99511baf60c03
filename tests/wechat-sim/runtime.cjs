'use strict';
// A simulated WeChat mini-program logic layer, strict where the real one is strict:
//  - a fresh vm context with none of Node's or the web's extras: no TextEncoder/TextDecoder,
//    no WebAssembly, crypto, fetch, URL, Buffer, process or require (asserted at start);
//  - a CommonJS loader rooted at the mini program folder (relative/absolute package paths only);
//  - WXWebAssembly.instantiate(path, imports): only a package path ending in .wasm or .wasm.br,
//    and (mvpOnly, the default) only strict-MVP modules, like an old iOS engine;
//  - wx.getRandomValues: asynchronous only;
//  - wx storage with WeChat's quotas: 1 MB per key, 10 MB in total, throwing when exceeded;
//  - App/Page/getApp with setData.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const zlib = require('node:zlib');
const nodeCrypto = require('node:crypto');

const ABSENT = ['TextEncoder', 'TextDecoder', 'WebAssembly', 'crypto', 'fetch', 'URL', 'Buffer',
  'process', 'require', 'Request', 'Response', 'setImmediate', 'queueMicrotask', 'structuredClone'];

const KEY_LIMIT = 1024 * 1024;
const TOTAL_LIMIT = 10 * 1024 * 1024;

let wabtPromise;
async function mvpError(bytes) {
  wabtPromise ||= require('wabt')();
  const wabt = await wabtPromise;
  const off = Object.fromEntries(['exceptions', 'mutable_globals', 'sat_float_to_int', 'sign_extension',
    'simd', 'threads', 'function_references', 'multi_value', 'tail_call', 'bulk_memory',
    'reference_types', 'annotations', 'code_metadata', 'gc', 'memory64', 'multi_memory',
    'extended_const', 'relaxed_simd'].map((f) => [f, false]));
  let mod;
  try {
    mod = wabt.readWasm(new Uint8Array(bytes), { readDebugNames: false, ...off });
    mod.validate();
    return null;
  } catch (e) {
    return String(e.message || e);
  } finally {
    if (mod) mod.destroy();
  }
}

/** UTF-8 size of what WeChat stores for a value: its JSON text plus the key. */
function storedSize(key, data) {
  return Buffer.byteLength(key, 'utf8') + Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8');
}

function createRuntime(options) {
  const root = path.resolve(options.root);
  const mvpOnly = options.mvpOnly !== false;
  const log = { instantiate: [], randomRequests: [], console: [] };
  const timers = new Set();

  const context = vm.createContext({});
  vm.runInContext('delete globalThis.WebAssembly;', context);
  for (const name of ABSENT) {
    if (vm.runInContext(`typeof ${name}`, context) !== 'undefined') {
      throw new Error(`simulator: ${name} must not exist in the mini-program context`);
    }
  }

  const consoleProxy = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    consoleProxy[level] = (...args) => {
      log.console.push({ level, args });
      if (options.echoConsole) console[level]('[mp]', ...args);
    };
  }
  context.console = consoleProxy;
  context.setTimeout = (fn, ms, ...args) => {
    const t = setTimeout(() => { timers.delete(t); fn(...args); }, ms);
    timers.add(t);
    return t;
  };
  context.clearTimeout = (t) => { timers.delete(t); clearTimeout(t); };

  // ---- storage ---------------------------------------------------------------------------
  const storage = new Map();
  const totalSize = () => { let n = 0; for (const [k, v] of storage) n += storedSize(k, v); return n; };
  const copyIn = (data) => (data === undefined ? undefined : JSON.parse(JSON.stringify(data)));

  // ---- wx --------------------------------------------------------------------------------
  const wx = {
    getRandomValues(opts) {
      const length = opts && opts.length;
      log.randomRequests.push(length);
      const done = (fn, arg) => { if (typeof fn === 'function') fn(arg); };
      context.setTimeout(() => {
        if (options.randomFails) {
          const err = { errMsg: 'getRandomValues:fail simulated' };
          done(opts.fail, err); done(opts.complete, err);
          return;
        }
        if (!Number.isInteger(length) || length <= 0 || length > 1048576) {
          const err = { errMsg: 'getRandomValues:fail invalid length' };
          done(opts.fail, err); done(opts.complete, err);
          return;
        }
        const bytes = nodeCrypto.randomBytes(length);
        const ab = new ArrayBuffer(length);
        new Uint8Array(ab).set(bytes);
        done(opts.success, { randomValues: ab, errMsg: 'getRandomValues:ok' });
        done(opts.complete, {});
      }, 1);
    },
    getStorageSync(key) {
      if (typeof key !== 'string') throw new Error('getStorageSync:fail parameter error: key should be String');
      return storage.has(key) ? copyIn(storage.get(key)) : '';
    },
    setStorageSync(key, data) {
      if (typeof key !== 'string' || key === '') throw new Error('setStorageSync:fail parameter error: key should be String');
      const size = storedSize(key, data);
      if (size > KEY_LIMIT) throw new Error('setStorageSync:fail exceed storage item max length');
      const old = storage.has(key) ? storedSize(key, storage.get(key)) : 0;
      if (totalSize() - old + size > TOTAL_LIMIT) throw new Error('setStorageSync:fail exceed storage max size 10Mb');
      storage.set(key, copyIn(data));
    },
    removeStorageSync(key) { storage.delete(key); },
    clearStorageSync() { storage.clear(); },
    getStorageInfoSync() {
      return { keys: [...storage.keys()], currentSize: Math.ceil(totalSize() / 1024), limitSize: TOTAL_LIMIT / 1024 };
    },
    getAppBaseInfo() { return { SDKVersion: '3.6.0', fontSizeSetting: 17, fontSizeScaleFactor: 1 }; },
  };
  context.wx = wx;

  context.WXWebAssembly = {
    instantiate(wasmPath, imports) {
      log.instantiate.push(wasmPath);
      return (async () => {
        if (typeof wasmPath !== 'string') throw new TypeError('WXWebAssembly.instantiate: first argument must be a code-package path string');
        if (!/\.wasm(\.br)?$/.test(wasmPath)) throw new Error(`WXWebAssembly.instantiate: not a .wasm/.wasm.br path: ${wasmPath}`);
        if (/^[a-z]+:/i.test(wasmPath)) throw new Error('WXWebAssembly.instantiate: not support wxfile: or http: path');
        const file = path.join(root, path.posix.normalize('/' + wasmPath));
        if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) throw new Error(`WXWebAssembly.instantiate: no file ${wasmPath} in the package`);
        let bytes = fs.readFileSync(file);
        if (wasmPath.endsWith('.br')) bytes = zlib.brotliDecompressSync(bytes);
        if (mvpOnly) {
          const err = await mvpError(bytes);
          if (err) throw new Error(`CompileError (MVP-only engine): ${err}`);
        }
        const { instance, module } = await WebAssembly.instantiate(bytes, imports);
        return options.bareInstance ? instance : { instance, module };
      })();
    },
  };

  // ---- CommonJS loader -------------------------------------------------------------------
  const cache = new Map();
  function resolveFrom(fromDir, spec) {
    if (typeof spec !== 'string') throw new Error('require: path must be a string');
    if (!spec.startsWith('./') && !spec.startsWith('../') && !spec.startsWith('/')) {
      throw new Error(`module "${spec}" is not defined (mini programs have no node_modules resolution)`);
    }
    let file = spec.startsWith('/') ? path.join(root, spec) : path.resolve(fromDir, spec);
    if (!file.endsWith('.js')) file += '.js';
    if (!file.startsWith(root + path.sep)) throw new Error(`require: ${spec} is outside the package`);
    if (!fs.existsSync(file)) throw new Error(`module "${path.relative(root, file)}" is not defined`);
    return file;
  }
  function load(file) {
    if (cache.has(file)) return cache.get(file).exports;
    const module = { exports: {} };
    cache.set(file, module);
    const src = fs.readFileSync(file, 'utf8');
    const fn = vm.runInContext(`(function (module, exports, require) {${src}\n})`, context, { filename: file });
    const req = (spec) => load(resolveFrom(path.dirname(file), spec));
    fn.call(module.exports, module, module.exports, req);
    return module.exports;
  }

  // ---- App / Page --------------------------------------------------------------------------
  let app = null;
  const pages = [];
  context.App = (def) => { app = def; };
  context.getApp = () => app;
  context.Page = (def) => {
    const page = Object.assign({}, def);
    page.data = JSON.parse(JSON.stringify(def.data || {}));
    page.setData = (patch, cb) => { Object.assign(page.data, JSON.parse(JSON.stringify(patch))); if (cb) cb(); };
    pages.push(page);
  };
  context.getCurrentPages = () => pages.slice();

  return {
    context,
    wx,
    log,
    storage,
    require: (spec) => load(resolveFrom(root, spec.startsWith('/') ? spec : './' + spec)),
    evaluate: (code) => vm.runInContext(code, context),
    get app() { return app; },
    pages,
    /** Ends pending timers (the background refill of the random pool). */
    dispose() { for (const t of timers) clearTimeout(t); timers.clear(); },
  };
}

module.exports = { createRuntime, mvpError, KEY_LIMIT, TOTAL_LIMIT, ABSENT };
