// version, selfTest, randomUuid.
API_PARTS.push(function installCore(api, raw, ready) {
  api.version = function version() {
    ready();
    return raw.version();
  };
  api.selfTest = function selfTest(options) {
    ready();
    return raw.selfTest(options);
  };
  api.randomUuid = function randomUuid() {
    ready();
    return raw.randomUuid();
  };
});
