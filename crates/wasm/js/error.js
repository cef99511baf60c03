// HomecareError: what every entry of @homecare/core throws for API misuse.
// Errors created inside wasm are plain `Error`s named "HomecareError" with a `code` (building a
// subclass instance from Rust would need a JS snippet per entry), so `instanceof` is defined by
// shape: any Error named HomecareError that carries a string code.
class HomecareError extends Error {
  constructor(code, message, params) {
    super(message);
    this.name = 'HomecareError';
    this.code = code;
    this.params = params || {};
  }

  static [Symbol.hasInstance](value) {
    return value !== null && typeof value === 'object' &&
      value.name === 'HomecareError' && typeof value.code === 'string';
  }
}
