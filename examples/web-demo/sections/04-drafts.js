// Offline drafts and the outbox: the registration form is kept as a crash-safe draft in
// localStorage (close the page mid-typing, reopen: it is there), and a booking made while
// "offline" waits in the outbox and is sent once the network is back.
import { html } from './util.js';

const FORM = 'registration';
const DRAFT = 'demo';

export default {
  title: '草稿自动保存 · 离线预约',
  mount(card, core) {
    if (typeof core.DraftStore !== 'function') {
      card.append(html`<p>这个版本没有包含草稿功能。</p>`);
      return;
    }
    // A short throttle for the demo; pages use the default (2 s) and flush on hide.
    const store = new core.DraftStore({ storage: 'localStorage', namespace: 'demo', autosaveThrottleMs: 300 });
    // No lease: offline, the demo simply does not send, so nothing is in flight.
    const outbox = new core.Outbox({ storage: 'localStorage', namespace: 'demo', leaseMs: 0 });
    const frag = html`
      <p>填写时每次输入都会自动保存。关掉页面再打开，内容还在。</p>
      <p><label>姓名 <input data-test="draft-name" name="name" autocomplete="off"></label></p>
      <p><label>手机号 <input data-test="draft-mobile" name="mobile" inputmode="numeric" autocomplete="off"></label></p>
      <p><label>住址 <input data-test="draft-address" name="address" autocomplete="off"></label></p>
      <p data-test="draft-status">—</p>
      <p><button type="button" data-test="draft-clear">清空草稿</button></p>
      <hr>
      <p><label><input type="checkbox" data-test="network"> 网络已连接（模拟）</label></p>
      <p><button type="button" data-test="book">预约上门换药</button></p>
      <ul data-test="outbox"></ul>`;
    const inputs = [...frag.querySelectorAll('input[name]')];
    const status = frag.querySelector('[data-test=draft-status]');
    const network = frag.querySelector('[data-test=network]');
    const list = frag.querySelector('[data-test=outbox]');

    const values = () => Object.fromEntries(inputs.map((i) => [i.name, i.value]));
    const loaded = store.load(FORM, DRAFT);
    if (loaded.ok) {
      for (const i of inputs) i.value = loaded.value.data[i.name] || '';
      status.textContent = `已恢复上次填写的内容${loaded.value.recovered ? '（较早的一份）' : ''}。`;
    } else if (loaded.errors[0].code !== 'drafts.not_found') {
      status.textContent = loaded.errors[0].message;
    }
    for (const i of inputs) {
      i.addEventListener('input', () => {
        const r = store.autosave(FORM, DRAFT, values());
        status.textContent = r.ok ? '已自动保存。' : r.errors[0].message;
      });
    }
    // The page may be closed at any moment: write what is pending.
    addEventListener('pagehide', () => store.flush());
    document.addEventListener('visibilitychange', () => { if (document.hidden) store.flush(); });
    frag.querySelector('[data-test=draft-clear]').addEventListener('click', () => {
      store.remove(FORM, DRAFT);
      for (const i of inputs) i.value = '';
      status.textContent = '草稿已清空。';
    });

    // The simulated backend: remembers idempotency keys, so a resend is answered, not redone.
    const server = new Map();
    let orders = 0;
    const send = (item) => {
      if (!server.has(item.id)) server.set(item.id, { orderId: `HC${String(++orders).padStart(4, '0')}` });
      return server.get(item.id);
    };
    const STATE = { pending: '等待网络，稍后自动发送', dead: '发送失败，请重试', done: '已发送' };
    const render = () => {
      const items = outbox.items();
      list.replaceChildren(...(items.ok ? items.value : []).map((i) => html`<li data-test="outbox-item" data-state="${i.state}">
        预约（${i.payload ? i.payload.service : '上门换药'}）：${STATE[i.state]}${i.response ? `，订单号 ${i.response.orderId}` : ''}</li>`));
    };
    const pump = () => {
      // Offline nothing is sent (a real page listens to wx.onNetworkStatusChange / 'online').
      if (!network.checked) return;
      const due = outbox.due();
      if (!due.ok) return;
      // A real page sends item.payload with the header Idempotency-Key: item.id, then acks
      // with the response, or fails (retryable for network errors, 408, 409, 429, 5xx).
      for (const item of due.value) outbox.ack(item.id, send(item));
      render();
    };
    frag.querySelector('[data-test=book]').addEventListener('click', () => {
      outbox.enqueue('booking.create', { service: '上门换药', ...values() }, { stream: 'booking' });
      render();
      pump();
    });
    network.addEventListener('change', pump);
    setInterval(pump, 300);
    card.append(frag);
    render();
  },
};
