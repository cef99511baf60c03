// Randomness for the wasm side in WeChat. The wasm code asks synchronously
// (getrandom -> crypto.getRandomValues), but WeChat only has the asynchronous
// wx.getRandomValues. So a pool is filled asynchronously at init and refilled in the
// background when it runs low; a synchronous request larger than what is left fails closed
// with code 'entropy.unavailable' (never Math.random). `refillRandom()` lets a page await a
// full pool before a burst. Served bytes are zeroed in the pool.
var __hc_POOL_SIZE = 4096;
var __hc_LOW_WATER = 1024;
var __hc_pool = new Uint8Array(0);
var __hc_poolFilling = null;
var __hc_poolLastError = null;

function __hc_wx() {
  return typeof wx !== 'undefined' ? wx : undefined;
}

function refillRandom() {
  if (__hc_poolFilling) return __hc_poolFilling;
  var w = __hc_wx();
  if (!w || typeof w.getRandomValues !== 'function') {
    return Promise.reject(new HomecareError('entropy.unavailable',
      'wx.getRandomValues is not available (base library >= 2.15.0 is required; not in plugins).', {}));
  }
  var want = __hc_POOL_SIZE - __hc_pool.length;
  if (want <= 0) return Promise.resolve(__hc_pool.length);
  __hc_poolFilling = new Promise(function (resolve, reject) {
    w.getRandomValues({
      length: want,
      success: function (res) {
        var fresh = new Uint8Array(res.randomValues);
        var merged = new Uint8Array(__hc_pool.length + fresh.length);
        merged.set(__hc_pool, 0);
        merged.set(fresh, __hc_pool.length);
        __hc_pool.fill(0);
        fresh.fill(0);
        __hc_pool = merged;
        __hc_poolLastError = null;
        resolve(__hc_pool.length);
      },
      fail: function (err) {
        __hc_poolLastError = err;
        reject(new HomecareError('entropy.unavailable',
          'wx.getRandomValues failed: ' + (err && err.errMsg ? err.errMsg : String(err)), {}));
      },
    });
  });
  var done = function () { __hc_poolFilling = null; };
  __hc_poolFilling.then(done, done);
  return __hc_poolFilling;
}

// Stands in for the global `crypto` object in the glue below (the build rewrites the glue's
// reference to it), so nothing global is read or written.
var __hc_crypto = {
  getRandomValues: function (view) {
    var bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    var n = bytes.length;
    if (n > __hc_pool.length) {
      refillRandom().catch(function () {});
      throw new HomecareError('entropy.unavailable',
        'The random pool is empty: await refillRandom() and try again.', { requested: n });
    }
    var start = __hc_pool.length - n;
    bytes.set(__hc_pool.subarray(start));
    __hc_pool.fill(0, start);
    __hc_pool = __hc_pool.subarray(0, start);
    if (__hc_pool.length < __hc_LOW_WATER) refillRandom().catch(function () {});
    return view;
  },
};
