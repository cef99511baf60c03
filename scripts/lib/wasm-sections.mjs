// Custom sections of a wasm binary, for the profiling build with function names
// (HOMECARE_NAMES=1 in scripts/build.mjs): it keeps the name section but must drop the std's
// `target_features`, which the normal build's `-C strip=symbols` removes, so that wasm-bindgen
// emits the same JS-heap ABI for both. tests/wasm-sections.test.mjs checks it.

/**
 * `wasm` (a Buffer) without its custom sections whose names are in `drop`; every other section
 * byte for byte, in order. Throws on a truncated or malformed section header.
 */
export function withoutCustomSections(wasm, drop) {
  if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm binary');
  const kept = [wasm.subarray(0, 8)];
  let p = 8;
  const leb = () => {
    let n = 0;
    let shift = 0;
    let b;
    do {
      if (p >= wasm.length || shift > 28) throw new Error(`malformed LEB128 at byte ${p}`);
      b = wasm[p++];
      n += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return n;
  };
  while (p < wasm.length) {
    const start = p;
    const id = wasm[p++];
    const size = leb();
    const body = p;
    const end = body + size;
    if (end > wasm.length) throw new Error(`section at byte ${start} runs past the end`);
    if (id === 0) {
      const nameLength = leb();
      if (p + nameLength > end) throw new Error(`custom section name at byte ${p} runs past its section`);
      const name = wasm.subarray(p, p + nameLength).toString('utf8');
      if (drop.includes(name)) {
        p = end;
        continue;
      }
    }
    p = end;
    kept.push(wasm.subarray(start, end));
  }
  return Buffer.concat(kept);
}
