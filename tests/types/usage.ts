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
