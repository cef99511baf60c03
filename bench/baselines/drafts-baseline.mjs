// The drafts job done the way a JavaScript app would do it without the core: JSON.stringify,
// AES-256-GCM from @noble/ciphers with a random 12-byte nonce, base64, one storage write per
// draft; load reads it back, decodes, decrypts, JSON.parse. No crash safety (a write torn or
// failed halfway loses the draft), no chunking under WeChat's 1 MB per key, no checksum.
// base64 and UTF-8 use Node's native Buffer/TextEncoder: the strongest peer Node offers (in
// WeChat an app would use wx.arrayBufferToBase64 or a JS codec, which are slower).
import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/ciphers/utils.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A draft store like an app would write it, over the same `{ get, set }` storage. */
export function baselineStore(storage, key) {
  return {
    save(formId, draftId, data) {
      const json = JSON.stringify({ v: 1, at: Date.now(), data });
      let text = json;
      if (key) {
        const nonce = randomBytes(12);
        const sealed = gcm(key, nonce).encrypt(enc.encode(json));
        const out = new Uint8Array(12 + sealed.length);
        out.set(nonce, 0);
        out.set(sealed, 12);
        text = Buffer.from(out.buffer, out.byteOffset, out.length).toString('base64');
      }
      storage.set(`app:draft:${formId}:${draftId}`, text);
    },
    load(formId, draftId) {
      const text = storage.get(`app:draft:${formId}:${draftId}`);
      if (text == null) return null;
      let json = text;
      if (key) {
        const bytes = new Uint8Array(Buffer.from(text, 'base64'));
        json = dec.decode(gcm(key, bytes.subarray(0, 12)).decrypt(bytes.subarray(12)));
      }
      return JSON.parse(json).data;
    },
  };
}

/** The floor: JSON.stringify and one plain write; JSON.parse of one plain read. */
export function floorStore(storage) {
  return {
    save(formId, draftId, data) { storage.set(`floor:${formId}:${draftId}`, JSON.stringify(data)); },
    load(formId, draftId) { return JSON.parse(storage.get(`floor:${formId}:${draftId}`)); },
  };
}
