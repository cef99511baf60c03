// The cost of one JS → wasm → JS call with a small object: the toll every export pays.
// The job: trim a name, keep the digits of a mobile number, decide adulthood. The peer is the
// same job as a plain JS function (no boundary at all), so the ratio is the boundary's price.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const raw = require('../../pkg/homecare_node.cjs');

const people = Array.from({ length: 64 }, (_, i) => ({
  name: `  张${'三四五六'[i % 4]}${i}  `, mobile: `+86 138-0013-${String(8000 + i).padStart(4, '0')}`, age: 10 + i,
}));

function normalizeJs(p) {
  return { name: p.name.trim(), mobile: p.mobile.replace(/\D/g, ''), adult: p.age >= 18 };
}

function decodeCompact(s) {
  const a = s.split('\u001f');
  return { name: a[0], mobile: a[1], adult: a[2] === '1' };
}

const sameAsJs = (fn) => () => {
  for (const p of people) {
    const a = JSON.stringify(fn(p));
    const b = JSON.stringify(normalizeJs(p));
    if (a !== b) throw new Error(`bench job differs from the JS peer: ${a} vs ${b}`);
  }
};

const peer = { name: 'plain JS function', fn: (i) => normalizeJs(people[i & 63]) };
const viaSerde = (p) => raw.__benchObjectSerde(p);
const viaReflect = (p) => raw.__benchObjectReflect(p);
const viaCompact = (p) => decodeCompact(raw.__benchCompact(p.name, p.mobile, p.age));

export default {
  name: 'boundary',
  description: 'one call with a small object, by boundary shape, against a plain JS function',
  cases: [
    { name: 'object via serde-wasm-bindgen', check: sameAsJs(viaSerde), core: (i) => viaSerde(people[i & 63]), peer },
    { name: 'object via Reflect get/set', check: sameAsJs(viaReflect), core: (i) => viaReflect(people[i & 63]), peer },
    { name: 'strings in, compact string out', check: sameAsJs(viaCompact), core: (i) => viaCompact(people[i & 63]), peer },
    { name: 'number in, bool out (floor)', core: (i) => raw.__benchNumber(i & 63), peer: { name: 'plain JS compare', fn: (i) => (i & 63) >= 18 } },
  ],
};
