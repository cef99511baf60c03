'use strict';
// Forms through the WeChat entry inside the simulated mini-program runtime: no TextEncoder,
// no WebAssembly global, MVP-only engine — validateForm, validateField, registerSchema and
// setMessages behave as in Node, and garbage never traps.
const test = require('node:test');
const assert = require('node:assert/strict');
const { createRuntime } = require('./wechat-sim/runtime.cjs');
const { miniprogramDir } = require('./helpers.cjs');

test('validateForm / validateField / registerSchema / setMessages through the weapp entry', async () => {
  const rt = createRuntime({ root: miniprogramDir });
  try {
    const core = rt.require('homecare/homecare.js');
    await core.init();
    const contacts = { emergencyContacts: [
      { name: '李建国', relationship: 'spouse', mobile: '139 1234 5678' },
      { name: '李小红', relationship: 'child', mobile: '+8615800001111' }] };
    const ok = core.validateForm('register.emergencyContacts', contacts, { asOf: '2026-11-30', context: { mobile: '13800138000' } });
    assert.equal(ok.ok, true, JSON.stringify(ok.errors));
    assert.equal(ok.value.emergencyContacts[1].mobile, '15800001111');
    const bad = core.validateForm('register.realName', { docKind: 'resident', idNumber: '110105195003080021', name: '王秀英' });
    assert.equal(bad.errors[0].code, 'id.checksum_mismatch');
    assert.match(bad.fieldErrors.idNumber, /[\u4e00-\u9fff]/);
    const live = core.validateField('login.sms', 'mobile', { mobile: '１３８００１３８０００' });
    assert.equal(live.value, '13800138000');
    assert.equal(core.registerSchema({ id: 'wx.note', version: 1, fields: [{ name: 'note', type: 'string', required: true,
      label: { 'zh-CN': '备注', en: 'note' } }] }).ok, true);
    core.setMessages('zh-CN', { 'field.required': '请填{label}' });
    assert.equal(core.validateForm('wx.note', {}).fieldErrors.note, '请填备注');
    core.setMessages('zh-CN', {});
    // Garbage, including a 100,000-deep array built inside the mini program's own realm.
    const deep = rt.evaluate('(function(){var d=[],c=d;for(var i=0;i<100000;i++){var n=[];c.push(n);c=n;}return d;})()');
    for (const g of [undefined, null, 5, 'x', deep, { emergencyContacts: 'x' }, [1, 2]]) {
      try {
        const r = core.validateForm('register.emergencyContacts', g);
        assert.equal(r.ok, false);
      } catch (e) {
        assert.equal(e.name, 'HomecareError', String(e && e.stack));
      }
    }
    assert.equal(core.validateField('login.sms', 'mobile', { mobile: '13800138000' }).ok, true);
  } finally { rt.dispose(); }
});
