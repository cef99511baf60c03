// Word-wise bodies for the two helpers binaryen's `--llvm-memory-copy-fill-lowering` creates.
//
// The precompiled std is built with bulk memory, so every memcpy/memmove/memset in the module
// is a `memory.copy`/`memory.fill`. WeChat needs strict MVP, so the build lowers them to calls
// of `__memory_copy` / `__memory_fill`, which binaryen writes as one-byte-per-iteration loops
// (~7 instructions per byte: measured as most of the cost of copying a message in crypto and
// drafts). These replacements move eight bytes per iteration with unaligned i64 loads and
// stores (valid MVP), keep the lowering's semantics — a trap when either range leaves memory,
// memmove overlap rules (copy downward when the source is below the destination) — and finish
// the last 0–7 bytes one at a time. tests/memcopy.test.mjs checks them against copyWithin/fill.
import binaryen from 'binaryen';

const i32 = binaryen.i32;

/** Replaces the bodies of `__memory_copy` and `__memory_fill` in `m` when present. */
export function fastMemoryHelpers(m) {
  if (m.getFunction('__memory_copy')) {
    m.removeFunction('__memory_copy');
    addMemoryCopy(m);
  }
  if (m.getFunction('__memory_fill')) {
    m.removeFunction('__memory_fill');
    addMemoryFill(m);
  }
}

/** Traps when `[ptr, ptr + size)` reaches past the memory (the lowering's own check). */
function boundsCheck(m, ptr, size) {
  return m.if(
    m.i32.gt_u(m.i32.add(ptr, size), m.i32.shl(m.memory.size(), m.i32.const(16))),
    m.unreachable(),
  );
}

/** `__memory_copy(dst, src, size)`: memmove semantics. */
export function addMemoryCopy(m, name = '__memory_copy') {
  const dst = () => m.local.get(0, i32);
  const src = () => m.local.get(1, i32);
  const size = () => m.local.get(2, i32);
  const i = () => m.local.get(3, i32);
  const body = m.block(null, [
    boundsCheck(m, dst(), size()),
    boundsCheck(m, src(), size()),
    m.if(
      m.i32.lt_u(src(), dst()),
      // Source below destination: copy from the top down, so no byte is overwritten before
      // it is read.
      m.block(null, [
        m.block('down8', [m.loop('down8l', m.block(null, [
          m.br('down8', m.i32.lt_u(size(), m.i32.const(8))),
          m.local.set(2, m.i32.sub(size(), m.i32.const(8))),
          m.i64.store(0, 1, m.i32.add(dst(), size()), m.i64.load(0, 1, m.i32.add(src(), size()))),
          m.br('down8l'),
        ]))]),
        m.block('down1', [m.loop('down1l', m.block(null, [
          m.br('down1', m.i32.eqz(size())),
          m.local.set(2, m.i32.sub(size(), m.i32.const(1))),
          m.i32.store8(0, 1, m.i32.add(dst(), size()), m.i32.load8_u(0, 1, m.i32.add(src(), size()))),
          m.br('down1l'),
        ]))]),
      ]),
      // Otherwise upward: every eight-byte block is read before anything at or above it is
      // written.
      m.block(null, [
        m.local.set(3, m.i32.const(0)),
        m.block('up8', [m.loop('up8l', m.block(null, [
          m.br('up8', m.i32.lt_u(m.i32.sub(size(), i()), m.i32.const(8))),
          m.i64.store(0, 1, m.i32.add(dst(), i()), m.i64.load(0, 1, m.i32.add(src(), i()))),
          m.local.set(3, m.i32.add(i(), m.i32.const(8))),
          m.br('up8l'),
        ]))]),
        m.block('up1', [m.loop('up1l', m.block(null, [
          m.br('up1', m.i32.eq(i(), size())),
          m.i32.store8(0, 1, m.i32.add(dst(), i()), m.i32.load8_u(0, 1, m.i32.add(src(), i()))),
          m.local.set(3, m.i32.add(i(), m.i32.const(1))),
          m.br('up1l'),
        ]))]),
      ]),
    ),
  ]);
  return m.addFunction(name, binaryen.createType([i32, i32, i32]), binaryen.none, [i32], body);
}

/** `__memory_fill(dst, value, size)`: memset semantics (the low byte of `value`). */
export function addMemoryFill(m, name = '__memory_fill') {
  const dst = () => m.local.get(0, i32);
  const size = () => m.local.get(2, i32);
  const pattern = () => m.local.get(3, binaryen.i64);
  const body = m.block(null, [
    boundsCheck(m, dst(), size()),
    m.local.set(3, m.i64.mul(
      m.i64.extend_u(m.i32.and(m.local.get(1, i32), m.i32.const(0xff))),
      m.i64.const(0x0101010101010101n),
    )),
    m.block('fill8', [m.loop('fill8l', m.block(null, [
      m.br('fill8', m.i32.lt_u(size(), m.i32.const(8))),
      m.local.set(2, m.i32.sub(size(), m.i32.const(8))),
      m.i64.store(0, 1, m.i32.add(dst(), size()), pattern()),
      m.br('fill8l'),
    ]))]),
    m.block('fill1', [m.loop('fill1l', m.block(null, [
      m.br('fill1', m.i32.eqz(size())),
      m.local.set(2, m.i32.sub(size(), m.i32.const(1))),
      m.i32.store8(0, 1, m.i32.add(dst(), size()), m.local.get(1, i32)),
      m.br('fill1l'),
    ]))]),
  ]);
  return m.addFunction(name, binaryen.createType([i32, i32, i32]), binaryen.none, [binaryen.i64], body);
}
