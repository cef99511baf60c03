'use strict';
// Shared paths and helpers of the JS suites.
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// HOMECARE_PKG_DIR points the package suites at a variant build (scripts/test.mjs runs the
// crypto suite again against the 国密 build).
const pkgDir = process.env.HOMECARE_PKG_DIR ? path.resolve(process.env.HOMECARE_PKG_DIR) : path.join(root, 'pkg');
const miniprogramDir = path.join(root, 'miniprogram');

/** Values of every JS type a careless caller might pass. */
function garbage() {
  const deep = [];
  let cur = deep;
  for (let i = 0; i < 10000; i++) { const next = []; cur.push(next); cur = next; }
  const throwing = {};
  Object.defineProperty(throwing, 'locale', { get() { throw new Error('getter throws'); }, enumerable: true });
  return [
    ['undefined', undefined], ['null', null], ['zero', 0], ['NaN', NaN], ['Infinity', Infinity],
    ['negative', -1], ['bigint', 10n], ['true', true], ['empty string', ''],
    ['1 MB string', 'x'.repeat(1 << 20)], ['lone high surrogate', '\uD800'], ['lone low surrogate', 'a\uDC00b'],
    ['symbol', Symbol('s')], ['function', () => 1], ['array', [1, 2]], ['deep array', deep],
    ['object', { a: 1 }], ['throwing getter', throwing], ['Uint8Array', new Uint8Array(4)],
    ['Date', new Date(0)], ['Map', new Map()], ['proxy', new Proxy({}, { get() { throw new Error('trap'); } })],
    ['locale number', { locale: 5 }], ['locale unknown', { locale: 'fr' }],
    ['locale surrogate', { locale: '\uD800' }], ['locale 1 MB', { locale: 'z'.repeat(1 << 20) }],
  ];
}

module.exports = { root, pkgDir, miniprogramDir, garbage };
