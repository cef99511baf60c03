// The web demo: loads the ESM entry of the package and shows each export working.
import init, { version, selfTest, randomUuid } from '/pkg/web.js';

const $ = (sel) => document.querySelector(`[data-test="${sel}"]`);

function showSelfTest() {
  const report = selfTest();
  $('version').textContent = version();
  $('selftest').textContent = report.ok ? '通过' : '未通过';
  $('selftest').className = report.ok ? 'ok' : 'bad';
  $('checks').replaceChildren(...report.checks.map((c) => {
    const li = document.createElement('li');
    li.textContent = `${c.ok ? '✓' : '✗'} ${c.name}`;
    return li;
  }));
}

function showSample(locale) {
  const report = selfTest({ locale });
  $('sample-message').textContent = report.errorResult.errors[0].message;
}

try {
  await init();
  showSelfTest();
  showSample('zh-CN');
  for (const radio of document.querySelectorAll('input[name=locale]')) {
    radio.addEventListener('change', () => showSample(radio.value));
  }
  $('uuid-button').addEventListener('click', () => {
    try {
      $('uuid').textContent = randomUuid();
    } catch (e) {
      $('uuid').textContent = `${e.code}: ${e.message}`;
    }
  });
  document.body.dataset.ready = 'true';
} catch (e) {
  $('version').textContent = '加载失败';
  $('selftest').textContent = `${e.code || e.name}: ${e.message}`;
  $('selftest').className = 'bad';
  document.body.dataset.ready = 'error';
}
