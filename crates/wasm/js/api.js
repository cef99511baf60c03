// The public surface, shared by every entry (node, web, weapp). `raw` is the wasm-bindgen glue
// of that entry; `state.ready` is false until the entry's init has instantiated the module.
// Wrappers stay thin: each export pays this layer on every call.
function createApi(raw, state) {
  function notReady() {
    return new HomecareError('init.required',
      'Call and await init() from @homecare/core before using it.', {});
  }
  return {
    HomecareError,
    version() {
      if (!state.ready) throw notReady();
      return raw.version();
    },
    selfTest(options) {
      if (!state.ready) throw notReady();
      return raw.selfTest(options);
    },
    randomUuid() {
      if (!state.ready) throw notReady();
      return raw.randomUuid();
    },
  };
}
