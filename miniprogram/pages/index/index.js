// Shows that the core is loaded: its version and the result of the boundary self-test.
const app = getApp();

Page({
  data: {
    loading: true,
    version: '',
    selfTestOk: false,
    checks: [],
    sampleMessage: '',
    error: '',
  },

  onLoad() {
    // Returned so tests can await it; WeChat ignores the return value.
    return app.globalData.coreReady
      .then((core) => {
        const report = core.selfTest();
        this.setData({
          loading: false,
          version: core.version(),
          selfTestOk: report.ok,
          checks: report.checks,
          sampleMessage: report.errorResult.errors[0].message,
        });
      })
      .catch((e) => {
        this.setData({ loading: false, error: `${e.code || 'error'}: ${e.message}` });
      });
  },
});
