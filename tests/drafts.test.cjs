'use strict';
// DraftStore and Outbox through the Node entry: adapters, crash safety at the JS boundary,
// migrations, autosave, the outbox lifecycle, and garbage through every method.
const test = require('node:test');
const assert = require('node:assert/strict');
const { pkgDir, garbage } = require('./helpers.cjs');

const core = require(pkgDir);
const { DraftStore, Outbox, HomecareError } = core;
// Builds without the `drafts` cargo feature have DraftStore/Outbox undefined (features()).
const skip = typeof DraftStore !== 'function' && 'built without the drafts feature';
const dtest = (name, fn) => test(name, { skip }, fn);

/** A Map-backed adapter with WeChat-like KB accounting, and an optional fault hook. */
function mapStorage(opts = {}) {
  const m = opts.map || new Map();
  const limitKb = opts.limitKb ?? 10240;
  const size = () => { let n = 0; for (const [k, v] of m) n += k.length + v.length; return n; };
  const s = {
    map: m,
    ops: [],
    fault: null, // (op, key) => 'throw' | 'throwAfter' | 'quota' | undefined
    get(k) { s.ops.push('get'); s.hook('get', k); return m.has(k) ? m.get(k) : null; },
    set(k, v) {
      s.ops.push('set');
      const f = s.hook('set', k, v);
      m.set(k, v);
      if (f === 'throwAfter') throw new Error('written, then failed');
    },
    remove(k) { s.ops.push('remove'); s.hook('remove', k); m.delete(k); },
    keys() { s.ops.push('keys'); s.hook('keys'); return [...m.keys()]; },
    info() { s.ops.push('info'); s.hook('info'); return { currentSize: Math.ceil(size() / 1024), limitSize: limitKb }; },
    hook(op, k, v) {
      if (!s.fault) return undefined;
      const f = s.fault(op, k, v);
      if (f === 'throw') throw new Error(`simulated ${op} failure`);
      if (f === 'quota') throw Object.assign(new Error('setStorageSync:fail exceed storage max size 10Mb'));
      return f;
    },
  };
  return s;
}

function clock(start = 1_700_000_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

const okValue = (r) => { assert.equal(r.ok, true, JSON.stringify(r)); return r.value; };
const errCode = (r) => { assert.equal(r.ok, false, JSON.stringify(r)); return r.errors[0].code; };

dtest('save, load, list, remove, usage and purgeExpired over memory and an object adapter', () => {
  for (const storage of ['memory', mapStorage()]) {
    const c = clock();
    const s = new DraftStore({ storage, now: c.now, ttlMs: 1000 });
    const data = { name: '张三', contacts: [{ mobile: '13812345678' }], note: '𠮷'.repeat(10) };
    const info = okValue(s.save('registration', 'd1', data));
    assert.equal(info.status, 'ready');
    assert.equal(info.schemaVersion, 1);
    assert.equal(info.sealed, false);
    c.t += 10;
    const d = okValue(s.load('registration', 'd1'));
    assert.deepEqual(d.data, data);
    assert.equal(d.recovered, false);
    okValue(s.save('booking', 'b1', [1, 2, 3]));
    assert.deepEqual(okValue(s.list()).map((i) => i.formId).sort(), ['booking', 'registration']);
    assert.deepEqual(okValue(s.list('booking')).map((i) => i.draftId), ['b1']);
    assert.equal(okValue(s.usage()).drafts, 2);
    assert.equal(okValue(s.remove('booking', 'b1')), true);
    assert.equal(okValue(s.remove('booking', 'b1')), false);
    assert.equal(errCode(s.load('booking', 'b1')), 'drafts.not_found');
    c.t += 5000;
    assert.equal(errCode(s.load('registration', 'd1')), 'drafts.expired');
    assert.equal(okValue(s.purgeExpired()).removed, 1);
    assert.deepEqual(okValue(s.list()), []);
    s.free();
    s.free();
    assert.throws(() => s.save('a', 'b', 1), (e) => e instanceof HomecareError && e.code === 'drafts.closed');
  }
});

dtest('a second store over the same storage (a reopened page) finds the draft; namespaces are separate', () => {
  const st = mapStorage();
  const a = new DraftStore({ storage: st });
  okValue(a.save('reg', 'd', { v: 1 }));
  okValue(a.save('reg', 'd', { v: 2 }));
  const b = new DraftStore({ storage: st });
  assert.deepEqual(okValue(b.load('reg', 'd')).data, { v: 2 });
  const other = new DraftStore({ storage: st, namespace: 'other' });
  assert.equal(errCode(other.load('reg', 'd')), 'drafts.not_found');
  assert.ok([...st.map.keys()].every((k) => k.startsWith('hc:d:reg:d')));
});

dtest('fault injection: a failure or crash at every storage call of a save leaves old or new, complete', () => {
  // Count the calls of one save, then fail each of them in turn, in every mode.
  const probe = mapStorage();
  const p = new DraftStore({ storage: probe, chunkSize: 1024 });
  okValue(p.save('f', 'd', { text: 'old'.repeat(600) }));
  probe.ops.length = 0;
  okValue(p.save('f', 'd', { text: 'new'.repeat(900) }));
  const calls = probe.ops.length;
  assert.ok(calls >= 5, `a chunked save makes several calls (${calls})`);
  const oldData = { text: 'old'.repeat(600) };
  const newData = { text: 'new'.repeat(900) };
  let checked = 0;
  for (const mode of ['throw', 'throwAfter', 'quota', 'crash']) {
    for (let at = 0; at < calls + 1; at++) {
      const st = mapStorage();
      const s = new DraftStore({ storage: st, chunkSize: 1024 });
      okValue(s.save('f', 'd', oldData));
      let n = 0;
      let crashed = false;
      st.fault = (op) => {
        if (n++ !== at) return undefined;
        if (mode === 'crash') { crashed = true; throw new Error('crash'); }
        return mode === 'throwAfter' && op !== 'set' ? 'throw' : mode;
      };
      const r = s.save('f', 'd', newData);
      st.fault = null;
      if (mode === 'crash' && crashed) {
        // The app died here: a fresh store reads what the storage holds.
        const fresh = new DraftStore({ storage: mapStorage({ map: st.map }), chunkSize: 1024 });
        const got = okValue(fresh.load('f', 'd')).data;
        assert.ok(JSON.stringify(got) === JSON.stringify(oldData) || JSON.stringify(got) === JSON.stringify(newData));
      } else {
        const got = okValue(s.load('f', 'd')).data;
        if (r.ok) assert.deepEqual(got, newData, `${mode} at ${at}: ok save must load new`);
        else {
          assert.ok(['drafts.storage_failed', 'drafts.quota_exceeded'].includes(r.errors[0].code), r.errors[0].code);
          assert.ok(JSON.stringify(got) === JSON.stringify(oldData) || JSON.stringify(got) === JSON.stringify(newData));
        }
      }
      checked++;
    }
  }
  assert.ok(checked >= 20);
});

dtest('quota: the pre-check and a thrown quota error both report usage figures, and the old draft stays', () => {
  const st = mapStorage({ limitKb: 8 });
  const s = new DraftStore({ storage: st });
  okValue(s.save('f', 'd', { small: 1 }));
  const r = s.save('f', 'd', { big: 'x'.repeat(20000) });
  assert.equal(errCode(r), 'drafts.quota_exceeded');
  assert.equal(r.errors[0].params.limitKb, 8);
  assert.ok(r.errors[0].params.neededKb >= 19);
  assert.ok(typeof r.errors[0].params.currentKb === 'number');
  assert.match(r.errors[0].message, /[\u4e00-\u9fff]/);
  const st2 = mapStorage({ limitKb: 0 });
  const s2 = new DraftStore({ storage: st2 });
  okValue(s2.save('f', 'd', { small: 1 }));
  st2.fault = (op) => (op === 'set' ? 'quota' : undefined);
  assert.equal(errCode(s2.save('f', 'd', { small: 2 })), 'drafts.quota_exceeded');
  st2.fault = null;
  assert.deepEqual(okValue(s2.load('f', 'd')).data, { small: 1 });
  // DOMException-like and flagged errors count as quota too.
  for (const thrown of [Object.assign(new Error('full'), { name: 'QuotaExceededError' }), { quota: true }, 'quota!']) {
    st2.fault = (op) => { if (op === 'set') throw thrown; };
    assert.equal(errCode(s2.save('f', 'd', { small: 3 })), 'drafts.quota_exceeded', String(thrown));
  }
});

dtest('adapters that throw or return junk give error results; the last good draft survives', () => {
  const st = mapStorage();
  const s = new DraftStore({ storage: st });
  okValue(s.save('f', 'd', { good: true }));
  const junk = [
    ['get returns a number', (op) => { if (op === 'get') return 'junk-number'; }],
    ['get throws a string', (op) => { if (op === 'get') throw 'nope'; }],
    ['keys throws', (op) => { if (op === 'keys') throw new Error('x'); }],
    ['info throws', (op) => { if (op === 'info') throw new TypeError('x'); }],
    ['set throws null', (op) => { if (op === 'set') throw null; }],
  ];
  for (const [name, fault] of junk) {
    const adapter = Object.create(st);
    if (name === 'get returns a number') adapter.get = () => 42;
    else st.fault = fault;
    const store = new DraftStore({ storage: name === 'get returns a number' ? { ...st, get: () => 42 } : st });
    for (const r of [store.save('f', 'd', { bad: name }), store.load('f', 'd'), store.list(), store.usage(), store.purgeExpired()]) {
      if (!r.ok) assert.ok(r.errors[0].code.startsWith('drafts.'), `${name}: ${r.errors[0].code}`);
    }
    st.fault = null;
    const back = okValue(new DraftStore({ storage: st }).load('f', 'd')).data;
    assert.ok(back.good === true || typeof back.bad === 'string', name);
  }
  // Keys and info of the wrong shape.
  const weird = { ...mapStorage(), keys: () => 'not a list', info: () => ({ currentSize: 'a', limitSize: NaN }) };
  const w = new DraftStore({ storage: weird });
  assert.equal(errCode(w.list()), 'drafts.storage_failed');
  assert.equal(errCode(w.save('f', 'd', 1)), 'drafts.storage_failed');
  // An adapter without the needed functions is misuse at construction.
  for (const bad of [{}, { get() {}, set() {}, remove() {} }, { get: 1, set() {}, remove() {}, keys() {} }]) {
    assert.throws(() => new DraftStore({ storage: bad }), (e) => e instanceof HomecareError && e.code === 'arg.invalid_type');
  }
  assert.equal(core.version().length > 0, true);
});

dtest('re-entrant use from inside an adapter is refused, not a trap', () => {
  const st = mapStorage();
  let inner = null;
  const s = new DraftStore({ storage: st });
  st.fault = (op) => {
    if (op === 'info' && !inner) {
      try { s.load('f', 'd'); inner = 'no error'; } catch (e) { inner = e.code; }
    }
  };
  okValue(s.save('f', 'd', 1));
  assert.equal(inner, 'drafts.reentrant');
  st.fault = null;
  assert.equal(okValue(s.load('f', 'd')).data, 1);
});

dtest('WeChat adapter: a stored empty string is told apart from a missing key; exceed errors are quota', () => {
  const store = new Map();
  let limitHit = false;
  globalThis.wx = {
    getStorageSync(k) { return store.has(k) ? store.get(k) : ''; },
    setStorageSync(k, v) {
      if (limitHit) throw new Error('setStorageSync:fail exceed storage max size 10Mb');
      store.set(k, v);
    },
    removeStorageSync(k) { store.delete(k); },
    getStorageInfoSync() { return { keys: [...store.keys()], currentSize: 1, limitSize: 10240 }; },
  };
  try {
    const s = new DraftStore({ storage: 'wx' });
    okValue(s.save('f', 'd', ''));
    assert.equal(okValue(s.load('f', 'd')).data, '');
    assert.equal(errCode(s.load('f', 'missing')), 'drafts.not_found');
    // A stored '' under a pointer key is a damaged pointer, not an absent draft.
    store.set('hc:d:f:e', '');
    assert.notEqual(errCode(s.load('f', 'e')), 'drafts.not_found');
    limitHit = true;
    assert.equal(errCode(s.save('f', 'd', 'x')), 'drafts.quota_exceeded');
    assert.equal(okValue(s.load('f', 'd')).data, '');
  } finally {
    delete globalThis.wx;
  }
  assert.throws(() => new DraftStore({ storage: 'wx' }), (e) => e.code === 'arg.invalid_value');
  assert.throws(() => new DraftStore({ storage: 'localStorage' }), (e) => e.code === 'arg.invalid_value');
});

dtest('non-serialisable, huge and badly identified drafts are error results; wrong types throw', () => {
  const s = new DraftStore({ storage: 'memory', maxDraftBytes: 100000 });
  okValue(s.save('f', 'd', { keep: 1 }));
  const cyclic = {}; cyclic.self = cyclic;
  assert.equal(errCode(s.save('f', 'd', cyclic)), 'drafts.invalid_data');
  assert.equal(errCode(s.save('f', 'd', 10n)), 'drafts.invalid_data');
  assert.equal(errCode(s.save('f', 'd', undefined)), 'drafts.invalid_data');
  assert.equal(errCode(s.save('f', 'd', () => 1)), 'drafts.invalid_data');
  const big = s.save('f', 'd', 'x'.repeat(200000));
  assert.equal(errCode(big), 'drafts.too_large');
  assert.equal(big.errors[0].params.max, 100000);
  assert.equal(errCode(s.save('f', 'd', 'é'.repeat(60000))), 'drafts.too_large', 'counted in UTF-8 bytes');
  for (const id of ['', 'a:b', 'x'.repeat(65), '草稿', 'a b']) {
    assert.equal(errCode(s.save(id, 'd', 1)), 'drafts.invalid_id', id);
    assert.equal(errCode(s.load('f', id)), 'drafts.invalid_id', id);
  }
  assert.deepEqual(okValue(s.load('f', 'd')).data, { keep: 1 });
  for (const [name, v] of garbage()) {
    if (typeof v === 'string') continue;
    assert.throws(() => s.save(v, 'd', 1), (e) => e instanceof HomecareError, name);
    assert.throws(() => s.load('f', v), (e) => e instanceof HomecareError, name);
  }
  assert.deepEqual(okValue(s.load('f', 'd')).data, { keep: 1 });
});

dtest('garbage of every type through every constructor option and method: results or HomecareError', () => {
  const s = new DraftStore({ storage: 'memory' });
  const o = new Outbox({ storage: 'memory' });
  const calls = [
    (v) => new DraftStore(v), (v) => new DraftStore({ storage: v }), (v) => new DraftStore({ namespace: v }),
    (v) => new DraftStore({ now: v }), (v) => new DraftStore({ ttlMs: v }), (v) => new DraftStore({ key: v }),
    (v) => new DraftStore({ locale: v }), (v) => new Outbox(v), (v) => new Outbox({ maxAttempts: v }),
    (v) => s.save('f', 'd', v), (v) => s.save('f', 'd', 1, v), (v) => s.save('f', 'd', 1, { schemaVersion: v }),
    (v) => s.load(v, v), (v) => s.list(v), (v) => s.remove('f', v), (v) => s.autosave('f', 'd', v),
    (v) => s.registerMigration('f', 1, v), (v) => s.registerMigration('f', v, []), (v) => s.setSchemaVersion('f', v),
    (v) => o.enqueue(v, 1), (v) => o.enqueue('k', v), (v) => o.enqueue('k', 1, v), (v) => o.enqueue('k', 1, { stream: v }),
    (v) => o.enqueue('k', 1, { key: v }), (v) => o.due(v), (v) => o.ack(v), (v) => o.fail('x', v, { retryable: v }),
    (v) => o.retry(v), (v) => o.discard(v), (v) => o.purge(v),
  ];
  const badNow = new DraftStore({ storage: 'memory', now: () => 'soon' });
  assert.throws(() => badNow.save('f', 'd', 1), (e) => e.code === 'arg.invalid_value');
  for (const [name, v] of garbage()) {
    calls.forEach((call, i) => {
      try {
        const r = call(v);
        if (r && typeof r === 'object' && 'ok' in r) assert.equal(typeof r.ok, 'boolean');
        if (r && typeof r.free === 'function') r.free();
      } catch (e) {
        assert.ok(e instanceof HomecareError, `call ${i} with ${name}: ${e && e.stack}`);
      }
    });
  }
  okValue(s.save('f', 'after', { still: 'works' }));
  assert.deepEqual(okValue(s.load('f', 'after')).data, { still: 'works' });
  assert.equal(core.selfTest().ok, true);
});

dtest('migrations: declarative steps in the core, JS functions, mixed chains, newer versions kept', () => {
  const st = mapStorage();
  const old = new DraftStore({ storage: st });
  okValue(old.save('reg', 'a', { tel: '138', care: 'basic' }, { schemaVersion: 1 }));
  okValue(old.save('reg', 'future', { x: 1 }, { schemaVersion: 9 }));
  const s = new DraftStore({ storage: st });
  s.registerMigration('reg', 1, [{ op: 'rename', path: '/tel', to: 'mobile' }]);
  s.registerMigration('reg', 2, [{ op: 'mapValues', path: '/care', map: { basic: 'level1' } }]);
  assert.equal(s.schemaVersion('reg'), 3);
  const d = okValue(s.load('reg', 'a'));
  assert.deepEqual(d.data, { mobile: '138', care: 'level1' });
  assert.deepEqual([d.storedVersion, d.schemaVersion], [1, 3]);
  const newer = s.load('reg', 'future');
  assert.equal(errCode(newer), 'drafts.newer_version');
  assert.deepEqual(newer.errors[0].params, { found: 9, known: 3 });
  assert.equal(errCode(s.save('reg', 'future', { x: 2 })), 'drafts.newer_version');
  assert.equal(okValue(s.list('reg')).find((i) => i.draftId === 'future').status, 'newerVersion');
  // A JS function in the chain: load_raw, then the functions and steps in order, here.
  s.registerMigration('reg', 3, (data) => ({ ...data, migratedInJs: true }));
  const j = okValue(s.load('reg', 'a'));
  assert.deepEqual(j.data, { mobile: '138', care: 'level1', migratedInJs: true });
  assert.equal(j.schemaVersion, 4);
  assert.deepEqual(okValue(s.loadRaw('reg', 'a')).data, { tel: '138', care: 'basic' }, 'stored copy untouched');
  s.registerMigration('reg', 4, () => { throw new Error('bug'); });
  assert.equal(errCode(s.load('reg', 'a')), 'drafts.migration_failed');
  assert.equal(errCode(s.load('reg', 'future')), 'drafts.newer_version');
  assert.throws(() => s.registerMigration('reg', 1, [{ op: 'explode' }]), (e) => e.code === 'drafts.invalid_options');
  assert.throws(() => s.registerMigration('reg', 1, 'steps'), (e) => e.code === 'arg.invalid_type');
  s.setSchemaVersion('other', 2);
  okValue(s.save('other', 'x', { a: 1 }, { schemaVersion: 1 }));
  assert.equal(errCode(s.load('other', 'x')), 'drafts.migration_missing');
});

dtest('autosave coalesces rapid calls, flush writes the latest, and the timer flushes after the window', async () => {
  const c = clock();
  const flushed = [];
  const s = new DraftStore({ storage: 'memory', now: c.now, autosaveThrottleMs: 30, onAutosave: (r) => flushed.push(r) });
  assert.equal(okValue(s.autosave('f', 'd', { n: 1 })).outcome, 'saved');
  for (let i = 2; i <= 20; i++) assert.equal(okValue(s.autosave('f', 'd', { n: i })).outcome, 'deferred');
  assert.deepEqual(okValue(s.load('f', 'd')).data, { n: 1 });
  assert.equal(okValue(s.flush()).length, 1);
  assert.deepEqual(okValue(s.load('f', 'd')).data, { n: 20 });
  assert.deepEqual(okValue(s.flush()), []);
  // The deferred write lands by itself once the window is over.
  c.t += 1;
  s.autosave('f', 'd', { n: 21 });
  await new Promise((r) => setTimeout(r, 80));
  assert.equal(flushed.length, 1);
  assert.deepEqual(okValue(s.load('f', 'd')).data, { n: 21 });
  // free() flushes what is pending.
  const st = mapStorage();
  const t = new DraftStore({ storage: st, autosaveThrottleMs: 100000 });
  t.autosave('f', 'd', { v: 1 });
  t.autosave('f', 'd', { v: 2 });
  t.free();
  assert.deepEqual(okValue(new DraftStore({ storage: st }).load('f', 'd')).data, { v: 2 });
});

dtest('outbox: enqueue returns a UUID v4, due leases, fail backs off with capped full jitter, dead, retry, discard, ack, purge', () => {
  const c = clock();
  const st = mapStorage();
  const o = new Outbox({ storage: st, now: c.now, baseDelayMs: 1000, maxDelayMs: 4000, maxAttempts: 3, leaseMs: 500 });
  const id = okValue(o.enqueue('booking.create', { service: '换药', at: '2025-06-01T09:00' }, { stream: 'booking' }));
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const second = okValue(o.enqueue('booking.create', { service: '陪诊' }, { stream: 'booking' }));
  let due = okValue(o.due());
  assert.deepEqual(due.map((i) => i.id), [id], 'a stream sends in order');
  assert.deepEqual(due[0].payload, { service: '换药', at: '2025-06-01T09:00' });
  assert.deepEqual(okValue(o.due()), [], 'leased');
  for (let attempt = 1; attempt <= 2; attempt++) {
    const item = okValue(o.fail(id, new Error('timeout'), { retryable: true }));
    assert.equal(item.attempts, attempt);
    const wait = item.nextAttemptAt - c.t;
    assert.ok(wait >= 0 && wait <= Math.min(4000, 1000 * 2 ** (attempt - 1)), `wait ${wait}`);
    c.t += 5000;
  }
  const dead = okValue(o.fail(id, 'timeout'));
  assert.equal(dead.state, 'dead');
  assert.equal(dead.deadReason, 'maxAttempts');
  assert.deepEqual(okValue(o.dead()).map((i) => i.id), [id]);
  assert.deepEqual(okValue(o.due()).map((i) => i.id), [second], 'a dead item no longer blocks its stream');
  assert.equal(errCode(o.discard(second)), 'outbox.invalid_state', 'pending items are never discarded');
  assert.equal(okValue(o.retry(id)).state, 'pending');
  const rejected = okValue(o.fail(second, 'HTTP 422', { retryable: false }));
  assert.equal(rejected.deadReason, 'rejected');
  assert.equal(okValue(o.discard(second)), true);
  c.t += 1000;
  assert.deepEqual(okValue(o.due()).map((i) => i.id), [id]);
  const done = okValue(o.ack(id, { orderId: 'A1' }));
  assert.equal(done.state, 'done');
  assert.equal(done.payload, undefined);
  assert.deepEqual(done.response, { orderId: 'A1' });
  // Reopened (a new page): the receipt is still there; purge after the receipt TTL.
  const again = new Outbox({ storage: st, now: c.now });
  assert.deepEqual(okValue(again.receipts()).map((i) => i.id), [id]);
  c.t += 8 * 24 * 3600 * 1000;
  assert.equal(okValue(again.purge()), 1);
  assert.deepEqual(okValue(again.items()), []);
  assert.equal(errCode(again.ack('00000000-0000-4000-8000-000000000000')), 'outbox.not_found');
});

dtest('outbox: a caller-made key makes enqueue idempotent; reuse with other content is refused', () => {
  const o = new Outbox({ storage: 'memory' });
  const key = core.randomUuid();
  assert.equal(okValue(o.enqueue('booking.create', { a: 1 }, { key })), key);
  assert.equal(okValue(o.enqueue('booking.create', { a: 1 }, { key })), key);
  assert.equal(okValue(o.items()).length, 1);
  assert.equal(errCode(o.enqueue('booking.create', { a: 2 }, { key })), 'outbox.key_reused');
  assert.equal(errCode(o.enqueue('booking.create', 1, { key: 'NOT-A-UUID' })), 'outbox.invalid_key');
  assert.equal(errCode(o.enqueue('', 1)), 'outbox.invalid_key');
  assert.equal(errCode(o.enqueue('k', 'x'.repeat(2 << 20))), 'outbox.too_large');
  const cyclic = []; cyclic.push(cyclic);
  assert.equal(errCode(o.enqueue('k', cyclic)), 'drafts.invalid_data');
});

dtest('outbox: a storage that fails at open is an error result of the first call, and the next call retries', () => {
  const st = mapStorage();
  st.fault = (op) => (op === 'keys' ? 'throw' : undefined);
  const o = new Outbox({ storage: st });
  assert.equal(errCode(o.items()), 'outbox.storage_failed');
  st.fault = null;
  assert.deepEqual(okValue(o.items()), []);
  // An interrupted enqueue leaves the item fully there or not there.
  for (let at = 0; at < 8; at++) {
    const s2 = mapStorage();
    const box = new Outbox({ storage: s2 });
    let n = 0;
    s2.fault = () => (n++ === at ? 'throw' : undefined);
    const r = box.enqueue('k', { p: at });
    s2.fault = null;
    const items = okValue(new Outbox({ storage: s2 }).items());
    if (r.ok) assert.deepEqual(items.map((i) => i.id), [r.value]);
    else assert.ok(items.length === 0 || (items.length === 1 && items[0].payload.p === at));
  }
});

test('features() lists "drafts" exactly when DraftStore and Outbox exist', () => {
  assert.equal(core.features().includes('drafts'), typeof DraftStore === 'function');
  assert.equal(typeof Outbox, typeof DraftStore);
});

dtest('long ASCII and mixed drafts round-trip through every string path (plain, sealed, chunked)', () => {
  // Long ASCII strings cross into wasm through encodeInto straight into wasm memory; mixed
  // ones, ASCII with a late non-ASCII character, and chunked ones through the other paths.
  const key = core.AeadKey.import(new Uint8Array(32).fill(3));
  const drafts = [
    { a: 'x'.repeat(100000) },
    { a: 'x'.repeat(100000) + '王' },
    { a: '王' + 'x'.repeat(100000) },
    { a: 'y'.repeat(300000), b: '护士😀'.repeat(20000) },
    { s: '\ud800 lone'.repeat(1000) },
  ];
  for (const sealed of [false, true]) {
    for (const chunkSize of [undefined, 65536]) {
      const storage = mapStorage({ limitKb: 0 });
      const store = new DraftStore({ storage, key: sealed ? key : undefined, chunkSize });
      for (const d of drafts) {
        assert.equal(store.save('f', 'd', d).ok, true);
        const r = store.load('f', 'd');
        assert.equal(r.ok, true);
        assert.deepEqual(r.value.data, JSON.parse(JSON.stringify(d)));
      }
      store.free();
    }
  }
  key.free();
});

dtest('a one-chunk save is 4 storage calls and a load 2, plain and sealed (the crash-safe minimum)', () => {
  const data = { name: '王秀英', notes: '血压正常'.repeat(3000) };
  for (const key of [undefined, core.AeadKey.import(new Uint8Array(32).fill(3))]) {
    const st = mapStorage();
    const s = new DraftStore({ storage: st, key });
    okValue(s.save('reg', 'd', data));
    for (let i = 0; i < 2; i++) {
      st.ops.length = 0;
      okValue(s.save('reg', 'd', data));
      assert.deepEqual(st.ops, ['get', 'info', 'set', 'set'], 'pointer, quota, chunk 0, pointer');
      st.ops.length = 0;
      assert.deepEqual(okValue(s.load('reg', 'd')).data, data);
      assert.deepEqual(st.ops, ['get', 'get'], 'pointer, chunk 0');
    }
    s.free();
  }
});
