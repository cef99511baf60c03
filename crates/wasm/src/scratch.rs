//! Scratch buffers for hot paths: the JS glue writes input bytes straight into a buffer this
//! module owns and reads the answer from another, so a call crosses the boundary with two
//! numbers instead of allocating, copying and freeing a string each way (which costs
//! ~150 ns per string in V8, measured by `npm run bench -- boundary`).
//!
//! Protocol: `scratchIn(n)` returns the address of an input buffer of at least `n` bytes
//! (valid until the next `scratchIn`); the JS side writes UTF-8 there and calls an export with
//! the byte length; the export leaves its output in the output buffer and returns its
//! length; `scratchOut()` returns the output's address (valid until the next hot call).
//! Everything is single-threaded and nothing here is re-entrant, so the `RefCell`s can only
//! fail to borrow if an export calls another export, which none does; that case answers
//! empty rather than panicking.

use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = RefCell::new(vec![0; 1024]);
    static OUTPUT: RefCell<String> = RefCell::new(String::with_capacity(1024));
    static NUMBERS: RefCell<[i32; NUMBERS_LEN]> = const { RefCell::new([0; NUMBERS_LEN]) };
    static RECORDS: RefCell<Vec<i32>> = const { RefCell::new(Vec::new()) };
}

/// Address of the numeric records of the last batch call (valid until the next one).
#[wasm_bindgen(js_name = scratchRecords)]
pub fn scratch_records() -> usize {
    RECORDS.with(|r| r.try_borrow().map_or(0, |v| v.as_ptr().addr()))
}

/// Runs `f` with the record buffer cleared and sized to `len` zeros.
pub fn with_records(len: usize, f: impl FnOnce(&mut [i32])) {
    RECORDS.with(|r| {
        if let Ok(mut v) = r.try_borrow_mut() {
            v.clear();
            v.resize(len, 0);
            f(&mut v);
        }
    });
}

/// Slots of the numeric output (read by the glue as an `Int32Array`).
pub const NUMBERS_LEN: usize = 8;

/// Address of the numeric output (8 × i32, 4-byte aligned, fixed for the module's life).
#[wasm_bindgen(js_name = scratchNumbers)]
pub fn scratch_numbers() -> usize {
    NUMBERS.with(|n| n.try_borrow().map_or(0, |a| a.as_ptr().addr()))
}

/// Stores `values` in the numeric output.
pub fn set_numbers(values: [i32; NUMBERS_LEN]) {
    NUMBERS.with(|n| {
        if let Ok(mut a) = n.try_borrow_mut() {
            *a = values;
        }
    });
}

/// Address of an input buffer with room for `n` bytes.
#[wasm_bindgen(js_name = scratchIn)]
pub fn scratch_in(n: usize) -> usize {
    INPUT.with(|b| match b.try_borrow_mut() {
        Ok(mut buf) => {
            if buf.len() < n {
                buf.resize(n, 0);
            }
            buf.as_ptr().addr()
        }
        Err(_) => 0,
    })
}

/// Address of the output of the last hot call.
#[wasm_bindgen(js_name = scratchOut)]
pub fn scratch_out() -> usize {
    OUTPUT.with(|b| b.try_borrow().map_or(0, |s| s.as_ptr().addr()))
}

/// The module's memory, so the glue can read and write the scratch buffers.
#[wasm_bindgen(js_name = scratchMemory)]
pub fn memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Runs `f` on the first `len` input bytes (as text) with a cleared output buffer, and
/// returns the output length. Invalid UTF-8 cannot come from the glue's encoder; it is read
/// lossily (as U+FFFD) rather than trusted.
pub fn with_scratch(len: usize, f: impl FnOnce(&str, &mut String)) -> usize {
    INPUT.with(|input| {
        OUTPUT.with(|output| {
            let (Ok(input), Ok(mut out)) = (input.try_borrow(), output.try_borrow_mut()) else {
                return 0;
            };
            out.clear();
            let bytes = input.get(..len).unwrap_or(&[]);
            match core::str::from_utf8(bytes) {
                Ok(text) => f(text, &mut out),
                Err(_) => f(&String::from_utf8_lossy(bytes), &mut out),
            }
            out.len()
        })
    })
}
