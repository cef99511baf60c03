// Live checks as the user types: ID number, mobile, name — with the masked form shown,
// which is what the app displays once a value is accepted.
import { html } from './util.js';

const FIELDS = [
  { key: 'id', label: '身份证号', placeholder: '例如 11010519491231002X', check: (c, v) => c.parseIdNumber(v), mask: 'idNumber' },
  { key: 'mobile', label: '手机号', placeholder: '例如 +86 138 0013 8000', check: (c, v) => c.validateMobile(v), mask: 'mobile' },
  { key: 'name', label: '姓名', placeholder: '例如 阿依古丽·买买提', check: (c, v) => c.validateName(v), mask: 'name' },
];

function describeId(v) {
  const parts = [`${v.birthDate}出生`, v.sex === 'male' ? '男' : v.sex === 'female' ? '女' : '', v.age === null ? '' : `${v.age}岁`];
  if (v.region) parts.push([v.region.province, v.region.city, v.region.county].filter(Boolean).join(''));
  return parts.filter(Boolean).join('，');
}

export default {
  title: '证件与联系方式核对（实时）',
  mount(card, core) {
    for (const f of FIELDS) {
      const row = html`<div class="field">
        <label>${f.label}<br><input data-test="identity-${f.key}" placeholder="${f.placeholder}" autocomplete="off"></label>
        <p class="hint" data-test="identity-${f.key}-result">请输入</p></div>`;
      const input = row.querySelector('input');
      const out = row.querySelector('.hint');
      input.addEventListener('input', () => {
        const value = input.value;
        if (value.trim() === '') {
          out.textContent = '请输入';
          out.className = 'hint';
          return;
        }
        const r = f.check(core, value);
        if (r.ok) {
          const normalized = r.value.normalized;
          const extra = f.key === 'id' ? `（${describeId(r.value)}）` : '';
          out.textContent = `✓ 已核对：${core.mask(normalized, f.mask)}${extra}`;
          out.className = 'hint ok';
        } else {
          out.textContent = `✗ ${r.errors[0].message}`;
          out.className = 'hint bad';
        }
      });
      card.append(row);
    }
  },
};
