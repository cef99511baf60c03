// `node bench/floor.mjs [identity|forms]`: what a goal of issues 3 and 4 leaves for the work
// in wasm, against the cost of the parts no implementation behind this boundary can skip.
// Tight loops, best of 7 rounds, one process (tight loops are the JIT peers' best case; the
// ratios of `npm run bench` and bench/interleaved.mjs are the ones the docs report).
//
// identity: per number of the 10,000-number batch of bench/groups/identity.mjs
//   - budget: `getInfo` in a loop ÷ 1.5 (the batch goal);
//   - input floor: one `join('\n')` and one `encodeInto` of the batch (what the glue does),
//     or a `charCodeAt` copy, whichever is cheaper;
//   - result floor: the result objects of the public shape, built in plain JS from fields
//     computed beforehand (no wasm, no decoding);
//   - wasm: `idParseMany` alone, its input already in wasm memory, no decoding.
// forms: per validation of the first valid case of each form (bench/groups/forms.mjs)
//   - budgets: zod 4 ÷ 1 and async-validator ÷ 5 (the goals);
//   - boundary floor: `JSON.stringify(data)` + `JSON.parse(result text)`;
//   - wasm: `formsValidateIn` alone, its arguments already in wasm memory, result not read.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../pkg/index.cjs');
const raw = require('../pkg/homecare_node.cjs');
const which = process.argv[2] || '';

function best(fn, n, per = 1) {
  for (let i = 0; i < Math.max(1, n / 10); i++) fn(i);
  let min = Infinity;
  for (let r = 0; r < 7; r++) {
    const s = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(i);
    min = Math.min(min, Number(process.hrtime.bigint() - s) / n / per);
  }
  return min;
}
const ns = (x) => `${x.toFixed(0)} ns`;
function table(title, rows) {
  console.log(`\n${title}`);
  for (const [name, value] of rows) console.log(`  ${name.padEnd(52)} ${value}`);
}

if (!which || which === 'identity') {
  const IDValidator = require('id-validator');
  const peer = new IDValidator(require('id-validator/src/GB2260'));
  const AS_OF = { asOf: '2025-06-01' };
  const { mixed } = await import('./groups/identity.mjs');
  const N = mixed.length;
  const results = core.parseIdNumbers(mixed, AS_OF);
  const fields = results.map((r) => r.value);
  const peerNs = best(() => { const out = new Array(N); for (let i = 0; i < N; i++) out[i] = peer.getInfo(mixed[i]); return out; }, 20, N);
  const fullNs = best(() => core.parseIdNumbers(mixed, AS_OF), 20, N);
  const encoder = new TextEncoder();
  const sink = new Uint8Array(N * 20 * 3);
  const joinNs = best(() => encoder.encodeInto(mixed.join('\n'), sink), 20, N);
  // …or each number's UTF-16 units copied into the buffer one by one (ASCII input).
  const copyNs = best(() => {
    let w = 0;
    for (let k = 0; k < N; k++) {
      const t = mixed[k];
      for (let j = 0; j < t.length; j++) sink[w++] = t.charCodeAt(j);
      sink[w++] = 10;
    }
    return w;
  }, 20, N);
  const inputNs = Math.min(joinNs, copyNs);
  const objectsNs = best(() => {
    const out = new Array(N);
    for (let k = 0; k < N; k++) {
      const f = fields[k];
      if (results[k].ok) {
        const value = { kind: f.kind, normalized: mixed[k], birthDate: f.birthDate, sex: f.sex, age: f.age, region: f.region, warnings: [] };
        if (f.upgraded !== undefined) value.upgraded = f.upgraded;
        out[k] = { ok: true, value, warnings: [] };
      } else {
        out[k] = { ok: false, errors: results[k].errors.map((e) => {
          const params = {};
          for (const key in e.params) params[key] = e.params[key];
          return { path: '', code: e.code, params, message: e.message };
        }) };
      }
    }
    return out;
  }, 20, N);
  // The wasm parse alone: the batch written once into the scratch input, parsed again and again.
  raw.idSetOptions(AS_OF.asOf, '', 'zh-CN');
  const text = Buffer.from(mixed.join('\n'));
  const at = raw.scratchIn(text.length);
  new Uint8Array(raw.scratchMemory().buffer).set(text, at);
  const wasmNs = best(() => raw.idParseMany(text.length, N), 20, N);
  const budget = peerNs / 1.5;
  table('identity: parseIdNumbers, 10,000 mixed, per number', [
    ['id-validator getInfo in a loop', ns(peerNs)],
    ['goal: 1.5x getInfo leaves', ns(budget)],
    ['parseIdNumbers now', `${ns(fullNs)} (${(peerNs / fullNs).toFixed(2)}x)`],
    ['input floor (join + encodeInto, or a charCodeAt copy)', `${ns(inputNs)} (${ns(joinNs)}, ${ns(copyNs)})`],
    ['result floor (plain JS objects, fields precomputed)', ns(objectsNs)],
    ['left for the parse in wasm', ns(budget - inputNs - objectsNs)],
    ['the parse in wasm now (idParseMany alone)', ns(wasmNs)],
  ]);
}

if (!which || which === 'forms') {
  const zodForms = await import('./baselines/forms-zod.mjs');
  const avForms = await import('./baselines/forms-async-validator.mjs');
  const { load } = await import('./groups/forms.mjs');
  for (const form of ['register.basic', 'register.realName', 'register.emergencyContacts', 'staff.onboarding']) {
    const { valid: data, options } = load(form);
    const zod = zodForms.schemas(options)[form];
    const av = avForms.descriptors(options)[form];
    const zodNs = best(() => zodForms.validate(zod, data), 20000);
    // async-validator keeps memory per call: fewer rounds keep the heap small.
    const avNs = best(() => avForms.validate(av, data), 3000);
    const fullNs = best(() => core.validateForm(form, data, options), 20000);
    const resultText = JSON.stringify(core.validateForm(form, data, options));
    const stringifyNs = best(() => JSON.stringify(data), 20000);
    const parseNs = best(() => JSON.parse(resultText), 20000);
    // formsValidateIn alone: form id, options JSON and data written once into its buffer.
    const call = JSON.stringify({ ...options, locale: 'zh-CN', mode: 'all' });
    const parts = [form, call, JSON.stringify(data)].map((s) => Buffer.from(s));
    const inAt = raw.formsIn(parts.reduce((n, b) => n + b.length, 0));
    const mem = new Uint8Array(raw.scratchMemory().buffer);
    let w = inAt;
    for (const b of parts) { mem.set(b, w); w += b.length; }
    const wasmNs = best(() => raw.formsValidateIn(parts[0].length, parts[1].length, parts[2].length), 20000);
    table(`forms: ${form}, one validation`, [
      ['zod 4 (goal: faster)', ns(zodNs)],
      ['async-validator ÷ 5 (goal: 5x faster)', `${ns(avNs / 5)} (async-validator ${ns(avNs)})`],
      ['validateForm now', `${ns(fullNs)} (${(zodNs / fullNs).toFixed(2)}x zod, ${(avNs / fullNs).toFixed(2)}x async-validator)`],
      ['boundary floor (JSON.stringify data + JSON.parse result)', ns(stringifyNs + parseNs)],
      ['the validation in wasm now (formsValidateIn alone)', ns(wasmNs)],
    ]);
  }
}
