// UTF-8 TextEncoder / TextDecoder for the WeChat mini-program runtime, which has neither on
// real devices (the DevTools simulator has them, which hides the problem). They are bound as
// file-local variables, so the glue below finds them and no global is touched; the host's own
// classes win when they exist. Semantics follow the WHATWG Encoding Standard for UTF-8: lone
// surrogates encode as U+FFFD, invalid byte sequences decode as U+FFFD per maximal subpart.
var TextEncoder = typeof globalThis !== 'undefined' && globalThis.TextEncoder
  ? globalThis.TextEncoder
  : (function () {
    function encodeToArray(str) {
      var out = [];
      for (var i = 0; i < str.length; i++) {
        var c = str.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
          var d = str.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
          } else {
            c = 0xfffd;
          }
        } else if (c >= 0xd800 && c <= 0xdfff) {
          c = 0xfffd;
        }
        if (c < 0x80) {
          out.push(c);
        } else if (c < 0x800) {
          out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
        } else if (c < 0x10000) {
          out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
        } else {
          out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
        }
      }
      return out;
    }
    function Encoder() {}
    Encoder.prototype.encoding = 'utf-8';
    Encoder.prototype.encode = function (str) {
      return new Uint8Array(encodeToArray(str === undefined ? '' : String(str)));
    };
    return Encoder;
  })();

var TextDecoder = typeof globalThis !== 'undefined' && globalThis.TextDecoder
  ? globalThis.TextDecoder
  : (function () {
    function Decoder() {}
    Decoder.prototype.encoding = 'utf-8';
    Decoder.prototype.decode = function (input) {
      if (input === undefined) return '';
      // Views from another realm fail `instanceof`; rebuild from buffer/offset/length.
      var b = ArrayBuffer.isView(input)
        ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
        : new Uint8Array(input);
      var parts = [];
      var units = [];
      var i = 0;
      var n = b.length;
      while (i < n) {
        var b0 = b[i];
        var cp = 0xfffd;
        var need = 0;
        var lo = 0x80;
        var hi = 0xbf;
        if (b0 < 0x80) { cp = b0; i += 1; } else {
          if (b0 >= 0xc2 && b0 <= 0xdf) { need = 1; cp = b0 & 0x1f; } else if (b0 >= 0xe0 && b0 <= 0xef) {
            need = 2; cp = b0 & 0x0f;
            if (b0 === 0xe0) lo = 0xa0;
            if (b0 === 0xed) hi = 0x9f;
          } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            need = 3; cp = b0 & 0x07;
            if (b0 === 0xf0) lo = 0x90;
            if (b0 === 0xf4) hi = 0x8f;
          }
          i += 1;
          if (need === 0) { cp = 0xfffd; } else {
            var k = 0;
            for (; k < need; k++) {
              var bx = i < n ? b[i] : -1;
              if (bx < lo || bx > hi) break;
              lo = 0x80; hi = 0xbf;
              cp = (cp << 6) | (bx & 0x3f);
              i += 1;
            }
            if (k < need) cp = 0xfffd;
          }
        }
        if (cp >= 0x10000) {
          cp -= 0x10000;
          units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
        } else {
          units.push(cp);
        }
        if (units.length >= 8192) {
          parts.push(String.fromCharCode.apply(null, units));
          units = [];
        }
      }
      parts.push(String.fromCharCode.apply(null, units));
      return parts.join('');
    };
    return Decoder;
  })();
