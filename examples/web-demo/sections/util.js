// A tiny tagged template that escapes interpolated text and returns a DocumentFragment.
// Arrays of fragments are inserted as they are.
const esc = (v) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function html(strings, ...values) {
  const slots = [];
  let src = strings[0];
  values.forEach((v, i) => {
    if (v instanceof DocumentFragment || Array.isArray(v)) {
      src += `<template data-slot="${slots.length}"></template>`;
      slots.push(v);
    } else {
      src += esc(v ?? '');
    }
    src += strings[i + 1];
  });
  const t = document.createElement('template');
  t.innerHTML = src.trim();
  for (const el of t.content.querySelectorAll('template[data-slot]')) {
    const v = slots[Number(el.dataset.slot)];
    el.replaceWith(...(Array.isArray(v) ? v : [v]));
  }
  return t.content;
}
