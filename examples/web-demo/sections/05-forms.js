// The registration flow (register.basic → register.realName → register.emergencyContacts) with
// live field errors from validateField as the user types, and validateForm on "下一步".
import { html } from './util.js';

const STEPS = [
  { form: 'register.basic', title: '第一步：基本信息', fields: [
    { path: 'name', label: '姓名', placeholder: '例如：王秀英' },
    { path: 'sex', label: '性别', options: [['female', '女'], ['male', '男']] },
    { path: 'birthDate', label: '出生日期', placeholder: '例如：1950-03-08' },
  ] },
  { form: 'register.realName', title: '第二步：实名认证', fields: [
    { path: 'docKind', label: '证件类型', options: [['resident', '居民身份证'], ['hkMoTravelPermit', '港澳居民来往内地通行证'],
      ['twTravelPermit', '台湾居民来往大陆通行证'], ['passport', '护照']] },
    { path: 'idNumber', label: '证件号码', placeholder: '18位身份证号' },
    { path: 'name', label: '姓名', placeholder: '与证件一致' },
  ] },
  { form: 'register.emergencyContacts', title: '第三步：紧急联系人', fields: [0, 1].flatMap((i) => [
    { path: `emergencyContacts[${i}].name`, label: `联系人${i + 1} 姓名` },
    { path: `emergencyContacts[${i}].relationship`, label: `联系人${i + 1} 关系`, options: [['child', '子女'], ['spouse', '配偶'], ['sibling', '兄弟姐妹'], ['friend', '朋友']] },
    { path: `emergencyContacts[${i}].mobile`, label: `联系人${i + 1} 手机号`, placeholder: '11位手机号' },
  ]) },
];

/** Sets `a.b[1].c` in a plain object, creating objects and arrays on the way. */
function setPath(obj, path, value) {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let cur = obj;
  keys.slice(0, -1).forEach((k, i) => {
    if (cur[k] === undefined) cur[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    cur = cur[k];
  });
  cur[keys[keys.length - 1]] = value;
}

export default {
  title: '注册流程（实时校验）',
  mount(card, core) {
    let step = 0;
    const data = STEPS.map(() => ({}));
    const context = {};
    const body = html`<div data-test="forms-step"></div><p data-test="forms-status" class="hint"></p>`;
    const box = body.firstElementChild;
    const status = body.lastElementChild;
    card.append(body);

    const render = () => {
      const s = STEPS[step];
      box.replaceChildren(html`<h3>${s.title}</h3>`);
      for (const f of s.fields) {
        const input = f.options
          ? html`<select data-path="${f.path}"><option value="">请选择</option>${f.options.map(([v, t]) => html`<option value="${v}">${t}</option>`)}</select>`
          : html`<input data-path="${f.path}" placeholder="${f.placeholder || ''}" autocomplete="off">`;
        const row = html`<label class="field"><span>${f.label}</span></label><p class="error" style="color:#c0392b;margin:0 0 .6em" data-error="${f.path}"></p>`;
        row.firstElementChild.append(input);
        box.append(row);
      }
      const next = html`<button data-test="forms-next">${step < STEPS.length - 1 ? '下一步' : '提交'}</button>`;
      box.append(next);
      for (const el of box.querySelectorAll('[data-path]')) {
        const check = () => {
          setPath(data[step], el.dataset.path, el.value);
          const r = core.validateField(s.form, el.dataset.path, data[step], { context });
          box.querySelector(`[data-error="${CSS.escape(el.dataset.path)}"]`).textContent = r.errors[0]?.message ?? '';
        };
        el.addEventListener('input', check);
        el.addEventListener('change', check);
      }
      box.querySelector('[data-test=forms-next]').addEventListener('click', () => {
        const r = core.validateForm(s.form, data[step], { context });
        for (const p of box.querySelectorAll('[data-error]')) p.textContent = r.fieldErrors[p.dataset.error] ?? '';
        if (!r.ok) {
          status.textContent = `还有 ${r.errors.length} 处需要修改：${r.errors[0].message}`;
          return;
        }
        if (s.form === 'register.basic') Object.assign(context, { birthDate: r.value.birthDate, sex: r.value.sex });
        status.textContent = `${s.title} 已通过。`;
        if (step < STEPS.length - 1) {
          step++;
          render();
        } else {
          status.textContent = '注册信息已全部通过校验，可以提交。';
        }
      });
    };
    render();
  },
};
