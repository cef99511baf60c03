// The same error in both catalog locales.
import { html } from './util.js';

export default {
  title: '错误提示示例',
  mount(card, core) {
    const out = html`<p data-test="sample-message">—</p>`;
    const p = out.firstElementChild;
    const show = (locale) => {
      p.textContent = core.selfTest({ locale }).errorResult.errors[0].message;
    };
    const radios = html`<p>
      <label><input type="radio" name="locale" value="zh-CN" checked> 中文</label>
      <label><input type="radio" name="locale" value="en"> English</label></p>`;
    for (const r of radios.querySelectorAll('input')) r.addEventListener('change', () => show(r.value));
    card.append(radios, out);
    show('zh-CN');
  },
};
