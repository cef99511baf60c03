'use strict';
// Pricing exports of the Node entry: every JSON vector replayed through the package (the same
// containment matching as crates/pricing/tests/vectors.rs), the engine's lifecycle, and garbage
// at every level of configs and orders.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { root, pkgDir, garbage } = require('./helpers.cjs');

const core = require(pkgDir);
// The exports exist in a build with the `pricing` cargo feature (HOMECARE_FEATURES=pricing);
// without it every test here is reported as skipped, with the reason, never as passed.
const skip = require(path.join(pkgDir, 'homecare_node.cjs')).PricingEngine ? false : 'pricing is not in this build (HOMECARE_FEATURES=pricing)';
const ptest = (name, fn) => test(name, { skip }, fn);
const vectorDir = path.join(root, 'tests/vectors/pricing');
const vectorFiles = fs.readdirSync(vectorDir).filter((f) => f.endsWith('.json')).sort();
const load = (f) => JSON.parse(fs.readFileSync(path.join(vectorDir, f), 'utf8'));
const BASE = load('quote-basics.json').config;

/** `expected` is contained in `actual` (docs/pricing.md §10): the Rust replay's matcher. */
function contains(expected, actual, at) {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${at}: expected an object, actual ${JSON.stringify(actual)}`;
    for (const k of Object.keys(expected)) {
      if (!(k in actual)) return `${at}.${k}: missing in actual`;
      const e = contains(expected[k], actual[k], `${at}.${k}`);
      if (e) return e;
    }
    return null;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, actual ${JSON.stringify(actual)}`;
    if (expected.length !== actual.length) return `${at}: length ${expected.length} != actual ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const e = contains(expected[i], actual[i], `${at}[${i}]`);
      if (e) return e;
    }
    return null;
  }
  return expected === actual ? null : `${at}: expected ${JSON.stringify(expected)}, actual ${JSON.stringify(actual)}`;
}

function check(c, r) {
  if (c.expectErrors) {
    if (r.ok) return `expected errors, got ${JSON.stringify(r.value).slice(0, 300)}`;
    for (const e of r.errors) {
      if (typeof e.message !== 'string' || e.message === '' || e.message.includes('{')) return `bad message ${JSON.stringify(e)}`;
    }
    return contains(c.expectErrors, r.errors.map(({ path: p, code, params }) => ({ path: p, code, params })), 'errors');
  }
  if (!r.ok) return `unexpected errors ${JSON.stringify(r.errors)}`;
  if (r.warnings.length !== 0) return 'warnings on a quote';
  return contains(c.expect, r.value, 'result');
}

const engines = new Map();
function engineFor(config) {
  const key = JSON.stringify(config);
  if (!engines.has(key)) {
    const r = core.PriceEngine.create(config);
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    engines.set(key, r.value);
  }
  return engines.get(key);
}

/** One vector case through the engine, and the same through the one-off functions. */
function run(fileConfig, c) {
  const options = c.locale ? { locale: c.locale } : undefined;
  const config = c.config || fileConfig;
  if (c.kind === 'format') {
    const got = core.formatFen(c.fen, { upper: c.upper });
    return got === c.expect ? null : `format: expected ${c.expect}, got ${got}`;
  }
  if (c.kind === 'config') {
    const created = core.PriceEngine.create(config, options);
    const validated = core.validatePriceConfig(config, options);
    assert.deepEqual(validated.ok ? validated : validated.errors, created.ok ? validated : created.errors);
    let thrown = null;
    try { new core.PriceEngine(config).free(); } catch (e) { thrown = e; }
    if (c.expectErrors) {
      assert.ok(thrown instanceof core.HomecareError && thrown.code === 'pricing.config.invalid', String(thrown));
      assert.deepEqual(thrown.errors, created.errors);
      assert.equal(thrown.params.count, created.errors.length);
    }
    if (created.ok) created.value.free();
    return check(c, created.ok ? { ok: true, value: {}, warnings: [] } : created);
  }
  const engine = engineFor(config);
  const quoted = engine.quote(c.order, options);
  assert.deepEqual(core.quote(c.order, config, options), quoted, 'one-off quote = engine quote');
  if (c.kind === 'quote') return check(c, quoted);
  if (!quoted.ok) return `quote failed: ${JSON.stringify(quoted.errors)}`;
  if (c.kind === 'refund') {
    const r = engine.refund(quoted.value, c.payments, c.event, options);
    assert.deepEqual(core.refund(quoted.value, c.payments, c.event, config, options), r, 'one-off refund = engine refund');
    return check(c, r);
  }
  if (c.kind === 'settlement') return check(c, core.applySettlement(quoted.value, c.settlement, options));
  return `unknown kind ${c.kind}`;
}

ptest('every pricing vector replays through the package', () => {
  let count = 0;
  const failures = [];
  const kinds = new Set();
  for (const f of vectorFiles) {
    const v = load(f);
    for (const c of v.cases) {
      count++;
      kinds.add(c.kind);
      const e = run(v.config, c);
      if (e) failures.push(`${f} / ${c.name}: ${e}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(count >= 110, `only ${count} cases`);
  assert.deepEqual([...kinds].sort(), ['config', 'format', 'quote', 'refund', 'settlement']);
});

ptest('the replay matcher can fail', () => {
  assert.ok(contains({ a: 1 }, { a: 2 }, ''));
  assert.ok(contains([1], [1, 2], ''));
  assert.ok(contains({ a: {} }, { b: 1 }, ''));
  assert.equal(contains({ a: [{}] }, { a: [{ x: 1 }], b: 2 }, ''), null);
  const c = { kind: 'quote', expect: { totals: { payable: 1 } } };
  assert.ok(check(c, { ok: true, value: { totals: { payable: 2 } }, warnings: [] }));
});

const ORDER = {
  items: [{ itemId: 'wound', quantity: 1 }, { itemId: 'rehab', minutes: 45 }],
  consumables: [{ id: 'dressing', quantity: 1 }], distanceMetres: 5200,
  appointmentStart: '2026-12-01T22:30', bookedAt: '2026-11-30T20:00',
  couponId: 'PCT10', points: 1000, paymentPlan: 'deposit',
};

ptest('an engine quotes many orders from one config; messages follow the locale', () => {
  const engine = new core.PriceEngine(BASE);
  try {
    const a = engine.quote(ORDER);
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    assert.deepEqual(a.warnings, []);
    assert.equal(a.value.totals.payable, a.value.lines.reduce((s, l) => s + l.net, 0));
    assert.match(a.value.lines[0].explanation, /伤口换药/);
    for (let i = 0; i < 500; i++) assert.deepEqual(engine.quote(ORDER), a);
    const en = engine.quote(ORDER, { locale: 'en' });
    assert.equal(en.value.totals.payable, a.value.totals.payable);
    assert.doesNotMatch(en.value.lines[0].explanation, /次/);
    const bad = engine.quote({ ...ORDER, couponId: 'OLD' }, { locale: 'en' });
    assert.equal(bad.ok, false);
    assert.deepEqual(bad.errors.map((e) => [e.path, e.code]), [['couponId', 'pricing.coupon.expired']]);
    assert.equal(bad.errors[0].params.until, '2026-06-30T23:59');
    assert.match(bad.errors[0].message, /expired/);
    assert.match(engine.quote({ ...ORDER, couponId: 'OLD' }).errors[0].message, /过期/);
  } finally { engine.free(); }
});

ptest('engine.quote (wire form, string slots) answers exactly what the JSON path answers', () => {
  // engine.quote sends plain orders in a wire form and the strings that changed since its last
  // quote; the one-off quote sends JSON and parses the quote JSON. One engine, many shapes and
  // taps in a row, so the slots keep changing; results must be deep-equal every time.
  const engine = new core.PriceEngine(BASE);
  const item = (itemId, m) => (itemId === 'rehab' ? { itemId, minutes: m } : { itemId, quantity: m });
  class Order { constructor(o) { Object.assign(this, o); } }
  const shapes = [
    ORDER,
    { ...ORDER, couponId: null, points: null, consumables: null, newUser: null, packageId: null, paymentPlan: null },
    { ...ORDER, couponId: undefined, extra: undefined, newUser: true },
    { ...ORDER, items: [{ itemId: 'rehab', quantity: null, minutes: 61 }, { itemId: 'wound', quantity: 1, minutes: undefined }] },
    { ...ORDER, items: [{ itemId: '伤口', quantity: 1 }] },
    { ...ORDER, items: [{ itemId: 'wound', quantity: 1.5 }] },
    { ...ORDER, points: '1000' },
    { ...ORDER, distanceMetres: -1 },
    { ...ORDER, distanceMetres: undefined, from: { lat: 22.52, lng: 113.39 }, to: { lat: 22.53, lng: 113.4 } },
    { ...ORDER, items: [] },
    { ...ORDER, couponId: '' },
    { ...ORDER, appointmentStart: '2026-02-30T09:00' },
    { ...ORDER, items: [{ itemId: 'wound', quantity: 1, note: 'x' }] },
    { ...ORDER, paymentPlan: 'later' },
    Object.assign(Object.create(null), ORDER),
    new Order(ORDER),
  ];
  try {
    for (let round = 0; round < 3; round++) {
      for (const [i, o] of shapes.entries()) {
        const options = { locale: (i + round) % 3 === 0 ? 'en' : 'zh-CN' };
        assert.deepEqual(engine.quote(o, options), core.quote(o, BASE, options), `shape ${i}, round ${round}`);
      }
      for (let t = 0; t < 40; t++) {
        const o = {
          ...ORDER, points: (t * 700) % 7300 - ((t * 700) % 7300) % 100, distanceMetres: 1000 + t * 977,
          items: [item('wound', 1 + (t % 3)), item('rehab', 15 + t * 7)], paymentPlan: t % 2 ? 'full' : 'deposit',
        };
        assert.deepEqual(engine.quote(o), core.quote(o, BASE), `tap ${t}`);
      }
    }
    // Something enumerable on Object.prototype: JSON.stringify ignores it, and so must the
    // wire form (it then sends JSON).
    Object.defineProperty(Object.prototype, 'points', { value: 5, enumerable: true, configurable: true, writable: true });
    try {
      const { points, ...noPoints } = ORDER;
      assert.equal(points, 1000);
      assert.deepEqual(engine.quote(noPoints), core.quote(noPoints, BASE));
      assert.equal(engine.quote(noPoints).value.points.used, 0);
    } finally {
      delete Object.prototype.points;
    }
  } finally { engine.free(); }
});

ptest('config problems: paths, the throwing constructor, create(), and the one-off prefix', () => {
  const bad = structuredClone(BASE);
  bad.items[2].unitPrice = '10000';
  bad.items[3].unitPrice = 50.5;
  bad.coupons[0].amount = 2 ** 53;
  const expected = [['items[2].unitPrice', 'pricing.json.expected_integer'], ['items[3].unitPrice', 'pricing.json.expected_integer'],
    ['coupons[0].amount', 'pricing.json.unsafe_integer']];
  const r = core.PriceEngine.create(bad);
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors.map((e) => [e.path, e.code]), expected);
  assert.deepEqual(core.validatePriceConfig(bad), r);
  assert.throws(() => new core.PriceEngine(bad), (e) => e instanceof core.HomecareError && e.code === 'pricing.config.invalid' &&
    e.params.count === 3 && e.errors.length === 3 && e.errors[0].path === 'items[2].unitPrice' && /items\[2\]\.unitPrice/.test(e.message));
  const once = core.quote(ORDER, bad);
  assert.deepEqual(once.errors.map((e) => [e.path, e.code]), expected.map(([p, c]) => [`config.${p}`, c]));
  assert.deepEqual(core.validatePriceConfig(BASE), { ok: true, value: null, warnings: [] });
  assert.throws(() => core.PriceEngine(BASE), (e) => e instanceof core.HomecareError && e.code === 'arg.invalid_type');
});

ptest('a freed engine is a HomecareError, not a trap; free is idempotent; engines are independent', () => {
  const a = new core.PriceEngine(BASE);
  const other = structuredClone(BASE);
  other.items[0].unitPrice = 20000;
  const b = core.PriceEngine.create(other).value;
  const qa = a.quote(ORDER).value.lines[0].amount;
  a.free();
  a.free();
  for (const call of [() => a.quote(ORDER), () => a.refund({}, [], {})]) {
    assert.throws(call, (e) => e instanceof core.HomecareError && e.code === 'pricing.engine_freed');
  }
  assert.equal(qa, 16800);
  assert.equal(b.quote(ORDER).value.lines[0].amount, 20000);
  assert.throws(() => core.PriceEngine.prototype.quote.call({}, ORDER), (e) => e.code === 'arg.invalid_type');
  b.free();
  // Many engines created and freed leave the module answering.
  for (let i = 0; i < 200; i++) new core.PriceEngine(BASE).free();
  assert.equal(core.quote(ORDER, BASE).ok, true);
});

ptest('refund and settlement through the engine and the one-off functions', () => {
  const engine = new core.PriceEngine(BASE);
  try {
    const q = engine.quote(ORDER).value;
    const paid = [{ kind: 'deposit', amount: q.payment.payNow }];
    const cancel = { type: 'cancellation', by: 'user', status: 'accepted', minutesBeforeStart: 90 };
    const r = engine.refund(q, paid, cancel);
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.equal(r.value.refund + r.value.kept, r.value.held);
    assert.equal(r.value.refund, Math.round(q.payment.payNow * 0.7));
    assert.deepEqual(core.refund(q, paid, cancel, BASE), r);
    const late = engine.refund(q, paid, { ...cancel, minutesBeforeStart: -1 });
    assert.deepEqual(late.errors.map((e) => [e.path, e.code]), [['event.minutesBeforeStart', 'pricing.refund.too_late']]);
    const wrong = engine.refund(q, [{ kind: 'deposit', amount: '100' }], cancel);
    assert.deepEqual(wrong.errors.map((e) => e.path), ['payments[0].amount']);
    const payable = q.totals.payable;
    const s = core.applySettlement(q, { fund: 1000, personalAccount: 0, cash: payable - 1000 });
    assert.equal(s.ok, true, JSON.stringify(s.errors));
    assert.deepEqual(s.value.rows.map((row) => row.key), ['total', 'fund', 'personalAccount', 'cash']);
    const mismatch = core.applySettlement(q, { fund: 1, personalAccount: 0, cash: 0 });
    assert.equal(mismatch.errors[0].code, 'pricing.settlement.mismatch');
    const tampered = structuredClone(q);
    tampered.totals.payable += 1;
    assert.equal(core.applySettlement(tampered, { fund: 0, personalAccount: 0, cash: payable + 1 }).errors[0].code, 'pricing.quote.inconsistent');
  } finally { engine.free(); }
});

ptest('formatFen: yuan text and upper-case receipts; non-integers and unsafe integers are misuse', () => {
  assert.equal(core.formatFen(123450), '¥1,234.50');
  assert.equal(core.formatFen(-5), '-¥0.05');
  assert.equal(core.formatFen(10000, { upper: true }), '壹佰元整');
  assert.equal(core.formatFen(100550, { upper: true }), '壹仟零伍元伍角');
  assert.equal(core.formatFen(0, { upper: true }), '零元整');
  assert.equal(core.formatFen(-0), '¥0.00');
  assert.equal(core.formatFen(Number.MAX_SAFE_INTEGER), '¥90,071,992,547,409.91');
  assert.equal(core.formatFen(-Number.MAX_SAFE_INTEGER), '-¥90,071,992,547,409.91');
  for (const bad of [1.5, 2 ** 53, -(2 ** 53), NaN, Infinity, 1e21]) {
    assert.throws(() => core.formatFen(bad), (e) => e instanceof core.HomecareError && e.code === 'arg.invalid_value', String(bad));
  }
  for (const bad of ['100', 10n, null, undefined, {}]) {
    assert.throws(() => core.formatFen(bad), (e) => e instanceof core.HomecareError && e.code === 'arg.invalid_type', String(bad));
  }
  assert.throws(() => core.formatFen(1, { upper: 'yes' }), (e) => e.code === 'arg.invalid_type');
  assert.throws(() => core.formatFen(1, 5), (e) => e.code === 'arg.invalid_type');
});

/** Every [path, container, key] of a JSON value, depth first. */
function slots(value, at = '', out = []) {
  if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      const p = Array.isArray(value) ? `${at}[${k}]` : at === '' ? k : `${at}.${k}`;
      out.push([p, value, Array.isArray(value) ? Number(k) : k]);
      slots(value[k], p, out);
    }
  }
  return out;
}

// Wrong JSON types and wrong numbers, including the ones JavaScript makes easy.
const BAD_VALUES = [['string number', '100'], ['float', 100.5], ['unsafe', 2 ** 53 + 2], ['negative', -1], ['null', null],
  ['bool', true], ['array', [1]], ['object', { x: 1 }], ['empty string', ''], ['NaN', NaN], ['huge', 1e300]];

function isErrorWithPaths(r, label) {
  assert.equal(r.ok, false, label);
  assert.ok(r.errors.length > 0, label);
  for (const e of r.errors) {
    assert.equal(typeof e.path, 'string', label);
    assert.equal(typeof e.code, 'string', label);
    assert.ok(e.message && !e.message.includes('{'), `${label}: ${e.message}`);
  }
}

ptest('garbage at every level of an order: an error result with a path, never a trap', () => {
  const engine = new core.PriceEngine(BASE);
  try {
    let errors = 0;
    for (const [p] of slots(ORDER)) {
      for (const [name, bad] of BAD_VALUES) {
        const order = structuredClone(ORDER);
        const [, container, key] = slots(order).find(([q]) => q === p);
        container[key] = bad;
        const r = engine.quote(order);
        if (r.ok) continue; // e.g. points: -1 is refused, but "bool" for newUser is fine; a value can be valid
        isErrorWithPaths(r, `${p} = ${name}`);
        errors++;
        // The problem is reported where the value is (or at the item that holds it).
        const parent = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
        assert.ok(r.errors.some((e) => e.path === p || e.path.startsWith(`${p}.`) || e.path.startsWith(`${p}[`) || e.path === parent ||
          e.path === 'couponId' || e.path === 'points' || e.code === 'pricing.config.one_of' /* distance: at the root */), `${p} = ${name}: ${JSON.stringify(r.errors.map((e) => e.path))}`);
      }
    }
    assert.ok(errors > 100, `${errors} error results`);
    // Cycles, BigInt and throwing getters: pricing.json.invalid at their path.
    const cyclic = structuredClone(ORDER);
    cyclic.items[1].self = cyclic.items;
    assert.deepEqual(engine.quote(cyclic).errors.map((e) => [e.path, e.code]), [['items[1].self', 'pricing.json.invalid']]);
    assert.deepEqual(engine.quote({ ...ORDER, points: 10n }).errors.map((e) => e.path), ['points']);
    const getter = structuredClone(ORDER);
    Object.defineProperty(getter.consumables[0], 'quantity', { enumerable: true, get() { throw new Error('boom'); } });
    assert.deepEqual(engine.quote(getter).errors.map((e) => e.path), ['consumables[0].quantity']);
    // Huge depth: refused by the reader's recursion limit, not the stack.
    let deep = 1;
    for (let i = 0; i < 100000; i++) deep = [deep];
    isErrorWithPaths(engine.quote({ ...ORDER, items: deep }), 'deep items');
    isErrorWithPaths(engine.quote(deep), 'deep order');
    const deepObj = {};
    let cur = deepObj;
    for (let i = 0; i < 100000; i++) { cur.a = {}; cur = cur.a; }
    isErrorWithPaths(engine.quote({ ...ORDER, x: deepObj }), 'deep object');
    // Strings, numbers and arrays as the whole order.
    for (const whole of ['order', 5, [ORDER], null, true, 'x'.repeat(1 << 20)]) isErrorWithPaths(engine.quote(whole), typeof whole);
    assert.equal(engine.quote(ORDER).ok, true, 'still answers');
  } finally { engine.free(); }
});

ptest('garbage at every level of a config: an error result with a path, never a trap', () => {
  let errors = 0;
  for (const [p] of slots(BASE)) {
    for (const [name, bad] of BAD_VALUES) {
      const config = structuredClone(BASE);
      const [, container, key] = slots(config).find(([q]) => q === p);
      container[key] = bad;
      const r = core.validatePriceConfig(config);
      if (r.ok) continue;
      isErrorWithPaths(r, `${p} = ${name}`);
      errors++;
      const created = core.PriceEngine.create(config);
      assert.deepEqual(created, r);
    }
  }
  assert.ok(errors > 500, `${errors} error results`);
  const cyclic = structuredClone(BASE);
  cyclic.transport.tiers[1].loop = cyclic;
  assert.deepEqual(core.validatePriceConfig(cyclic).errors.map((e) => [e.path, e.code]), [['transport.tiers[1].loop', 'pricing.json.invalid']]);
  assert.deepEqual(core.quote(ORDER, cyclic).errors.map((e) => e.path), ['config.transport.tiers[1].loop']);
  assert.throws(() => new core.PriceEngine(cyclic), (e) => e.code === 'pricing.config.invalid' && e.errors[0].path === 'transport.tiers[1].loop');
  assert.deepEqual(core.validatePriceConfig({ ...BASE, transport: { kind: 'tiers', tiers: [] } }).errors.map((e) => e.path), ['transport.tiers']);
  assert.equal(core.validatePriceConfig(BASE).ok, true, 'still answers');
});

ptest('garbage through every pricing export: error result or HomecareError, never a trap', () => {
  const engine = new core.PriceEngine(BASE);
  const q = engine.quote(ORDER).value;
  const paid = [{ kind: 'deposit', amount: q.payment.payNow }];
  const cancel = { type: 'cancellation', by: 'staff', status: 'accepted', minutesBeforeStart: 90 };
  const settle = { fund: 0, personalAccount: 0, cash: q.totals.payable };
  const calls = {
    ctor: (v) => new core.PriceEngine(v).free(), ctorOpts: (v) => new core.PriceEngine(BASE, v).free(),
    create: (v) => core.PriceEngine.create(v), createOpts: (v) => core.PriceEngine.create(BASE, v),
    quote: (v) => engine.quote(v), quoteOpts: (v) => engine.quote(ORDER, v),
    refundQuote: (v) => engine.refund(v, paid, cancel), refundPayments: (v) => engine.refund(q, v, cancel),
    refundEvent: (v) => engine.refund(q, paid, v), refundOpts: (v) => engine.refund(q, paid, cancel, v),
    oneOffQuote: (v) => core.quote(v, BASE), oneOffConfig: (v) => core.quote(ORDER, v), oneOffOpts: (v) => core.quote(ORDER, BASE, v),
    oneOffRefund: (v) => core.refund(q, paid, cancel, v), settleQuote: (v) => core.applySettlement(v, settle),
    settle: (v) => core.applySettlement(q, v), settleOpts: (v) => core.applySettlement(q, settle, v),
    validate: (v) => core.validatePriceConfig(v), validateOpts: (v) => core.validatePriceConfig(BASE, v),
    formatFen: (v) => core.formatFen(v), formatFenOpts: (v) => core.formatFen(100, v),
  };
  try {
    for (const [fname, call] of Object.entries(calls)) {
      for (const [gname, value] of garbage()) {
        try {
          const r = call(value);
          if (r && typeof r === 'object' && 'ok' in r && !r.ok) isErrorWithPaths(r, `${fname}(${gname})`);
        } catch (e) {
          assert.ok(e instanceof core.HomecareError, `${fname}(${gname}) threw ${e && e.stack}`);
        }
        assert.equal(engine.quote(ORDER).value.totals.payable, q.totals.payable, `${fname}(${gname}) broke the module`);
      }
    }
  } finally { engine.free(); }
});

test('a build without pricing keeps the names; each throws HomecareError feature.unavailable',
  { skip: skip ? false : 'pricing is in this build' }, () => {
    const calls = [() => new core.PriceEngine({}), () => core.PriceEngine.create({}), () => core.quote({}, {}),
      () => core.refund({}, [], {}, {}), () => core.applySettlement({}, {}), () => core.validatePriceConfig({}), () => core.formatFen(1)];
    for (const call of calls) {
      assert.throws(call, (e) => e instanceof core.HomecareError && e.code === 'feature.unavailable' && e.params.feature === 'pricing');
    }
  });
