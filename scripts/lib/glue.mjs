// Patches shared by every entry's wasm-bindgen glue.
//
// Short strings: wasm-bindgen decodes every string the core returns with TextDecoder, whose
// fixed cost per call (hundreds of ns in V8, and a JS polyfill in WeChat) dwarfs the work for
// the short strings most exports return (codes, normalized numbers, compact results). Strings
// from Rust are valid UTF-8 by construction, so short ones are decoded inline without
// validation; longer ones keep TextDecoder. Measured by `npm run bench -- boundary`.
const SHORT_STRING = 64;

const FAST_GET_STRING = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    if (len <= ${SHORT_STRING}) {
        const mem = getUint8ArrayMemory0();
        let out = '';
        for (let i = ptr, end = ptr + len; i < end;) {
            const b = mem[i];
            if (b < 0x80) { out += String.fromCharCode(b); i += 1; }
            else if (b < 0xe0) { out += String.fromCharCode(((b & 0x1f) << 6) | (mem[i + 1] & 0x3f)); i += 2; }
            else if (b < 0xf0) { out += String.fromCharCode(((b & 0x0f) << 12) | ((mem[i + 1] & 0x3f) << 6) | (mem[i + 2] & 0x3f)); i += 3; }
            else {
                const cp = (((b & 0x07) << 18) | ((mem[i + 1] & 0x3f) << 12) | ((mem[i + 2] & 0x3f) << 6) | (mem[i + 3] & 0x3f)) - 0x10000;
                out += String.fromCharCode(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
                i += 4;
            }
        }
        return out;
    }
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;

// The same for strings going in: wasm-bindgen copies ASCII inline but hands anything else to
// TextEncoder.encodeInto plus two reallocations. Short strings are measured and written in one
// pass instead, with TextEncoder's semantics (a lone surrogate becomes U+FFFD).
const FAST_PASS_STRING = `function passStringToWasm0(arg, malloc, realloc) {
    const n = arg.length;
    if (n <= ${SHORT_STRING} && realloc !== undefined) {
        let size = 0;
        for (let i = 0; i < n; i++) {
            const c = arg.charCodeAt(i);
            if (c < 0x80) size += 1;
            else if (c < 0x800) size += 2;
            else if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && (arg.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { size += 4; i++; }
            else size += 3;
        }
        const ptr = malloc(size, 1) >>> 0;
        const mem = getUint8ArrayMemory0();
        let o = ptr;
        for (let i = 0; i < n; i++) {
            let c = arg.charCodeAt(i);
            if (c < 0x80) { mem[o++] = c; continue; }
            if (c < 0x800) { mem[o++] = 0xc0 | (c >> 6); mem[o++] = 0x80 | (c & 0x3f); continue; }
            if (c >= 0xd800 && c < 0xe000) {
                const d = i + 1 < n ? arg.charCodeAt(i + 1) : 0;
                if (c < 0xdc00 && (d & 0xfc00) === 0xdc00) {
                    const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
                    mem[o++] = 0xf0 | (cp >> 18); mem[o++] = 0x80 | ((cp >> 12) & 0x3f);
                    mem[o++] = 0x80 | ((cp >> 6) & 0x3f); mem[o++] = 0x80 | (cp & 0x3f);
                    i++;
                    continue;
                }
                c = 0xfffd;
            }
            mem[o++] = 0xe0 | (c >> 12); mem[o++] = 0x80 | ((c >> 6) & 0x3f); mem[o++] = 0x80 | (c & 0x3f);
        }
        WASM_VECTOR_LEN = size;
        return ptr;
    }
    return passStringToWasm0Long(arg, malloc, realloc);
}

function passStringToWasm0Long(arg, malloc, realloc) {`;

export function patchGlue(src) {
  const re = /function getStringFromWasm0\(ptr, len\) \{\n {4}ptr = ptr >>> 0;\n {4}return decodeText\(getUint8ArrayMemory0\(\)\.subarray\(ptr, ptr \+ len\)\);\n\}/;
  if (!re.test(src)) throw new Error('glue: getStringFromWasm0 changed shape; update scripts/lib/glue.mjs');
  const pass = 'function passStringToWasm0(arg, malloc, realloc) {';
  if (src.split(pass).length !== 2) throw new Error('glue: passStringToWasm0 changed shape; update scripts/lib/glue.mjs');
  return src.replace(re, FAST_GET_STRING).replace(pass, FAST_PASS_STRING);
}
