// Compiled by tests/types.test.mjs with `tsc --strict`: the public types must describe real
// usage without casts. Lines marked @ts-expect-error must stay errors.
import * as node from '@homecare/core';
import initWeb, { selfTest as webSelfTest, HomecareError as WebError } from '@homecare/core/web';
import * as weapp from '@homecare/core/weapp';

declare function someCheck(): node.CheckResult<{ normalized: string }>;

async function main(): Promise<void> {
  const v: string = node.version();
  const report: node.SelfTestReport = node.selfTest({ locale: 'en' });
  const firstCode: string = report.errorResult.errors[0].code;
  const digits: string | number = report.errorResult.errors[0].params.digits;
  const bytes: Uint8Array = report.sample.bytes;
  const uuid: string = node.randomUuid();
  await node.init();

  const api = await initWeb();
  const same: string = api.version();
  const webReport = webSelfTest();
  const ok: boolean = webReport.ok;

  const wx = await weapp.init({ wasmPath: '/homecare/homecare_bg.wasm.br' });
  const left: number = await wx.refillRandom();

  try {
    node.selfTest();
  } catch (e) {
    if (e instanceof node.HomecareError || e instanceof WebError) {
      const code: string = e.code;
      void code;
    }
  }

  const r = someCheck();
  if (r.ok) {
    const n: string = r.value.normalized;
    void n;
  } else {
    const e: node.InputError[] = r.errors;
    void e;
  }

  const form: node.FormResult = node.validateForm('register.emergencyContacts',
    { emergencyContacts: [{ name: '李建国', relationship: 'spouse', mobile: '139 1234 5678' }] },
    { locale: 'zh-CN', mode: 'firstPerField', context: { mobile: '13800138000' } });
  const contactError: string | undefined = form.fieldErrors['emergencyContacts[0].mobile'];
  const live = node.validateField('login.sms', 'mobile', { mobile: '138' }, { asOf: '2026-11-30' });
  const firstPath: string | undefined = live.errors[0]?.path;
  const reg = node.registerSchema({ id: 'app.pet', version: 1, fields: [] });
  const regId: string = reg.ok ? reg.id : reg.errors[0].code;
  const forms: string[] = node.listForms().map((f) => f.id);
  node.setMessages('zh-CN', { 'field.required': '{label}还没填哦' });
  void [contactError, firstPath, regId, forms];
  // @ts-expect-error mode is a closed set
  node.validateForm('feedback', {}, { mode: 'some' });

  // @ts-expect-error locale is a closed set
  node.selfTest({ locale: 'fr' });
  // @ts-expect-error wasmPath is a string
  await weapp.init({ wasmPath: 42 });

  void [v, firstCode, digits, bytes, uuid, same, ok, left];
}

void main;
