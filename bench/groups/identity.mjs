// parseIdNumber against npm id-validator (1.3.0, with its GB2260 table), in one process.
// id-validator's getInfo gives the same information (birth date, sex, region); isValid is
// its boolean path. The core pays the JS↔wasm boundary on every call; the peer is JIT-compiled
// JS with no boundary, so the batch entry (one crossing for 10,000 numbers) is where wasm wins.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../../pkg/index.cjs');
const IDValidator = require('id-validator');
const GB2260 = require('id-validator/src/GB2260');
const peer = new IDValidator(GB2260);

const AS_OF = { asOf: '2025-06-01' };
const valid = Array.from({ length: 256 }, (_, i) => core.fakeIdNumber({ seed: i }));
// 10,000 mixed: 1/3 with a broken check digit, some 15-digit (bench/floor.mjs uses them too).
export const mixed = Array.from({ length: 10000 }, (_, i) => {
  let n = core.fakeIdNumber({ seed: 1000 + i, kind: i % 9 === 0 ? 'resident15' : 'resident' });
  if (i % 3 === 0 && n.length === 18) n = n.slice(0, 17) + ((Number(n[17]) + 1) % 10);
  return n;
});

function check() {
  // Both sides agree on validity and birth date for every bench input.
  for (const n of [...valid, ...mixed.slice(0, 2000)]) {
    const r = core.parseIdNumber(n, AS_OF);
    const p = peer.getInfo(n);
    if (r.ok !== (p !== false)) throw new Error(`disagree on ${n}: core ${r.ok}, peer ${p !== false}`);
    if (r.ok && r.value.birthDate !== p.birth) throw new Error(`birth date differs on ${n}`);
  }
}

export default {
  name: 'identity',
  description: 'parseIdNumber vs id-validator getInfo/isValid; batch of 10,000 vs getInfo in a loop',
  cases: [
    { name: 'parseIdNumber, one call', check, core: (i) => core.parseIdNumber(valid[i & 255], AS_OF),
      peer: { name: 'id-validator getInfo', fn: (i) => peer.getInfo(valid[i & 255]) } },
    { name: 'parseIdNumber(...).ok, one call', core: (i) => core.parseIdNumber(valid[i & 255], AS_OF).ok,
      peer: { name: 'id-validator isValid', fn: (i) => peer.isValid(valid[i & 255]) } },
    { name: 'parseIdNumbers, 10,000 mixed (per number)', inner: 1,
      core: () => core.parseIdNumbers(mixed, AS_OF), perCall: 10000,
      peer: { name: 'getInfo in a loop', fn: () => { const out = new Array(mixed.length); for (let i = 0; i < mixed.length; i++) out[i] = peer.getInfo(mixed[i]); return out; } } },
  ],
};
