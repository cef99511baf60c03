// Client-side encryption: a registration form sealed in a JWE envelope to a backend key.
// The key pair is generated here in the page, for the demo only: a real backend keeps its
// private key on the server and the app ships only the public JWK.
import { html } from './util.js';

const SAMPLE = {
  name: '王秀英',
  idNumber: '110101194001011234',
  mobile: '13800138000',
  address: '北京市东城区和平里街道 3 号楼 2 单元 501',
  services: ['上门输液', '伤口换药'],
};

export default {
  title: '加密提交（JWE 信封）',
  mount(card, core) {
    const pair = core.generateEcKeyPair();
    const frag = html`
      <p class="bad"><strong>演示用密钥</strong>：下面的“后端”密钥对是在本页面里临时生成的，只为演示。
        真实的小程序只带后端的公钥，私钥只在服务器上。</p>
      <p>演示后端公钥编号（kid）：<code data-test="jwe-kid">${pair.publicJwk.kid}</code></p>
      <p><label>要提交的登记资料（JSON）：<br>
        <textarea data-test="jwe-input" rows="7" style="width:100%;font-size:1rem">${JSON.stringify(SAMPLE, null, 2)}</textarea></label></p>
      <p><button type="button" data-test="jwe-encrypt">加密</button>
         <button type="button" data-test="jwe-decrypt">用演示私钥解开</button></p>
      <p>加密后发给后端的内容（紧凑 JWE，ECDH-ES+A256KW / A256GCM）：</p>
      <p><code data-test="jwe-output">—</code></p>
      <p>解开后的内容：</p>
      <p><code data-test="jwe-opened">—</code></p>`;
    const input = frag.querySelector('[data-test=jwe-input]');
    const output = frag.querySelector('[data-test=jwe-output]');
    const opened = frag.querySelector('[data-test=jwe-opened]');
    let compact = '';
    frag.querySelector('[data-test=jwe-encrypt]').addEventListener('click', () => {
      opened.textContent = '—';
      try {
        compact = core.jweEncrypt(JSON.parse(input.value), pair.publicJwk, { cty: 'json' });
        output.textContent = compact;
        output.className = '';
      } catch (e) {
        compact = '';
        output.textContent = e instanceof SyntaxError ? '资料格式不对（不是 JSON），请检查后再试。' : `${e.code}: ${e.message}`;
        output.className = 'bad';
      }
    });
    frag.querySelector('[data-test=jwe-decrypt]').addEventListener('click', () => {
      if (!compact) { opened.textContent = '请先点“加密”。'; return; }
      const r = core.jweDecrypt(compact, pair.privateJwk);
      if (r.ok) {
        opened.textContent = new TextDecoder().decode(r.value.payload);
        opened.className = 'ok';
      } else {
        opened.textContent = r.errors[0].message;
        opened.className = 'bad';
      }
    });
    card.append(frag);
  },
};
