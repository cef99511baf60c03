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

  const id = node.parseIdNumber('11010519491231002X', { asOf: '2025-06-01', kinds: ['resident', 'resident15'] });
  if (id.ok) {
    const county: string | null = id.value.region ? id.value.region.county : null;
    const kind: node.IdKind = id.value.kind;
    void [county, kind];
  } else {
    const code: string = id.errors[0].code;
    void code;
  }
  const many: node.CheckResult<node.ParsedId>[] = node.parseIdNumbers(['1', '2']);
  const fake: string = node.fakeIdNumber({ seed: 1, kind: 'hkPermit' });
  const masked: string = node.mask(13800138000, 'mobile', { keepStart: 3 });
  const maskedObj = node.maskObject({ a: { b: '13800138000' } }, { 'a.b': 'mobile', c: { kind: 'custom', keepEnd: 2 } });
  const digest: string = node.keyedDigest('x', new Uint8Array(16));
  const mobile = node.validateMobile('13800138000');
  if (mobile.ok) void mobile.value.international;
  // @ts-expect-error unknown mask kind
  node.mask('x', 'phone');
  // @ts-expect-error unknown document kind
  node.parseIdNumber('x', { kinds: ['idCard'] });
  void [many, fake, masked, maskedObj, digest];
  // Encryption (f-crypto.d.ts).
  const key: node.AeadKey = node.AeadKey.generate();
  const imported = node.AeadKey.import(new Uint8Array(32));
  const sealed: Uint8Array = node.aeadEncrypt(key, '张三', 'ctx');
  const opened = node.aeadDecrypt(key, sealed, new Uint8Array([1]), { locale: 'en' });
  const plainBytes: Uint8Array | undefined = opened.ok ? opened.value : undefined;
  const sealedText: string = node.aeadEncryptString(imported, '13800138000');
  const openedText = node.aeadDecryptString(imported, sealedText);
  const plainText: string = openedText.ok ? openedText.value : openedText.errors[0].code;
  const fields = node.sealFields({ id: '110101194001011234', contacts: [{ mobile: '1' }] }, ['id', 'contacts[*].mobile'], key);
  const reopened = fields.ok ? node.openFields(fields.value, ['id', 'contacts[*].mobile'], key) : fields;
  const pair = node.generateEcKeyPair();
  const compact: string = node.jweEncrypt({ name: '王秀英' }, pair.publicJwk, { alg: 'ECDH-ES', cty: 'json', extraHeaders: { orderId: 'o-1' } });
  const jwe = node.jweDecrypt(compact, JSON.stringify(pair.privateJwk));
  const payload: Uint8Array | undefined = jwe.ok ? jwe.value.payload : undefined;
  const feats: string[] = node.features();
  const seeded: number = node.seedEntropy(new Uint8Array(12));
  if (node.sm3 && node.sm2Encrypt && node.sm2GenerateKeyPair) {
    const digest: Uint8Array = node.sm3('abc');
    const sm2Ct: Uint8Array = node.sm2Encrypt(node.sm2GenerateKeyPair().publicKey, '张三', { format: 'bare' });
    void [digest, sm2Ct];
  }
  key.free();
  // @ts-expect-error keys come from generate() or import()
  new node.AeadKey();
  // @ts-expect-error alg is a closed set
  node.jweEncrypt('x', pair.publicJwk, { alg: 'RSA-OAEP' });
  void [plainBytes, plainText, reopened, payload, feats, seeded];
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

  // Drafts and the outbox (f-drafts.d.ts): constructors exist in builds with the drafts feature.
  if (node.DraftStore && node.Outbox) {
    const memory: node.StorageAdapter = {
      get: (k: string) => (k === 'x' ? 'y' : null), set: () => undefined, remove: () => undefined,
      keys: () => [], info: () => ({ currentSize: 0, limitSize: 10240 }),
    };
    const store: node.DraftStore = new node.DraftStore({ storage: memory, namespace: 'app', key: node.AeadKey.generate(),
      now: () => Date.now(), ttlMs: 86400000, locale: 'en', onAutosave: (r) => void r.ok });
    const saved = store.save('registration', 'd1', { name: '张三' }, { schemaVersion: 2 });
    const status: node.DraftStatus | undefined = saved.ok ? saved.value.status : undefined;
    const loaded = store.load<{ name: string }>('registration', 'd1');
    const name: string = loaded.ok ? loaded.value.data.name : loaded.errors[0].code;
    store.registerMigration('registration', 1, [{ op: 'rename', path: '/tel', to: 'mobile' }]);
    store.registerMigration('registration', 2, (data) => data);
    const auto = store.autosave('registration', 'd1', { name: '李四' });
    const deferred: boolean = auto.ok && auto.value.outcome === 'deferred';
    const flushed: node.CheckResult<node.DraftInfo[]> = store.flush();
    const usage = store.usage();
    const kb: number = usage.ok ? usage.value.limitSizeKb : 0;
    store.free();
    const outbox: node.Outbox = new node.Outbox({ storage: 'wx', maxAttempts: 5 });
    const queued = outbox.enqueue('booking.create', { service: '换药' }, { stream: 'booking' });
    const idem: string = queued.ok ? queued.value : '';
    const due = outbox.due();
    const first: node.OutboxItem | undefined = due.ok ? due.value[0] : undefined;
    outbox.fail(idem, new Error('timeout'), { retryable: true });
    outbox.ack(idem, { orderId: 'A1' });
    // @ts-expect-error storage is a closed set or an adapter
    new node.DraftStore({ storage: 'indexedDB' });
    void [status, name, deferred, flushed, kb, first];
  }

  // @ts-expect-error locale is a closed set
  node.selfTest({ locale: 'fr' });
  // @ts-expect-error wasmPath is a string
  await weapp.init({ wasmPath: 42 });

  void [v, firstCode, digits, bytes, uuid, same, ok, left];
}

void main;
