// Secure random ids (idempotency keys for submissions).
import { html } from './util.js';

export default {
  title: '安全随机编号（防重复提交用）',
  mount(card, core) {
    const frag = html`<p><button type="button" data-test="uuid-button">生成一个</button></p>
      <p><code data-test="uuid">—</code></p>`;
    const out = frag.querySelector('[data-test=uuid]');
    frag.querySelector('button').addEventListener('click', () => {
      try {
        out.textContent = core.randomUuid();
      } catch (e) {
        out.textContent = `${e.code}: ${e.message}`;
      }
    });
    card.append(frag);
  },
};
