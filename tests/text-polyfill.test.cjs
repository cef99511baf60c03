'use strict';
// The WeChat entry's file-local UTF-8 TextEncoder/TextDecoder against Node's native ones.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { root } = require('./helpers.cjs');

function loadPolyfill() {
  const src = fs.readFileSync(path.join(root, 'crates/wasm/js/weapp-text.js'), 'utf8');
  const ctx = vm.createContext({});
  vm.runInContext(`(function () {\n${src}\nglobalThis.__enc = TextEncoder; globalThis.__dec = TextDecoder;\n})();`, ctx);
  // In a bare context there is no host TextEncoder, so these must be the polyfills.
  assert.equal(vm.runInContext('typeof globalThis.TextEncoder', ctx), 'undefined');
  return { Enc: ctx.__enc, Dec: ctx.__dec };
}

function seeded(seed) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

test('encoder matches native on 20,000 random strings incl. astral chars and lone surrogates', () => {
  const { Enc } = loadPolyfill();
  const enc = new Enc();
  const native = new TextEncoder();
  const rnd = seeded(1);
  const pools = [[0, 0x7f], [0x80, 0x7ff], [0x800, 0xffff], [0xd800, 0xdfff], [0x10000, 0x10ffff]];
  for (let i = 0; i < 20000; i++) {
    let s = '';
    const len = Math.floor(rnd() * 12);
    for (let j = 0; j < len; j++) {
      const [lo, hi] = pools[Math.floor(rnd() * pools.length)];
      const cp = lo + Math.floor(rnd() * (hi - lo + 1));
      s += cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    }
    assert.deepEqual([...enc.encode(s)], [...native.encode(s)], JSON.stringify(s));
  }
});

test('decoder matches native on 20,000 random byte strings (valid and invalid UTF-8)', () => {
  const { Dec } = loadPolyfill();
  const dec = new Dec('utf-8', { ignoreBOM: true });
  const native = new TextDecoder('utf-8', { ignoreBOM: true });
  const rnd = seeded(2);
  const interesting = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x90, 0x8f];
  for (let i = 0; i < 20000; i++) {
    const len = Math.floor(rnd() * 10);
    const bytes = new Uint8Array(len);
    for (let j = 0; j < len; j++) {
      bytes[j] = rnd() < 0.6 ? interesting[Math.floor(rnd() * interesting.length)] : Math.floor(rnd() * 256);
    }
    assert.equal(dec.decode(bytes), native.decode(bytes), `[${[...bytes]}]`);
  }
  const long = new TextEncoder().encode('护理'.repeat(50000));
  assert.equal(dec.decode(long), native.decode(long));
  assert.equal(dec.decode(), '');
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x41]);
  assert.equal(dec.decode(bom), native.decode(bom), 'ignoreBOM keeps the BOM');
});
