'use strict';
// DraftStore and Outbox through the WeChat entry in the simulated mini-program runtime, with
// WeChat's real quotas (1 MB per key, 10 MB in total, throwing "exceed" errors): the reduced
// fault-injection suite (a storage that fails or crashes at each call of a save; after
// reopening, load returns the old or the new draft, complete), chunking of large drafts,
// quota figures, the outbox over the wx.getRandomValues pool, and drafts sealed with AeadKey.
const test = require('node:test');
const assert = require('node:assert/strict');
const { createRuntime, KEY_LIMIT } = require('./wechat-sim/runtime.cjs');
const { miniprogramDir, pkgDir } = require('./helpers.cjs');

const built = require(pkgDir).features().includes('drafts');
const dtest = (name, fn) => test(name, { skip: !built && 'built without the drafts feature' }, fn);

async function boot() {
  const rt = createRuntime({ root: miniprogramDir });
  const core = rt.require('homecare/homecare.js');
  await core.init();
  return { rt, core };
}

// Objects from the mini program's realm: compare their JSON (deepStrictEqual checks prototypes).
const same = (a, b, msg) => assert.equal(JSON.stringify(a), JSON.stringify(b), msg);
const okValue = (r) => { assert.equal(r.ok, true, JSON.stringify(r).slice(0, 400)); return r.value; };

/** A draft of about `kb` KB of form text (CJK, so UTF-8 is 3 bytes a character). */
function draftOf(kb, tag) {
  return { tag, name: '王秀英', notes: '护理记录'.repeat(Math.ceil((kb * 1024) / 12)) };
}

/** An adapter over the runtime's wx storage that fails or "crashes" at call number `at`. */
function faulty(wx, at, mode) {
  let n = 0;
  const state = { crashed: false };
  const step = (op, real) => {
    if (state.crashed) throw new Error('the app is dead');
    const i = n++;
    if (i !== at) return real();
    if (mode === 'throw') throw new Error(`${op}:fail simulated`);
    if (mode === 'quota') throw new Error(`${op}:fail exceed storage max size 10Mb`);
    if (mode === 'throwAfter') { const v = real(); throw new Error(`${op}:fail after writing`); }
    if (mode === 'crashBefore') { state.crashed = true; throw new Error('crash'); }
    if (mode === 'crashAfter') { real(); state.crashed = true; throw new Error('crash'); }
    return real();
  };
  return {
    state,
    get: (k) => step('get', () => { const v = wx.getStorageSync(k); return v === '' && !wx.getStorageInfoSync().keys.includes(k) ? null : v; }),
    set: (k, v) => step('set', () => wx.setStorageSync(k, v)),
    remove: (k) => step('remove', () => wx.removeStorageSync(k)),
    keys: () => step('keys', () => wx.getStorageInfoSync().keys),
    info: () => step('info', () => { const i = wx.getStorageInfoSync(); return { currentSize: i.currentSize, limitSize: i.limitSize }; }),
  };
}

dtest('fault injection at every storage call of a save, under WeChat quotas: old or new, complete, after reopening', async () => {
  const { rt, core } = await boot();
  try {
    const cases = [
      { label: '1 KB', old: draftOf(1, 'old'), next: draftOf(2, 'new') },
      { label: '1.5 MB in 512 KiB chunks', old: draftOf(200, 'old'), next: draftOf(1500, 'new') },
    ];
    let checked = 0;
    for (const c of cases) {
      // Count the calls of one save.
      rt.wx.clearStorageSync();
      const probe = faulty(rt.wx, -1, 'none');
      const counted = { n: 0 };
      const counting = {};
      for (const op of ['get', 'set', 'remove', 'keys', 'info']) counting[op] = (...a) => { counted.n++; return probe[op](...a); };
      const p = new core.DraftStore({ storage: counting });
      okValue(p.save('booking', 'b1', c.old));
      counted.n = 0;
      okValue(p.save('booking', 'b1', c.next));
      const calls = counted.n;
      p.free();
      for (const mode of ['throw', 'throwAfter', 'quota', 'crashBefore', 'crashAfter']) {
        for (let at = 0; at < calls; at++) {
          rt.wx.clearStorageSync();
          const first = new core.DraftStore({ storage: 'wx' });
          okValue(first.save('booking', 'b1', c.old));
          first.free();
          const adapter = faulty(rt.wx, at, mode);
          const s = new core.DraftStore({ storage: adapter });
          const r = s.save('booking', 'b1', c.next);
          assert.equal(typeof r.ok, 'boolean');
          // Reopen, as after a relaunch: a fresh store over the real wx storage.
          const reopened = new core.DraftStore({ storage: 'wx' });
          const got = reopened.load('booking', 'b1');
          const tag = okValue(got).data.tag;
          assert.ok(tag === 'old' || tag === 'new', `${c.label} ${mode} at ${at}`);
          same(got.value.data, tag === 'old' ? c.old : c.next, `${c.label} ${mode} at ${at}: complete`);
          if (r.ok && !adapter.state.crashed) assert.equal(tag, 'new', `${c.label} ${mode} at ${at}: a successful save loads new`);
          for (const k of rt.wx.getStorageInfoSync().keys) {
            assert.ok(Buffer.byteLength(JSON.stringify(rt.wx.getStorageSync(k)) + k) <= KEY_LIMIT);
          }
          s.free(); reopened.free();
          checked++;
        }
      }
    }
    assert.ok(checked >= 40, `checked ${checked}`);
  } finally { rt.dispose(); }
});

dtest('WeChat storage: a 2.5 MB draft is chunked under the 1 MB key limit; a full storage reports its figures', async () => {
  const { rt, core } = await boot();
  try {
    const s = new core.DraftStore({ storage: 'wx' });
    const big = draftOf(2500, 'big');
    const info = okValue(s.save('registration', 'r1', big));
    assert.ok(info.size > 2.4 * 1024 * 1024);
    const keys = rt.wx.getStorageInfoSync().keys.filter((k) => k.startsWith('hc:d:registration:r1'));
    assert.ok(keys.length >= 5, keys.join(','));
    same(okValue(new core.DraftStore({ storage: 'wx' }).load('registration', 'r1')).data, big);
    // Fill the 10 MB with another app's data, then try to save more than is left.
    for (let i = 0; rt.wx.getStorageInfoSync().currentSize < 9000; i++) rt.wx.setStorageSync(`other:${i}`, 'x'.repeat(900 * 1024));
    const r = s.save('registration', 'r1', draftOf(2600, 'bigger'));
    assert.equal(r.ok, false);
    assert.equal(r.errors[0].code, 'drafts.quota_exceeded');
    assert.equal(r.errors[0].params.limitKb, 10240);
    assert.ok(r.errors[0].params.currentKb > 9000);
    assert.match(r.errors[0].message, /[\u4e00-\u9fff]/);
    same(okValue(s.load('registration', 'r1')).data, big, 'the last good draft stays');
    const u = okValue(s.usage());
    assert.equal(u.limitSizeKb, 10240);
  } finally { rt.dispose(); }
});

dtest('outbox over wx storage: UUIDs from the wx.getRandomValues pool, persisted across a relaunch', async () => {
  const { rt, core } = await boot();
  try {
    const o = new core.Outbox({ storage: 'wx' });
    const id = okValue(o.enqueue('booking.create', { service: '上门换药', date: '2025-06-01' }));
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    o.free();
    const again = new core.Outbox({ storage: 'wx' });
    const due = okValue(again.due());
    same(due.map((i) => i.id), [id]);
    assert.equal(okValue(again.fail(id, 'network', { retryable: true })).attempts, 1);
    assert.equal(okValue(again.ack(id, { orderId: 'A1' })).state, 'done');
  } finally { rt.dispose(); }
});

dtest('drafts sealed with an AeadKey: stored as ciphertext, unreadable under another key, listable without one', async () => {
  const { rt, core } = await boot();
  try {
    const key = core.AeadKey.generate();
    const s = new core.DraftStore({ storage: 'wx', key });
    const data = { idNumber: '11010519491231002X', name: '张三' };
    assert.equal(okValue(s.save('registration', 'r1', data)).sealed, true);
    for (const k of rt.wx.getStorageInfoSync().keys) {
      assert.doesNotMatch(String(rt.wx.getStorageSync(k)), /11010519491231002X|张三/, k);
    }
    key.free(); // the store keeps its own copy
    same(okValue(s.load('registration', 'r1')).data, data);
    const other = new core.DraftStore({ storage: 'wx', key: core.AeadKey.generate() });
    assert.equal(other.load('registration', 'r1').errors[0].code, 'drafts.unreadable');
    const none = new core.DraftStore({ storage: 'wx' });
    assert.equal(none.load('registration', 'r1').errors[0].code, 'drafts.unreadable');
    assert.equal(okValue(none.list())[0].sealed, true);
    assert.throws(() => new core.DraftStore({ storage: 'wx', key }), (e) => e.code === 'crypto.key_freed');
    assert.throws(() => new core.DraftStore({ storage: 'wx', key: { id: 1 } }), (e) => e.code === 'arg.invalid_type');
  } finally { rt.dispose(); }
});
