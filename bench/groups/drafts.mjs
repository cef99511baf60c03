// DraftStore.save + load of 1 KiB, 64 KiB and 512 KiB drafts, sealed (AeadKey) and not,
// against the same job written in JS (bench/baselines/drafts-baseline.mjs: JSON, @noble/ciphers
// AES-256-GCM, base64, one write, no crash safety) and against the floor (JSON.stringify + one
// plain write, one read + JSON.parse). All stores write to the same kind of in-memory storage
// object, so the ratios measure the work of each side, not the platform's storage.
// Goals (issue 7): sealed 64 KiB ≥ 1.5× the JS baseline; plain within 1.5× of the floor (≥ 0.67×).
import { createRequire } from 'node:module';
import { baselineStore, floorStore } from '../baselines/drafts-baseline.mjs';

const require = createRequire(import.meta.url);
const core = require('../../pkg/index.cjs');

/** A Map storage with the adapter shape; usage kept as a running count (cheap `info`). */
function memory() {
  const m = new Map();
  let units = 0;
  return {
    get: (k) => (m.has(k) ? m.get(k) : null),
    set: (k, v) => { units += v.length - (m.has(k) ? m.get(k).length : 0); m.set(k, v); },
    remove: (k) => { if (m.has(k)) { units -= m.get(k).length; m.delete(k); } },
    keys: () => [...m.keys()],
    info: () => ({ currentSize: Math.ceil((units * 2) / 1024), limitSize: 0 }),
  };
}

/** A registration-like draft of about `bytes` bytes of JSON (mixed CJK and ASCII fields). */
function draft(bytes) {
  const out = { name: '王秀英', mobile: '13812345678', address: '北京市朝阳区幸福路1号', visits: [] };
  let i = 0;
  while (JSON.stringify(out).length * 1.4 < bytes) {
    out.visits.push({ date: `2025-06-${String((i % 28) + 1).padStart(2, '0')}`, nurse: `护士${i}`, note: `血压正常，伤口恢复良好 #${i}`, ok: i % 3 !== 0 });
    i++;
  }
  return out;
}

const rawKey = new Uint8Array(32).fill(7);
const cases = [];
if (typeof core.DraftStore === 'function') {
  for (const [label, bytes] of [['1 KiB', 1024], ['64 KiB', 64 * 1024], ['512 KiB', 512 * 1024]]) {
    const data = draft(bytes);
    const inner = bytes > 100000 ? 5 : bytes > 10000 ? 50 : 500;
    const plain = new core.DraftStore({ storage: memory() });
    const sealed = new core.DraftStore({ storage: memory(), key: core.AeadKey.import(rawKey) });
    const base = baselineStore(memory(), null);
    const baseSealed = baselineStore(memory(), rawKey);
    const floor = floorStore(memory());
    const roundTrip = (s) => () => {
      if (!s.save('registration', 'd1', data).ok) throw new Error('save failed');
      if (!s.load('registration', 'd1').ok) throw new Error('load failed');
    };
    const jsTrip = (s) => () => { s.save('registration', 'd1', data); s.load('registration', 'd1'); };
    const check = () => {
      for (const s of [plain, sealed]) {
        s.save('registration', 'd1', data);
        if (JSON.stringify(s.load('registration', 'd1').value.data) !== JSON.stringify(data)) throw new Error('core round trip differs');
      }
      for (const s of [base, baseSealed, floor]) {
        s.save('registration', 'd1', data);
        if (JSON.stringify(s.load('registration', 'd1')) !== JSON.stringify(data)) throw new Error('peer round trip differs');
      }
    };
    cases.push(
      { name: `save+load ${label}, plain`, check, inner, core: roundTrip(plain), peer: { name: 'floor: JSON + 1 write', fn: jsTrip(floor) } },
      { name: `save+load ${label}, plain`, inner, core: roundTrip(plain), peer: { name: 'JS app, no crypto', fn: jsTrip(base) } },
      { name: `save+load ${label}, sealed`, inner, core: roundTrip(sealed), peer: { name: 'JS app, noble AES-GCM + base64', fn: jsTrip(baseSealed) } },
    );
  }
}

export default {
  name: 'drafts',
  description: 'DraftStore save+load (crash-safe, chunked, checksummed) vs a JS app baseline and the JSON floor',
  cases,
};
