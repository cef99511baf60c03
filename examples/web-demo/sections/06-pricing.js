// Price quote: pick services, distance and time, coupon and points, full payment or deposit;
// the itemized breakdown is re-quoted on every change by one PriceEngine (the config crosses
// into wasm once). Amounts are shown with formatFen, the total also in upper case.
import { html } from './util.js';

const money = (core, fen) => core.formatFen(fen);

export default {
  title: '上门护理费用试算',
  mount(card, core) {
    try {
      core.formatFen(0);
    } catch (e) {
      if (e.code !== 'feature.unavailable') throw e;
      card.append(html`<p data-test="pricing-missing">这个版本没有包含计价模块（构建时加 HOMECARE_FEATURES=pricing）。</p>`);
      return;
    }
    const frag = html`
      <style>
        .pricing label { display: block; margin: 0.35rem 0; }
        .pricing input, .pricing select { font-size: 1rem; }
        .pricing input[type=checkbox], .pricing input[type=radio] { width: 1.3rem; height: 1.3rem; }
        .pricing fieldset { border: 1px solid #dde; border-radius: 8px; margin: 0.5rem 0; }
        .quote { width: 100%; border-collapse: collapse; }
        .quote td { padding: 0.35rem 0; border-bottom: 1px solid #eee; }
        .quote .num { text-align: right; white-space: nowrap; padding-left: 0.5rem; }
        .quote .total td { font-weight: bold; font-size: 1.25rem; }
      </style>
      <form data-test="pricing-form" class="pricing">
        <fieldset><legend>服务项目</legend>
          <label><input type="checkbox" name="wound" checked> 伤口换药（次）</label>
          <label><input type="checkbox" name="inj"> 肌肉注射（次）</label>
          <label><input type="checkbox" name="picc"> PICC维护（次）</label>
          <label>康复训练 <input type="number" name="rehab" min="0" max="600" step="15" value="0" inputmode="numeric"> 分钟</label>
          <label>敷料包 <input type="number" name="dressing" min="0" max="20" value="1" inputmode="numeric"> 件</label>
        </fieldset>
        <fieldset><legend>距离和时间</legend>
          <label>距离 <input type="number" name="km" min="0" max="50" step="0.1" value="5.2" inputmode="decimal"> 公里</label>
          <label>上门时间 <input type="datetime-local" name="start" value="2026-12-01T09:00"></label>
          <label>下单时间 <input type="datetime-local" name="booked" value="2026-11-30T20:00"></label>
        </fieldset>
        <fieldset><legend>优惠</legend>
          <label>优惠券 <select name="coupon">
            <option value="">不用优惠券</option>
            <option value="PCT10" selected>九折券（最多减30元）</option>
            <option value="FULL300">满300减50</option>
            <option value="WOUND15">换药85折</option>
            <option value="NEW20">新人立减20元</option>
            <option value="OLD">过期券</option>
          </select></label>
          <label><input type="checkbox" name="newUser"> 我是新用户</label>
          <label>使用积分 <input type="number" name="points" min="0" step="100" value="1000" inputmode="numeric"></label>
        </fieldset>
        <fieldset><legend>付款方式</legend>
          <label><input type="radio" name="plan" value="full"> 全额支付</label>
          <label><input type="radio" name="plan" value="deposit" checked> 先付定金</label>
        </fieldset>
      </form>
      <div data-test="pricing-result" aria-live="polite"></div>`;
    const form = frag.querySelector('form');
    const out = frag.querySelector('[data-test=pricing-result]');
    card.append(frag);

    let engine = null;
    const orderOf = () => {
      const f = form.elements;
      const items = ['wound', 'inj', 'picc'].filter((id) => f[id].checked).map((id) => ({ itemId: id, quantity: 1 }));
      const rehab = Number(f.rehab.value);
      if (rehab > 0) items.push({ itemId: 'rehab', minutes: rehab });
      const dressing = Number(f.dressing.value);
      return {
        items,
        consumables: dressing > 0 ? [{ id: 'dressing', quantity: dressing }] : [],
        // Numbers as typed: a fraction of a metre or an empty box is the core's to report.
        distanceMetres: Math.round(Number(f.km.value) * 1000),
        appointmentStart: f.start.value, bookedAt: f.booked.value,
        newUser: f.newUser.checked,
        couponId: f.coupon.value || null,
        points: Number(f.points.value) || 0,
        paymentPlan: form.querySelector('input[name=plan]:checked').value,
      };
    };
    const render = () => {
      const r = engine.quote(orderOf());
      if (!r.ok) {
        out.replaceChildren(html`<ul class="bad" data-test="pricing-errors">${r.errors.map((e) => html`<li>${e.message}</li>`)}</ul>`);
        return;
      }
      const q = r.value;
      const discounts = q.discounts.map((d) => html`<tr><td>${d.name}${d.kind === 'points' ? `（${d.points} 积分）` : ''}</td><td class="num">-${money(core, d.amount)}</td></tr>`);
      const payment = q.payment.kind === 'deposit'
        ? html`<p>现在付定金 <strong data-test="pay-now">${money(core, q.payment.payNow)}</strong>，服务后再付 ${money(core, q.payment.balance)}</p>`
        : html`<p>现在支付 <strong data-test="pay-now">${money(core, q.payment.payNow)}</strong></p>`;
      out.replaceChildren(html`
        <table class="quote" data-test="pricing-lines">
          ${q.lines.map((l) => html`<tr><td>${l.explanation}</td><td class="num">${money(core, l.amount)}</td></tr>`)}
          ${discounts}
          <tr class="total"><td>合计应付</td><td class="num" data-test="total">${money(core, q.totals.payable)}</td></tr>
        </table>
        <p>大写：<strong data-test="total-upper">${core.formatFen(q.totals.payable, { upper: true })}</strong></p>
        ${payment}
        ${q.insurance ? html`<p>医保预计支付 ${money(core, q.insurance.fund)}，自付约 ${money(core, q.insurance.selfPay)}（${q.insurance.note}）</p>` : ''}
        ${q.points ? html`<p>本单最多可用 ${q.points.maxRedeemable} 积分</p>` : ''}`);
    };
    fetch(new URL('./pricing-demo-config.json', import.meta.url))
      .then((res) => res.json())
      .then((config) => {
        const created = core.PriceEngine.create(config);
        if (!created.ok) {
          out.replaceChildren(html`<ul class="bad">${created.errors.map((e) => html`<li>${e.path}：${e.message}</li>`)}</ul>`);
          return;
        }
        engine = created.value;
        form.addEventListener('input', render);
        form.addEventListener('change', render);
        render();
        out.dataset.ready = 'true';
      })
      .catch((e) => { out.textContent = `${e.code || e.name}: ${e.message}`; });
  },
};
