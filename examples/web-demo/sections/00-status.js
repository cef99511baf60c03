// Module status: version and the boundary self-test.
import { html } from './util.js';

export default {
  title: '模块状态',
  mount(card, core) {
    const report = core.selfTest();
    card.append(html`
      <p>版本：<strong data-test="version">${core.version()}</strong></p>
      <p>自检：<strong data-test="selftest" class="${report.ok ? 'ok' : 'bad'}">${report.ok ? '通过' : '未通过'}</strong></p>
      <ul data-test="checks">${report.checks.map((c) => html`<li>${c.ok ? '✓' : '✗'} ${c.name}</li>`)}</ul>`);
  },
};
