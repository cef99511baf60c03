// Form validation through the boundary (`validateForm`: one JSON string in, one out) against
// the same forms written in zod 4 and async-validator (bench/baselines/), in the same process.
// Data: the first valid case of each form's vectors (tests/vectors/forms), plus one invalid
// case, so both the "ok" path and the error path are timed.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zodForms from '../baselines/forms-zod.mjs';
import * as avForms from '../baselines/forms-async-validator.mjs';

const require = createRequire(import.meta.url);
const core = require('../../pkg');
const raw = require('../../pkg/homecare_node.cjs');
const here = path.dirname(fileURLToPath(import.meta.url));
const vectorDir = path.join(here, '../../tests/vectors/forms');

const FORMS = ['register.basic', 'register.realName', 'register.emergencyContacts', 'staff.onboarding'];

/** The form's options and its first valid case's data (bench/floor.mjs uses them too). */
export function load(form) {
  const v = JSON.parse(fs.readFileSync(path.join(vectorDir, `${form}.json`), 'utf8'));
  const valid = v.cases.find((c) => c.ok && !c.options);
  return { options: v.options, valid: valid.data };
}

const invalidContacts = { emergencyContacts: [
  { name: '李建国', relationship: 'spouse', mobile: '139 1234 5678' },
  { name: '李', relationship: 'child', mobile: '139 1234 5678' },
] };

const cases = [];
function race(form, label, data, options, expectOk) {
  const zod = zodForms.schemas(options)[form];
  const av = avForms.descriptors(options)[form];
  const coreFn = () => core.validateForm(form, data, options);
  const check = () => {
    const answers = { core: coreFn().ok, zod: zodForms.validate(zod, data).ok, asyncValidator: avForms.validate(av, data).ok };
    for (const [who, ok] of Object.entries(answers)) {
      if (ok !== expectOk) throw new Error(`${form} ${label}: ${who} says ok=${ok}, expected ${expectOk}`);
    }
  };
  cases.push({ name: `${form} ${label}`, check, core: coreFn, peer: { name: 'zod 4', fn: () => zodForms.validate(zod, data) }, inner: 200 });
  cases.push({ name: `${form} ${label}`, core: coreFn, peer: { name: 'async-validator', fn: () => avForms.validate(av, data) }, inner: 200 });
}

for (const form of FORMS) {
  const { options, valid } = load(form);
  race(form, 'valid', valid, options, true);
}
const contactsOptions = load('register.emergencyContacts').options;
race('register.emergencyContacts', 'invalid', invalidContacts, contactsOptions, false);

// Where the time goes on the boundary: the raw export without JSON.parse of the result.
{
  const { options, valid } = load('staff.onboarding');
  const text = JSON.stringify(valid);
  const extra = JSON.stringify({ ...options, locale: 'zh-CN', mode: 'all' });
  cases.push({ name: 'staff.onboarding valid: raw export, result left as text', core: () => raw.formsValidate('staff.onboarding', text, extra),
    peer: { name: 'validateForm (full)', fn: () => core.validateForm('staff.onboarding', valid, options) }, inner: 200 });
  const fast = { asOf: options.asOf };
  cases.push({ name: 'staff.onboarding valid: fast path (asOf only, no options JSON)', core: () => core.validateForm('staff.onboarding', valid, fast),
    peer: { name: 'validateForm with now+context', fn: () => core.validateForm('staff.onboarding', valid, options) }, inner: 200 });
}

export default {
  name: 'forms',
  description: 'validateForm through the boundary vs zod 4 and async-validator, same forms, same process',
  cases,
};
