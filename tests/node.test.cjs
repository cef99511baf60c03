'use strict';
// The Node entry of the built package: require('@homecare/core') through pkg/package.json.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pkgDir, garbage } = require('./helpers.cjs');

const core = require(pkgDir);
const pkgJson = require(path.join(pkgDir, 'package.json'));

test('require() is synchronous and ready; init() resolves to the same API', async () => {
  assert.equal(core.version(), pkgJson.version);
  assert.equal(await core.init(), core);
});

test('selfTest passes and its samples arrive intact on the JS side', () => {
  const r = core.selfTest();
  assert.equal(r.ok, true);
  assert.equal(r.version, pkgJson.version);
  assert.equal(r.locale, 'zh-CN');
  assert.deepEqual(r.checks.map((c) => [c.name, c.ok]),
    [['strings', true], ['nested', true], ['bytes', true], ['errorResult', true]]);
  // The same literals typed in JS: CJK, an astral CJK character (2 UTF-16 units), an emoji
  // with a modifier, the minority-name middle dot, full-width digits, an embedded NUL.
  assert.deepEqual(r.sample.texts,
    ['张三', '𠮷野家', '👵🏻 王奶奶', '阿依古丽·买买提', '１３８００１３８０００', 'a\u0000b']);
  assert.equal(r.sample.texts[1].length, 4);
  assert.deepEqual(r.sample.nested, {
    name: '𠮷田 花子', age: 82, note: null,
    contacts: [{ relation: '女儿', mobile: '13800138000' }, { relation: '儿子', mobile: '13900139000' }],
  });
  assert.ok(r.sample.bytes instanceof Uint8Array);
  assert.deepEqual([...r.sample.bytes], Array.from({ length: 256 }, (_, i) => i));
  assert.deepEqual(r.errorResult, {
    ok: false,
    errors: [{
      path: 'sample.mobile', code: 'selftest.sample_error',
      params: { field: 'mobile', digits: 11 },
      message: '这是自检用的示例错误：mobile 应为 11 位数字。',
    }],
  });
});

test('selfTest renders the sample error in English on request', () => {
  const r = core.selfTest({ locale: 'en' });
  assert.equal(r.locale, 'en');
  assert.equal(r.errorResult.errors[0].message, 'Sample error for the self-test: mobile should have 11 digits.');
});

test('garbage of every type is a HomecareError or a default, never a trap; the module keeps answering', () => {
  const outcomes = {};
  for (const [name, value] of garbage()) {
    let outcome;
    try {
      const r = core.selfTest(value);
      outcome = r.ok ? 'ok' : 'not ok';
    } catch (e) {
      assert.ok(e instanceof core.HomecareError, `${name}: ${e && e.stack}`);
      assert.match(e.code, /^arg\./, name);
      assert.equal(typeof e.message, 'string');
      outcome = e.code;
    }
    outcomes[name] = outcome;
    assert.equal(core.version(), pkgJson.version, `still answers after ${name}`);
    assert.equal(core.selfTest().ok, true, `still passes after ${name}`);
  }
  // Only "no options" means defaults; everything else that is not a plain options bag is misuse.
  assert.equal(outcomes.undefined, 'ok');
  assert.equal(outcomes.null, 'ok');
  assert.equal(outcomes.object, 'ok');
  for (const name of ['zero', 'bigint', 'true', 'empty string', '1 MB string', 'symbol', 'function', 'array', 'deep array']) {
    assert.equal(outcomes[name], 'arg.invalid_type', name);
  }
  for (const name of ['locale unknown', 'locale surrogate', 'locale 1 MB', 'throwing getter', 'proxy']) {
    assert.equal(outcomes[name], 'arg.invalid_value', name);
  }
  assert.equal(outcomes['locale number'], 'arg.invalid_type');
});

test('HomecareError carries code, params and a message; instanceof works for errors from wasm', () => {
  try {
    core.selfTest(7);
    assert.fail('should throw');
  } catch (e) {
    assert.ok(e instanceof Error);
    assert.ok(e instanceof core.HomecareError);
    assert.equal(e.name, 'HomecareError');
    assert.equal(e.code, 'arg.invalid_type');
    assert.deepEqual(e.params, { name: 'options', expected: 'object' });
    assert.equal(e.message, 'Expected options to be of type object.');
  }
  const own = new core.HomecareError('x.y', 'msg');
  assert.ok(own instanceof core.HomecareError);
  assert.ok(!(new Error('plain') instanceof core.HomecareError));
});

test('randomUuid: RFC 9562 version 4 layout, no repeats in 20,000', () => {
  const seen = new Set();
  for (let i = 0; i < 20000; i++) {
    const u = core.randomUuid();
    assert.match(u, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    seen.add(u);
  }
  assert.equal(seen.size, 20000);
});

test('the package exports exactly what its types declare', () => {
  const dts = fs.readdirSync(pkgDir).filter((f) => /^(base|f-.*)\.d\.ts$/.test(f))
    .map((f) => fs.readFileSync(path.join(pkgDir, f), 'utf8')).join('\n');
  const declared = [...dts.matchAll(/^export declare (?:function|class|const) (\w+)/gm)].map((m) => m[1]);
  const runtime = Object.keys(core).filter((k) => k !== 'init');
  assert.deepEqual(runtime.sort(), [...new Set(declared)].sort());
});

test('package.json maps the three entries to files that exist', () => {
  for (const [entry, target] of Object.entries(pkgJson.exports)) {
    const files = typeof target === 'string' ? [target] : Object.values(target);
    for (const f of files) assert.ok(fs.existsSync(path.join(pkgDir, f)), `${entry} → ${f}`);
  }
  const size = require(path.join(pkgDir, 'size.json'));
  assert.ok(size.wasm.brotli > 0 && size.wasm.brotli <= size.budget.brotliWasm);
});

test('strings of every shape cross the boundary intact, through both glue paths (short and long)', () => {
  // __benchCompact echoes its trimmed first argument: a direct probe of the string glue.
  const raw = require(path.join(pkgDir, 'homecare_node.cjs'));
  let s = 7;
  const rnd = () => { s = (s * 1103515245 + 12345) >>> 0; return s / 2 ** 32; };
  const ranges = [[0x21, 0x7e], [0x80, 0x7ff], [0x800, 0xd7ff], [0xd800, 0xdfff], [0xe000, 0xfffd], [0x10000, 0x10ffff]];
  for (let i = 0; i < 5000; i++) {
    const len = Math.floor(rnd() * 100);
    let str = 'a';
    for (let j = 0; j < len; j++) {
      const [lo, hi] = ranges[Math.floor(rnd() * ranges.length)];
      const cp = lo + Math.floor(rnd() * (hi - lo + 1));
      str += cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    }
    str += 'z';
    const echoed = raw.__benchCompact(str, '', 0).split('\u001f')[0];
    assert.equal(echoed, str.toWellFormed(), JSON.stringify(str));
  }
});
