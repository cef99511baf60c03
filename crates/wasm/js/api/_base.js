// The public surface, shared by every entry (node, web, weapp). The build concatenates this
// file and then every other file of js/api/ (one per feature), each of which pushes an
// installer onto API_PARTS. `raw` is the entry's wasm-bindgen glue; `ready()` throws
// `init.required` until the entry's init has instantiated the module.
// Wrappers stay thin: each export pays this layer on every call.
var API_PARTS = [];

function createApi(raw, state) {
  function ready() {
    if (!state.ready) {
      throw new HomecareError('init.required',
        'Call and await init() from @homecare/core before using it.', {});
    }
  }
  var api = { HomecareError: HomecareError };
  for (var i = 0; i < API_PARTS.length; i++) API_PARTS[i](api, raw, ready);
  return api;
}
