'use strict';
// Identity exports of the Node entry, replaying the same JSON vectors as the Rust tests.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { root, pkgDir, garbage } = require('./helpers.cjs');

const core = require(pkgDir);
const vectors = (name) => require(path.join(root, 'tests/vectors/identity', name));

test('valid-number vectors: every field, through parseIdNumber and parseIdNumbers', () => {
  const v = vectors('id_valid.json');
  const batch = core.parseIdNumbers(v.cases.map((c) => c.input), { asOf: v.asOf });
  v.cases.forEach((c, i) => {
    const r = core.parseIdNumber(c.input, { asOf: v.asOf, ...(c.kinds ? { kinds: c.kinds } : {}) });
    assert.equal(r.ok, true, `${c.input}: ${JSON.stringify(r)}`);
    const expected = { kind: c.kind, normalized: c.normalized, birthDate: c.birthDate ?? null, sex: c.sex ?? null,
      age: c.age ?? null, region: c.region ?? null, warnings: c.warnings ?? [] };
    if (c.upgraded) expected.upgraded = c.upgraded;
    if (c.nationality) expected.nationality = c.nationality;
    assert.deepEqual(r.value, expected, c.source);
    assert.deepEqual(r.warnings.map((w) => w.code), expected.warnings);
    if (!c.kinds) assert.deepEqual(batch[i], r, `batch ${c.input}`);
  });
});

test('invalid-number vectors: exact codes and params, with messages in both locales', () => {
  const v = vectors('id_invalid.json');
  for (const c of v.cases) {
    const r = core.parseIdNumber(c.input, { asOf: v.asOf, ...(c.kinds ? { kinds: c.kinds } : {}) });
    assert.equal(r.ok, false, `${c.source}: ${c.input}`);
    assert.deepEqual(r.errors.map((e) => e.code), c.errors, c.source);
    if (c.params) assert.deepEqual(r.errors[0].params, c.params, c.source);
    for (const e of r.errors) {
      assert.equal(e.path, '');
      assert.ok(e.message.length > 0 && !e.message.includes('{'), e.message);
      assert.match(e.message, /[\u4e00-\u9fff]/, 'zh-CN by default');
    }
    const en = core.parseIdNumber(c.input, { asOf: v.asOf, locale: 'en', ...(c.kinds ? { kinds: c.kinds } : {}) });
    assert.deepEqual(en.errors.map((e) => e.code), c.errors);
    assert.doesNotMatch(en.errors[0].message, /[\u4e00-\u9fff]/, 'English message');
  }
});

test('checksum error names the expected character; ints come back as numbers', () => {
  const r = core.parseIdNumber('110105194912310021', { asOf: '2024-01-01' });
  assert.deepEqual(r.errors[0].params, { expected: 'X' });
  const len = core.parseIdNumber('1101051949123100212');
  assert.deepEqual(len.errors[0].params, { actual: 19 });
});

test('cached problem messages follow the locale and setMessages', () => {
  const bad = '110105194912310021';
  const messageOf = (r) => r.errors[0].message;
  const zh = messageOf(core.parseIdNumber(bad, { asOf: '2024-01-01' }));
  const en = messageOf(core.parseIdNumber(bad, { asOf: '2024-01-01', locale: 'en' }));
  assert.match(zh, /[\u4e00-\u9fff]/);
  assert.doesNotMatch(en, /[\u4e00-\u9fff]/);
  // Alternating locales never serves a cached message of the other one.
  for (let i = 0; i < 3; i++) {
    assert.equal(messageOf(core.parseIdNumbers([bad], { asOf: '2024-01-01' })[0]), zh);
    assert.equal(messageOf(core.parseIdNumber(bad, { asOf: '2024-01-01', locale: 'en' })), en);
  }
  core.setMessages('zh-CN', { 'id.checksum_mismatch': '最后一位应是{expected}' });
  try {
    assert.equal(messageOf(core.parseIdNumber(bad, { asOf: '2024-01-01' })), '最后一位应是X');
    assert.equal(messageOf(core.parseIdNumbers([bad], { asOf: '2024-01-01' })[0]), '最后一位应是X');
    assert.equal(messageOf(core.parseIdNumber(bad, { asOf: '2024-01-01', locale: 'en' })), en);
  } finally {
    core.setMessages('zh-CN', {});
  }
  assert.equal(messageOf(core.parseIdNumber(bad, { asOf: '2024-01-01' })), zh);
  // Results never share objects, so a caller may change one freely.
  const [a, b] = core.parseIdNumbers([bad, bad], { asOf: '2024-01-01' });
  a.errors[0].params.expected = 'changed';
  assert.equal(b.errors[0].params.expected, 'X');
  assert.equal(core.parseIdNumber(bad, { asOf: '2024-01-01' }).errors[0].params.expected, 'X');
});

test('asOf defaults to today in local time: age and birthdate_future follow it', () => {
  const now = new Date();
  const r = core.parseIdNumber('11010519491231002X');
  const birthdayPassed = now.getMonth() === 11 && now.getDate() === 31;
  assert.equal(r.value.age, now.getFullYear() - 1949 - (birthdayPassed ? 0 : 1));
  const future = core.fakeIdNumber({ seed: 5, birthDate: `${now.getFullYear() + 1}-01-01` });
  assert.equal(core.parseIdNumber(future).errors[0].code, 'id.birthdate_future');
  assert.equal(core.parseIdNumber(future, { asOf: `${now.getFullYear() + 2}-01-01` }).ok, true);
});

test('fakeIdNumber: deterministic, valid for every kind, and parses back to the requested fields', () => {
  const kinds = ['resident', 'resident15', 'hkPermit', 'moPermit', 'twPermit', 'foreignPermanent2023',
    'foreignPermanent2017', 'hkMoTravelPermit', 'twTravelPermit', 'passport'];
  for (const kind of kinds) {
    for (let seed = 0; seed < 50; seed++) {
      const n = core.fakeIdNumber({ kind, seed });
      assert.equal(n, core.fakeIdNumber({ kind, seed }), 'same seed, same number');
      const r = core.parseIdNumber(n, { asOf: '2025-06-01', kinds: [kind] });
      assert.equal(r.ok, true, `${kind} ${n}: ${JSON.stringify(r.errors)}`);
      assert.equal(r.value.kind, kind);
    }
  }
  const n = core.fakeIdNumber({ seed: 9, region: '110105', birthDate: '1950-02-28', sex: 'female' });
  const r = core.parseIdNumber(n, { asOf: '2025-06-01' });
  assert.equal(r.value.region.code, '110105');
  assert.equal(r.value.birthDate, '1950-02-28');
  assert.equal(r.value.sex, 'female');
  for (const bad of [{}, { seed: -1 }, { seed: 1.5 }, { seed: 'x' }, { seed: 1, kind: 'nope' }, { seed: 1, birthDate: '1950-02-30' }, null, 5]) {
    assert.throws(() => core.fakeIdNumber(bad), (e) => e instanceof core.HomecareError, JSON.stringify(bad));
  }
});

test('batch of 10,000 mixed numbers equals 10,000 single parses', () => {
  const inputs = [];
  for (let i = 0; i < 10000; i++) {
    let n = core.fakeIdNumber({ seed: i, kind: i % 7 === 0 ? 'resident15' : 'resident' });
    if (i % 3 === 0) n = n.slice(0, 17) + ((Number(n[17]) + 1) % 10); // break the check digit (or keep kind 15)
    if (i % 11 === 0) n = ` ${n.slice(0, 6)}-${n.slice(6)}\n`;
    inputs.push(n);
  }
  const batch = core.parseIdNumbers(inputs, { asOf: '2025-06-01' });
  assert.equal(batch.length, inputs.length);
  inputs.forEach((n, i) => assert.deepEqual(batch[i], core.parseIdNumber(n, { asOf: '2025-06-01' }), JSON.stringify(n)));
  assert.ok(batch.some((r) => r.ok) && batch.some((r) => !r.ok));
  // Batch lines carry each distinct problem's message once; every result still has its own
  // message and params objects, in either locale.
  const en = core.parseIdNumbers(inputs.slice(0, 500), { asOf: '2025-06-01', locale: 'en' });
  en.forEach((r, i) => assert.deepEqual(r, core.parseIdNumber(inputs[i], { asOf: '2025-06-01', locale: 'en' })));
  const failures = batch.filter((r) => !r.ok);
  assert.notEqual(failures[0].errors[0], failures[1].errors[0]);
  assert.notEqual(failures[0].errors[0].params, failures[1].errors[0].params);
  assert.deepEqual(core.parseIdNumbers([]), []);
});

test('a batch of every kind, broken and whole, plain or with odd characters, equals single parses', () => {
  const asOf = { asOf: '2025-06-01' };
  const inputs = Array.from({ length: 3000 }, (_, i) => {
    const kind = ['resident', 'resident15', 'hkPermit', 'twTravelPermit', 'passport'][i % 5];
    let n = core.fakeIdNumber({ seed: 50000 + i, kind });
    if (i % 4 === 0) n = n.slice(0, -1) + ((Number(n[n.length - 1]) + 1) % 10);
    return n;
  });
  const lists = [
    inputs,
    [...inputs, '１１０１０５１９４９１２３１００２Ｘ'],
    [...inputs.slice(0, 10), '110105\n19491231002X', ...inputs.slice(10, 20)],
    ['', '\n', 'x'],
  ];
  for (const list of lists) {
    const batch = core.parseIdNumbers(list, asOf);
    assert.equal(batch.length, list.length);
    list.forEach((n, i) => assert.deepEqual(batch[i], core.parseIdNumber(n, asOf), JSON.stringify(n)));
  }
  assert.equal(core.parseIdNumbers(lists[2], asOf)[10].ok, true);
});

test('contact and certificate vectors', () => {
  const fns = { mobile: core.validateMobile, landline: core.validateLandline, name: core.validateName,
    email: core.validateEmail, uscc: core.validateUscc, eldercare: core.validateEldercareCertificate,
    physician: core.validatePhysicianCertificate, nurse: core.validateNurseCertificate };
  for (const c of vectors('contact.json').cases) {
    const r = fns[c.fn](c.input, c.options);
    if (c.errors) {
      assert.equal(r.ok, false, `${c.fn} ${c.input}`);
      assert.deepEqual(r.errors.map((e) => e.code), c.errors, `${c.fn} ${c.input}`);
      assert.ok(r.errors.every((e) => e.message && !e.message.includes('{')));
    } else {
      assert.equal(r.ok, true, `${c.fn} ${c.input}: ${JSON.stringify(r)}`);
      assert.equal(r.value.normalized, c.normalized);
    }
  }
});

test('names: astral characters count once, middle dots normalise, digits and emoji are refused', () => {
  assert.equal(core.validateName('𠮷野').value.normalized, '𠮷野');
  assert.equal(core.validateName('阿依古丽•买买提').value.normalized, '阿依古丽·买买提');
  assert.equal(core.validateName('阿依古丽・买买提').value.normalized, '阿依古丽·买买提');
  assert.equal(core.validateName('张3').ok, false);
  assert.equal(core.validateName('张三👍').ok, false);
  assert.equal(core.validateName('Zhang San').ok, false);
  assert.equal(core.validateName('Zhang San', { allowLatin: true }).ok, true);
});

test('mask vectors, fail-closed shapes, and astral characters', () => {
  for (const c of vectors('mask.json').cases) {
    assert.equal(core.mask(c.value, c.kind, c.options), c.expected, `${c.kind} ${c.value}`);
  }
  assert.equal(core.mask(13812345678, 'mobile'), '138****5678');
  for (const kind of ['mobile', 'idNumber', 'email', 'bankCard', 'ipv4', 'landline']) {
    const out = core.mask('12', kind);
    assert.notEqual(out, '12', kind);
    assert.doesNotMatch(out, /[0-9]/, `${kind} leaks digits: ${out}`);
  }
  assert.equal([...core.mask('𠮷田花子', 'name')].length, 4);
  assert.throws(() => core.mask('x', 'nope'), (e) => e.code === 'arg.invalid_value');
});

test('maskObject masks by path and leaves the input untouched', () => {
  const input = { name: '张三丰', contacts: [{ phone: '13812345678' }, { phone: '13912345678' }], id: '11010519491231002X' };
  const copy = structuredClone(input);
  const out = core.maskObject(input, { name: 'name', 'contacts[*].phone': 'mobile', id: { kind: 'custom', keepStart: 3, keepEnd: 4 } });
  assert.deepEqual(out, { name: '张**', contacts: [{ phone: '138****5678' }, { phone: '139****5678' }], id: '110***********002X' });
  assert.deepEqual(input, copy);
  assert.throws(() => core.maskObject(input, { 'contacts[x]': 'mobile' }), core.HomecareError);
  const cyclic = {}; cyclic.self = cyclic;
  assert.throws(() => core.maskObject(cyclic, {}), (e) => e.code === 'arg.invalid_value');
});

test('keyedDigest matches across formats and refuses short keys', () => {
  const key = new Uint8Array(32).fill(7);
  const a = core.keyedDigest('11010519491231002x', key);
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.equal(core.keyedDigest('110105 19491231 002X', key), a);
  assert.notEqual(core.keyedDigest('11010519491231002X', new Uint8Array(32).fill(8)), a);
  assert.throws(() => core.keyedDigest('x', new Uint8Array(8)), (e) => e instanceof core.HomecareError && e.params.min === 16);
  assert.throws(() => core.keyedDigest('x', [1, 2, 3]), (e) => e.code === 'arg.invalid_type');
});

test('garbage through every identity export: error result or HomecareError, never a trap', () => {
  const calls = {
    parseIdNumber: (v) => core.parseIdNumber(v), parseIdNumberOpts: (v) => core.parseIdNumber('11010519491231002X', v),
    parseIdNumbers: (v) => core.parseIdNumbers(v), parseIdNumbersItem: (v) => core.parseIdNumbers(['1', v]),
    fakeIdNumber: (v) => core.fakeIdNumber(v), validateMobile: (v) => core.validateMobile(v),
    validateName: (v) => core.validateName(v), validateNameOpts: (v) => core.validateName('张三', v),
    mask: (v) => core.mask(v, 'mobile'), maskKind: (v) => core.mask('13800138000', v),
    maskOpts: (v) => core.mask('13800138000', 'custom', v), maskObject: (v) => core.maskObject(v, { a: 'name' }),
    maskObjectRules: (v) => core.maskObject({ a: 'x' }, v), keyedDigest: (v) => core.keyedDigest('x', v),
  };
  for (const [fname, call] of Object.entries(calls)) {
    for (const [gname, value] of garbage()) {
      try {
        const r = call(value);
        if (r && typeof r === 'object' && 'ok' in r && !r.ok) assert.ok(r.errors.length > 0);
      } catch (e) {
        assert.ok(e instanceof core.HomecareError, `${fname}(${gname}) threw ${e && e.stack}`);
      }
      assert.equal(core.parseIdNumber('11010519491231002X', { asOf: '2024-06-01' }).value.age, 74, `${fname}(${gname}) broke the module`);
    }
  }
  assert.equal(core.parseIdNumber('x'.repeat(1 << 20)).errors[0].code, 'id.length');
  assert.equal(core.parseIdNumber('\uD800').errors[0].code, 'id.charset');
});
