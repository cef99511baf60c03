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

  // Pricing: an engine compiled once, quotes on every tap.
  const config: node.PriceConfig = {
    version: 1,
    items: [{ id: 'inj', name: '肌肉注射', unit: 'perVisit', unitPrice: 5000, insurance: 'eligible' }],
    transport: { kind: 'perKm', base: 1000, includedMetres: 3000, perKm: 200, cap: 5000 },
    coupons: [{ id: 'PCT10', name: '九折券', kind: 'percent', rateBp: 1000, cap: 3000 }],
  };
  const order: node.Order = {
    items: [{ itemId: 'inj', quantity: 1 }], distanceMetres: 4200,
    appointmentStart: '2026-12-01T09:00', bookedAt: '2026-11-30T09:00', couponId: 'PCT10', paymentPlan: 'deposit',
  };
  const created = node.PriceEngine.create(config, { locale: 'zh-CN' });
  if (created.ok) {
    const engine: node.PriceEngine = created.value;
    const q = engine.quote(order);
    if (q.ok) {
      const payNow: node.Fen = q.value.payment.payNow;
      const shown: string = node.formatFen(q.value.totals.payable, { upper: true });
      const lines: string[] = q.value.lines.map((l) => `${l.name} ${node.formatFen(l.net)}`);
      const fund: number | undefined = q.value.insurance?.fund;
      const r = engine.refund(q.value, [{ kind: 'deposit', amount: payNow }],
        { type: 'cancellation', by: 'user', status: 'accepted', minutesBeforeStart: 90 });
      if (r.ok) void r.value.restorePoints;
      const s = node.applySettlement(q.value, { fund: 0, personalAccount: 0, cash: q.value.totals.payable });
      if (s.ok) void s.value.rows[0].text;
      void node.refund(q.value, [], { type: 'lines', lines: [{ line: 0 }] }, config);
      void [shown, lines, fund];
    } else {
      const where: string = q.errors[0].path;
      void where;
    }
    engine.free();
  } else {
    const paths: string[] = created.errors.map((e) => e.path);
    void paths;
  }
  try {
    new node.PriceEngine(config).free();
  } catch (e) {
    if (e instanceof node.HomecareError) void e.code;
  }
  {
    const describe = (err: node.PriceConfigError): string => err.errors.map((x) => x.path).join(', ');
    void describe;
  }
  const once: node.CheckResult<node.Quote> = node.quote(order, config);
  const valid: boolean = node.validatePriceConfig(config).ok;
  void [once, valid];
  // @ts-expect-error money is a number of fen, not a string
  node.formatFen('100');
  // @ts-expect-error an item has quantity or minutes, not both
  node.quote({ ...order, items: [{ itemId: 'inj', quantity: 1, minutes: 30 }] }, config);

  // @ts-expect-error locale is a closed set
  node.selfTest({ locale: 'fr' });
  // @ts-expect-error wasmPath is a string
  await weapp.init({ wasmPath: 42 });

  void [v, firstCode, digits, bytes, uuid, same, ok, left];
}

void main;
