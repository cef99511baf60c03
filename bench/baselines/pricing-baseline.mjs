// A BASELINE for `npm run bench -- pricing`, not a peer: a straightforward JavaScript
// implementation of the docs/pricing.md rules that the bench order exercises (per-visit and
// per-30-minute lines, distance tiers, night/holiday/urgent surcharges, consumables, one
// fixed/percent/threshold coupon, points, largest-remainder allocation, deposit plan, insurance
// estimate), written for the benchmark the way an app team would write it in a hurry. It skips
// what the core guarantees and a real app needs: strict input checking with paths, overflow
// checks (plain JS numbers), packages, coordinates, every error message, the locale. It exists
// to show what the boundary costs against doing the arithmetic in JS; bench/groups/pricing.mjs
// checks that it produces the same numbers as the core for the bench order before timing it.

const BP = 10000;
const yuan = (fen) => {
  const a = Math.abs(fen);
  const y = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${y}.${String(a % 100).padStart(2, '0')}`;
};
const halfUp = (n, bp) => Math.floor((n * bp + BP / 2) / BP);
const minutesOf = (t) => {
  const [d, hm] = t.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [h, min] = hm.split(':').map(Number);
  return Date.UTC(y, m - 1, day, h, min) / 60000;
};

/** Splits `total` over `weights` by largest remainder (ties to the lower index). */
function allocate(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => [(total * w) % sum, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) shares[order[k][1]]++;
  return shares;
}

export function createBaseline(config) {
  const items = new Map(config.items.map((i) => [i.id, i]));
  const consumables = new Map((config.consumables || []).map((c) => [c.id, c]));
  const coupons = new Map((config.coupons || []).map((c) => [c.id, c]));
  const holidays = new Set(config.surcharges?.holiday?.dates || []);

  function transportFee(m) {
    const t = config.transport;
    if (t.freeWithinMetres && m <= t.freeWithinMetres) return 0;
    if (t.kind === 'perKm') {
      const km = Math.ceil(Math.max(0, m - t.includedMetres) / 1000);
      return Math.min(t.base + t.perKm * km, t.cap ?? Infinity);
    }
    const tier = t.tiers.find((x) => x.upToMetres === undefined || m <= x.upToMetres);
    if (!tier) throw new Error('beyond the service area');
    return tier.fee;
  }

  return function quote(order) {
    const lines = [];
    let serviceGross = 0;
    for (const o of order.items) {
      const item = items.get(o.itemId);
      if (!item) throw new Error(`unknown item ${o.itemId}`);
      const qty = item.unit === 'per30Minutes' ? Math.ceil(o.minutes / 30) : o.quantity;
      const amount = qty * item.unitPrice;
      serviceGross += amount;
      lines.push({ kind: 'service', refId: item.id, name: item.name, quantity: qty, unitPrice: item.unitPrice, amount, discount: 0, net: amount,
        insurance: item.insurance, explanation: `${item.name}：${qty} × ${yuan(item.unitPrice)} = ${yuan(amount)}` });
    }
    const fee = transportFee(order.distanceMetres);
    lines.push({ kind: 'transport', refId: 'transport', name: '交通费', quantity: 1, unitPrice: fee, amount: fee, discount: 0, net: fee,
      insurance: 'selfPay', explanation: `交通费：${(Math.round(order.distanceMetres / 100) / 10).toFixed(1)} 公里，${yuan(fee)}` });
    const s = config.surcharges || {};
    const start = order.appointmentStart;
    const hm = start.slice(11);
    const charge = (c) => (c.rateBp !== undefined ? halfUp(serviceGross, c.rateBp) : c.fixed);
    const surcharge = (refId, name, c) => {
      const amount = charge(c);
      lines.push({ kind: 'surcharge', refId, name, quantity: 1, unitPrice: amount, amount, discount: 0, net: amount, insurance: 'selfPay', explanation: `${name}：${yuan(amount)}` });
    };
    if (s.night && (s.night.from < s.night.to ? hm >= s.night.from && hm < s.night.to : hm >= s.night.from || hm < s.night.to)) surcharge('night', '夜间服务费', s.night);
    if (s.holiday && holidays.has(start.slice(0, 10))) surcharge('holiday', '节假日服务费', s.holiday);
    if (s.urgent && minutesOf(start) - minutesOf(order.bookedAt) < s.urgent.leadTimeUnderHours * 60) surcharge('urgent', '加急服务费', s.urgent);
    for (const o of order.consumables || []) {
      const c = consumables.get(o.id);
      const amount = o.quantity * c.price;
      lines.push({ kind: 'consumable', refId: c.id, name: c.name, quantity: o.quantity, unitPrice: c.price, amount, discount: 0, net: amount,
        insurance: c.insurance, explanation: `${c.name}：${o.quantity} × ${yuan(c.price)} = ${yuan(amount)}` });
    }
    const discounts = [];
    const apply = (kind, refId, name, amount, points, covers) => {
      const parts = allocate(amount, lines.map((l) => (covers(l) ? l.net : 0)));
      const allocations = [];
      parts.forEach((p, i) => {
        if (!covers(lines[i])) return;
        lines[i].discount += p;
        lines[i].net -= p;
        allocations.push({ line: i, amount: p });
      });
      discounts.push({ kind, refId, name, amount, points, allocations, explanation: `${name}：-${yuan(amount)}` });
    };
    if (order.couponId) {
      const c = coupons.get(order.couponId);
      if (!c) throw new Error('unknown coupon');
      if (c.validUntil && order.bookedAt > c.validUntil) throw new Error('coupon expired');
      if (c.validFrom && order.bookedAt < c.validFrom) throw new Error('coupon not yet valid');
      if (c.newUserOnly && !order.newUser) throw new Error('new users only');
      const covers = c.itemIds ? (l) => l.kind === 'service' && c.itemIds.includes(l.refId) : () => true;
      const base = lines.reduce((a, l) => a + (covers(l) ? l.net : 0), 0);
      let amount;
      if (c.kind === 'fixed') amount = c.amount;
      else if (c.kind === 'percent') amount = Math.min(halfUp(base, c.rateBp), c.cap ?? Infinity);
      else if (base >= c.threshold) amount = c.amount;
      else throw new Error('threshold not met');
      apply('coupon', c.id, c.name, Math.min(amount, base), 0, covers);
    }
    let pointsInfo;
    if (config.points) {
      const p = config.points;
      const payable = lines.reduce((a, l) => a + l.net, 0);
      const maxFen = Math.floor((payable * p.maxShareBp) / BP);
      const step = p.step || 1;
      const maxRedeemable = Math.floor(Math.floor(maxFen / p.valueFen) / step) * step;
      const used = order.points || 0;
      if (used % step !== 0 || used > maxRedeemable) throw new Error('points');
      if (used > 0) apply('points', 'points', '积分抵扣', used * p.valueFen, used, () => true);
      pointsInfo = { valueFen: p.valueFen, maxRedeemable, used };
    }
    const gross = lines.reduce((a, l) => a + l.amount, 0);
    const payable = lines.reduce((a, l) => a + l.net, 0);
    const subtotals = { service: 0, transport: 0, surcharge: 0, consumable: 0 };
    for (const l of lines) subtotals[l.kind] += l.amount;
    const ratio = config.depositRatioBp ?? 2000;
    const payNow = order.paymentPlan === 'deposit' ? halfUp(payable, ratio) : payable;
    const q = {
      lines, discounts, totals: { gross, discount: gross - payable, payable }, subtotals,
      payment: { kind: order.paymentPlan || 'full', depositRatioBp: ratio, payNow, balance: payable - payNow },
    };
    if (config.insurance) {
      const ins = config.insurance;
      const eligible = lines.reduce((a, l) => a + (l.insurance === 'eligible' ? l.net : 0), 0);
      const deductibleApplied = Math.min(eligible, ins.remainingDeductible || 0);
      const fund = Math.min(Math.floor(((eligible - deductibleApplied) * ins.ratioBp) / BP), ins.remainingCap ?? Infinity);
      q.insurance = { isEstimate: true, eligible, deductibleApplied, fund, selfPay: payable - fund, note: '预估，以医保结算为准' };
    }
    if (pointsInfo) q.points = pointsInfo;
    return q;
  };
}
