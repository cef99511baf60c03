// The web demo: loads the ESM entry of the package, then mounts every section module listed by
// the demo server (/sections.json = examples/web-demo/sections/*.js, in file-name order).
// Each section: `export default { title, mount(card, core) }`.
import init, * as core from '/pkg/web.js';

const main = document.getElementById('sections');

function card(title) {
  const section = document.createElement('section');
  section.className = 'card';
  const h2 = document.createElement('h2');
  h2.textContent = title;
  section.append(h2);
  main.append(section);
  return section;
}

try {
  await init();
  const files = await (await fetch('/sections.json')).json();
  for (const file of files) {
    const section = (await import(`./sections/${file}`)).default;
    section.mount(card(section.title), core);
  }
  document.body.dataset.ready = 'true';
} catch (e) {
  const c = card('加载失败');
  c.append(`${e.code || e.name}: ${e.message}`);
  c.classList.add('bad');
  document.body.dataset.ready = 'error';
}
