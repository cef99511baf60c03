'use strict';
// Forms exports of the Node entry: the Rust vectors replayed through the boundary with the real
// identity rules, live field checks, schemas registered at run time, setMessages, limits and
// garbage.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { root, pkgDir, garbage } = require('./helpers.cjs');

const core = require(pkgDir);
const vectorDir = path.join(root, 'tests/vectors/forms');
const files = fs.readdirSync(vectorDir).filter((f) => f.endsWith('.json'));
const HAN = /[\u4e00-\u9fff]/;

test('every forms vector replays through validateForm with the same ok, value, paths and codes', () => {
  let n = 0;
  for (const f of files) {
    const v = JSON.parse(fs.readFileSync(path.join(vectorDir, f), 'utf8'));
    for (const c of v.cases) {
      n++;
      const name = `${v.form} / ${c.name}`;
      const r = core.validateForm(v.form, c.data, c.options || v.options);
      assert.equal(r.ok, c.ok, `${name}: ${JSON.stringify(r.errors)}`);
      if (c.value) assert.deepEqual(r.value, c.value, name);
      if (c.errors) {
        assert.deepEqual(r.errors.map((e) => e.path), c.errors.map((e) => e.path), name);
        c.errors.forEach((want, i) => {
          if (!want.identity) assert.equal(r.errors[i].code, want.code, name);
        });
      }
      for (const e of r.errors) {
        assert.ok(e.message && !e.message.includes('{'), `${name}: ${e.message}`);
        assert.match(e.message, HAN, `${name}: zh-CN by default`);
      }
      // fieldErrors: first message per path, exactly the paths that have errors.
      const first = {};
      for (const e of r.errors) if (!(e.path in first)) first[e.path] = e.message;
      assert.deepEqual(r.fieldErrors, first, name);
    }
  }
  assert.ok(n >= 90, `only ${n} cases`);
});

test('errors carry path, code, params and a message in the requested locale', () => {
  const data = { emergencyContacts: [{ name: '李建国', relationship: 'spouse', mobile: '13912345678' },
    { name: '李小红', relationship: 'child', mobile: '1391234567' }] };
  const zh = core.validateForm('register.emergencyContacts', data, { asOf: '2026-11-30' });
  assert.equal(zh.ok, false);
  const e = zh.errors.find((x) => x.path === 'emergencyContacts[1].mobile');
  assert.ok(e, JSON.stringify(zh.errors));
  assert.equal(typeof e.code, 'string');
  assert.equal(typeof e.params.actual, 'number');
  assert.equal(zh.fieldErrors['emergencyContacts[1].mobile'], e.message);
  const en = core.validateForm('register.emergencyContacts', data, { asOf: '2026-11-30', locale: 'en' });
  assert.doesNotMatch(en.fieldErrors['emergencyContacts[1].mobile'], HAN);
});

test('mode firstPerField keeps one error per path', () => {
  const data = { docKind: 'resident', idNumber: '', name: '' };
  const all = core.validateForm('staff.onboarding', {}, { asOf: '2026-11-30' });
  const first = core.validateForm('staff.onboarding', {}, { asOf: '2026-11-30', mode: 'firstPerField' });
  const paths = first.errors.map((x) => x.path);
  assert.equal(new Set(paths).size, paths.length);
  assert.ok(all.errors.length >= first.errors.length);
  assert.equal(core.validateForm('register.realName', data).ok, false);
  assert.throws(() => core.validateForm('feedback', {}, { mode: 'some' }), (x) => x instanceof core.HomecareError);
});

test('ID numbers are really checked (homecare-identity), with the identity message', () => {
  const r = core.validateForm('register.realName', { docKind: 'resident', idNumber: '110105195003080021', name: '王秀英' },
    { asOf: '2026-11-30' });
  assert.equal(r.errors[0].code, 'id.checksum_mismatch');
  assert.equal(r.errors[0].params.expected, '2');
  assert.match(r.fieldErrors.idNumber, /2/);
  const staff = core.validateField('staff.onboarding', 'idNumber', { idNumber: 'E12345678' }, { asOf: '2026-11-30' });
  assert.equal(staff.ok, false);
});

test('validateField: live check of one field, its normalised value, cross-field partners', () => {
  const ok = core.validateField('login.sms', 'mobile', { mobile: '+86 138 0013 8000' });
  assert.deepEqual(ok, { ok: true, value: '13800138000', errors: [], fieldErrors: {} });
  const bad = core.validateField('register.emergencyContacts', 'emergencyContacts[1].mobile',
    { emergencyContacts: [{ mobile: '13912345678' }, { mobile: '139' }] }, { asOf: '2026-11-30' });
  assert.equal(bad.ok, false);
  assert.ok(bad.errors.every((e) => e.path.startsWith('emergencyContacts[1].mobile')), JSON.stringify(bad.errors));
  assert.throws(() => core.validateField('login.sms', 'nope', {}), (e) => e.code === 'form.unknown_field');
  assert.throws(() => core.validateForm('no.such.form', {}), (e) => e instanceof core.HomecareError && e.code === 'form.unknown');
});

test('asOf defaults to today in local time', () => {
  const now = new Date();
  const y = now.getFullYear();
  const tomorrow = new Date(y, now.getMonth(), now.getDate() + 1);
  const p = (n) => String(n).padStart(2, '0');
  const future = `${tomorrow.getFullYear()}-${p(tomorrow.getMonth() + 1)}-${p(tomorrow.getDate())}`;
  const today = `${y}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
  const id = core.fakeIdNumber({ seed: 3, birthDate: future });
  const r = core.validateField('staff.onboarding', 'idNumber', { idNumber: id });
  assert.equal(r.ok, false);
  const t = core.fakeIdNumber({ seed: 3, birthDate: today });
  assert.equal(core.validateField('staff.onboarding', 'idNumber', { idNumber: t }).ok, true);
});

test('registerSchema: a new form, a newer version, clear errors for malformed schemas', () => {
  const schema = { id: 'test.pet', version: 1, label: { 'zh-CN': '宠物', en: 'pet' },
    fields: [{ name: 'petName', type: 'string', required: true, maxLength: 10, label: { 'zh-CN': '宠物名字', en: 'pet name' } }] };
  assert.deepEqual(core.registerSchema(schema), { ok: true, id: 'test.pet', version: 1 });
  assert.equal(core.validateForm('test.pet', {}).fieldErrors.petName.includes('宠物名字'), true);
  const again = core.registerSchema(JSON.stringify(schema));
  assert.equal(again.ok, false);
  assert.equal(again.errors[0].code, 'schema.version_not_newer');
  assert.deepEqual(core.registerSchema({ ...schema, version: 2, fields: [] }), { ok: true, id: 'test.pet', version: 2 });
  assert.equal(core.validateForm('test.pet', {}).ok, true);
  // A newer built-in replaces the compiled-in one.
  // (order.refund: no later test in this file uses it.)
  assert.equal(core.validateForm('order.refund', {}).ok, false);
  assert.equal(core.registerSchema({ id: 'order.refund', version: 99, fields: [] }).ok, true);
  assert.equal(core.validateForm('order.refund', {}).ok, true);
  assert.ok(core.listForms().some((f) => f.id === 'order.refund' && f.version === 99));
  for (const bad of ['{', '[]', '{"id":"x"}', JSON.stringify({ id: 'y', version: 1, fields: [{ name: 'a', type: 'nope' }] }),
    '['.repeat(100000)]) {
    const r = core.registerSchema(bad);
    assert.equal(r.ok, false, bad.slice(0, 40));
    assert.ok(r.errors.length > 0 && r.errors.every((e) => e.code.includes('.') && e.message && !e.message.includes('{')));
  }
  const en = core.registerSchema('{', { locale: 'en' });
  assert.doesNotMatch(en.errors[0].message, HAN);
});

test('setMessages rewords messages of every export, checks templates, and resets with {}', () => {
  try {
    core.setMessages('zh-CN', { 'field.required': '{label}还没填哦', 'id.checksum_mismatch': '最后一位应是{expected}' });
    assert.equal(core.validateForm('login.sms', {}).fieldErrors.mobile, '手机号还没填哦');
    assert.equal(core.parseIdNumber('110105194912310021').errors[0].message, '最后一位应是X');
    assert.equal(core.validateForm('login.sms', {}, { locale: 'en' }).fieldErrors.mobile.includes('还没'), false);
    assert.throws(() => core.setMessages('zh-CN', { 'field.required': '没填' }),
      (e) => e instanceof core.HomecareError && e.code === 'override.params_mismatch' && e.errors.length === 1);
    assert.throws(() => core.setMessages('zh-CN', { 'no.such.code': 'x' }), (e) => e.code === 'override.unknown_code');
    // A failed call changes nothing.
    assert.equal(core.validateForm('login.sms', {}).fieldErrors.mobile, '手机号还没填哦');
    assert.throws(() => core.setMessages('fr', {}), (e) => e.code === 'arg.invalid_value');
    assert.throws(() => core.setMessages('en', { 'field.required': 5 }), (e) => e.code === 'arg.invalid_type');
  } finally {
    core.setMessages('zh-CN', {});
  }
  assert.notEqual(core.validateForm('login.sms', {}).fieldErrors.mobile, '手机号还没填哦');
});

test('limits on untrusted input are error results', () => {
  const deep = [];
  let cur = deep;
  for (let i = 0; i < 100000; i++) { const next = []; cur.push(next); cur = next; }
  try {
    const r = core.validateForm('feedback', deep);
    assert.equal(r.ok, false);
  } catch (e) {
    assert.ok(e instanceof core.HomecareError, String(e));
  }
  let nested = [1];
  for (let i = 0; i < 20; i++) nested = [nested];
  assert.equal(core.validateForm('feedback', { text: nested }).errors[0].code, 'input.too_deep');
  assert.equal(core.validateForm('feedback', { text: 'x'.repeat(300000) }).errors[0].code, 'input.too_large');
  const long = core.validateForm('feedback', { category: 'service', text: 'x'.repeat(20000) });
  assert.equal(long.ok, false);
  const many = core.validateForm('staff.onboarding', { serviceAreas: new Array(5000).fill('110105') });
  assert.equal(many.ok, false);
  assert.ok(many.errors.length <= 100);
  const tight = core.validateForm('feedback', { text: [[1]] }, { limits: { maxDepth: 2 } });
  assert.equal(tight.errors[0].code, 'input.too_deep');
});

test('garbage through every forms export: error result or HomecareError, never a trap', () => {
  const calls = {
    validateFormId: (v) => core.validateForm(v, {}),
    validateFormData: (v) => core.validateForm('register.emergencyContacts', v),
    validateFormOpts: (v) => core.validateForm('feedback', {}, v),
    validateFormContext: (v) => core.validateForm('register.realName', {}, { context: v }),
    validateFormNested: (v) => core.validateForm('register.emergencyContacts', { emergencyContacts: [{ name: v, mobile: v }, v] }),
    validateFieldPath: (v) => core.validateField('login.sms', v, {}),
    validateFieldData: (v) => core.validateField('login.sms', 'mobile', v),
    validateFieldOpts: (v) => core.validateField('login.sms', 'mobile', {}, v),
    registerSchema: (v) => core.registerSchema(v),
    registerSchemaFields: (v) => core.registerSchema({ id: 'g.x', version: 1, fields: [v] }),
    setMessages: (v) => core.setMessages('en', v),
    setMessagesLocale: (v) => core.setMessages(v, {}),
  };
  for (const [fname, call] of Object.entries(calls)) {
    for (const [gname, value] of garbage()) {
      try {
        const r = call(value);
        if (r && typeof r === 'object' && 'ok' in r && !r.ok) assert.ok(r.errors.length > 0);
      } catch (e) {
        assert.ok(e instanceof core.HomecareError, `${fname}(${gname}) threw ${e && e.stack}`);
      }
      const after = core.validateField('login.sms', 'mobile', { mobile: '13800138000' });
      assert.equal(after.value, '13800138000', `${fname}(${gname}) broke the module`);
    }
  }
  core.setMessages('en', {});
});

test('equal options reuse the last options text; changed or mutated options never do', () => {
  const form = 'register.emergencyContacts';
  const data = { emergencyContacts: [
    { name: '李建国', relationship: 'spouse', mobile: '13912345678' },
    { name: '李小红', relationship: 'child', mobile: '15800001111' },
  ] };
  const context = { mobile: '13800138000' };
  const options = { asOf: '2026-11-30', now: '2026-11-30T09:00', context };
  assert.equal(core.validateForm(form, data, options).ok, true);
  assert.equal(core.validateForm(form, data, { ...options, context: { ...context } }).ok, true);
  // The same context object, mutated in place: the user's own number is now contact 2's.
  context.mobile = '15800001111';
  let r = core.validateForm(form, data, options);
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors.map((e) => [e.path, e.code]), [['emergencyContacts[1].mobile', 'compare.same']]);
  context.mobile = '13800138000';
  assert.equal(core.validateForm(form, data, options).ok, true);
  // An extra key, a key that JSON drops, a value JSON transforms: still exact.
  context.extra = undefined;
  assert.equal(core.validateForm(form, data, options).ok, true);
  context.mobile = { toJSON: () => '15800001111' };
  assert.equal(core.validateForm(form, data, options).ok, false);
  context.mobile = '13800138000';
  r = core.validateField(form, 'emergencyContacts[1].mobile', data, { ...options, context: { mobile: '15800001111' } });
  assert.equal(r.ok, false);
  assert.equal(core.validateForm(form, data, options).ok, true);
  // Bad options still throw after a cached call, and a getter that throws is misuse.
  assert.throws(() => core.validateForm(form, data, { ...options, now: 'soon' }), { code: 'options.invalid' });
  const trap = { ...options, get context() { throw new Error('boom'); } };
  assert.throws(() => core.validateForm(form, data, trap), { code: 'arg.invalid_value' });
  assert.equal(core.validateForm(form, data, options).ok, true);
});

test('asOf, locale and mode that would not survive the short options form still name themselves', () => {
  const data = { mobile: '13800138000', code: '123456' };
  assert.equal(core.validateForm('login.sms', data, { asOf: '2026-11-30', locale: 'en', mode: 'firstPerField' }).ok, true);
  for (const [key, value] of [['asOf', '{"asOf":"2026-11-30"}'], ['asOf', '2026-11-30\u001fen\u001fall'],
    ['locale', 'en\u001fall'], ['mode', 'all\u001f'], ['asOf', '2026-02-30'], ['locale', 'fr'], ['mode', 'some']]) {
    assert.throws(() => core.validateForm('login.sms', data, { asOf: '2026-11-30', [key]: value }),
      (e) => e instanceof core.HomecareError && e.params.name === key, `${key}=${JSON.stringify(value)}`);
    assert.throws(() => core.validateField('login.sms', 'mobile', data, { asOf: '2026-11-30', [key]: value }),
      (e) => e instanceof core.HomecareError && e.params.name === key, `${key}=${JSON.stringify(value)}`);
  }
});
