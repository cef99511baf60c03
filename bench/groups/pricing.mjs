// Quotes per second through the JS boundary: the bench order of crates/pricing/benches (5
// lines: 3 services incl. a per-30-minute one, transport, 1 consumable; a percent coupon,
// 1 000 points, the deposit plan, the insurance estimate) under a PriceEngine compiled once.
// The comparison is bench/baselines/pricing-baseline.mjs: a BASELINE (plain JS arithmetic of
// the same rules, none of the core's checking), not a peer library; `check` proves it gives
// the same numbers as the core for this order before anything is timed.
// engine.quote sends plain orders in a wire form and reads the quote back as numbers plus the
// strings that changed since the engine's previous quote (docs/pricing.md, "Boundary format"):
// the second case therefore cycles through four taps that change the points and the rehab
// minutes, so explanations, allocations and totals change on every call, on both sides.
// The split cases time the JSON path (what the one-off quote and refunds use): the raw call
// (order JSON in, quote JSON text out) and the JSON.parse of that ~2 KB text.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { createBaseline } from '../baselines/pricing-baseline.mjs';

const require = createRequire(import.meta.url);
const core = require('../../pkg/index.cjs');

const config = JSON.parse(fs.readFileSync(new URL('../../crates/pricing/tests/fixtures/basic-config.json', import.meta.url), 'utf8'));
const order = {
  items: [{ itemId: 'wound', quantity: 1 }, { itemId: 'inj', quantity: 1 }, { itemId: 'rehab', minutes: 90 }],
  consumables: [{ id: 'dressing', quantity: 2 }], distanceMetres: 5200,
  appointmentStart: '2026-12-01T09:00', bookedAt: '2026-11-30T20:00', couponId: 'PCT10', points: 1000, paymentPlan: 'deposit',
};

// Four taps on the quote screen: points 1000 / 900 / 800 / 700, rehab 90 / 120 / 60 / 150 min.
const taps = [[1000, 90], [900, 120], [800, 60], [700, 150]].map(([points, minutes]) => ({
  ...order, points, items: [order.items[0], order.items[1], { itemId: 'rehab', minutes }],
}));

const engine = new core.PriceEngine(config);
const baseline = createBaseline(config);
const rawEngine = engine._h; // the wasm-bindgen handle inside (internal; only for the split)
const orderText = JSON.stringify(order);
const quoteText = rawEngine.quote(orderText, 'zh-CN');

function sameNumbers(o = order) {
  const q = engine.quote(o);
  if (!q.ok) throw new Error(JSON.stringify(q.errors));
  const b = baseline(o);
  const pick = (x) => JSON.stringify({
    lines: x.lines.map((l) => [l.kind, l.refId, l.quantity, l.amount, l.discount, l.net]),
    discounts: x.discounts.map((d) => [d.kind, d.amount, d.allocations]),
    totals: x.totals, subtotals: x.subtotals, payment: x.payment, insurance: { ...x.insurance, note: undefined }, points: x.points,
  });
  if (pick(q.value) !== pick(b)) throw new Error(`baseline differs from the core:\n${pick(b)}\n${pick(q.value)}`);
  if (q.value.lines.length !== 5 || q.value.discounts.length !== 2 || !q.value.insurance) throw new Error('not the bench order');
  // The compact result is the quote JSON, field for field (strings included).
  const viaJson = JSON.parse(rawEngine.quote(JSON.stringify(o), 'zh-CN'));
  if (JSON.stringify(viaJson) !== JSON.stringify(q.value)) throw new Error('engine.quote differs from the quote JSON');
}
function sameNumbersEveryTap() {
  for (const t of taps) sameNumbers(t);
  for (const t of taps) sameNumbers(t); // again, now with the engine's string slots warm
}

export default {
  name: 'pricing',
  description: 'engine.quote of a 5-line order (coupon, points, deposit, insurance) through the boundary vs a JS baseline; the same order, and four taps cycled',
  cases: [
    { name: 'engine.quote, 5 lines', check: sameNumbers, core: () => engine.quote(order), peer: { name: 'JS baseline (not a peer)', fn: () => baseline(order) }, inner: 200 },
    { name: 'engine.quote, 4 different taps cycled', check: sameNumbersEveryTap, core: (i) => engine.quote(taps[i & 3]), peer: { name: 'JS baseline (not a peer)', fn: (i) => baseline(taps[i & 3]) }, inner: 200 },
    { name: 'JSON path: stringify + raw quote (text out)', core: () => rawEngine.quote(JSON.stringify(order), 'zh-CN'), inner: 200 },
    { name: 'JSON path: raw quote only (text in, text out)', core: () => rawEngine.quote(orderText, 'zh-CN'), inner: 200 },
    { name: `JSON path: JSON.parse of the quote (${quoteText.length} chars)`, core: () => JSON.parse(quoteText), inner: 200 },
    { name: 'one-off quote (config compiled per call)', core: () => core.quote(order, config), inner: 50 },
    { name: 'formatFen upper', core: (i) => core.formatFen(1640902 + i, { upper: true }), peer: undefined },
  ],
};
