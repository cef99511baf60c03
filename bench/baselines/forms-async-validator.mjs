// The register.* and staff.onboarding forms written for async-validator 4 (the engine of
// Element/Ant Design forms): transforms to normalise, validators for the identity checks
// (resident-ID checksum, USCC check character), cross-field rules through `source`.
// Every validator here is synchronous, so the callback runs before validate() returns.
import AsyncValidator from 'async-validator';
import * as r from './forms-rules.mjs';

const Schema = AsyncValidator.default || AsyncValidator;
Schema.warning = () => {};

const fn = (ok, message) => ({ validator: (_rule, v) => ok(v), message });
const textRule = (min, max, required) => ({ type: 'string', required, min, max, transform: (v) => (typeof v === 'string' ? r.halfWidth(v) : v) });
const nameRules = [{ type: 'string', required: true, transform: (v) => (typeof v === 'string' ? r.normName(v) : v) },
  fn((v) => r.isName(r.normName(v)), '请填写真实姓名')];
const mobileRules = [{ type: 'string', required: true }, fn((v) => r.isMobile(r.normMobile(v)), '手机号码应为11位')];
const unique = fn((v) => v === undefined || new Set(v).size === v.length, '不能重复');
const intRule = (min, max, required) => ({ required, validator: (_rule, v) => {
  if (v === undefined) return true;
  const n = typeof v === 'string' ? Number(r.halfWidth(v)) : v;
  return Number.isInteger(n) && n >= min && n <= max;
}, message: `应为${min}到${max}之间的整数` });

export function descriptors({ asOf, context = {} }) {
  const today = r.parseDate(asOf);
  const dateRule = fn((v) => {
    if (v === undefined) return true;
    const d = typeof v === 'string' && r.parseDate(v);
    return !!d && d <= today && r.yearsBetween(d, today) <= 130;
  }, '日期不正确');

  const basic = {
    name: nameRules,
    sex: { type: 'enum', enum: ['male', 'female'], required: true },
    birthDate: [dateRule, { validator: (_rule, v, _cb, source) => {
      if (v === undefined && source.age === undefined) return false;
      if (v === undefined || source.age === undefined) return true;
      const d = r.parseDate(v);
      const age = typeof source.age === 'string' ? Number(r.halfWidth(source.age)) : source.age;
      return !d || r.yearsBetween(d, today) === age;
    }, message: '出生日期与年龄不符或都未填写' }],
    age: intRule(0, 130, false),
    medicalHistory: [{ type: 'array', max: 20, defaultField: textRule(1, 50, true) }, unique],
    allergies: [{ type: 'array', max: 20, defaultField: textRule(1, 50, true) }, unique],
    chronicConditions: [{ type: 'array', max: 12, defaultField: { type: 'enum', enum: r.CHRONIC } }, unique],
    chronicNotes: textRule(0, 200, false),
  };

  const realName = {
    docKind: { type: 'enum', enum: r.DOC_KINDS, required: true },
    idNumber: [{ type: 'string', required: true }, { validator: (_rule, v, _cb, source) => {
      const t = r.normId(v);
      if (source.docKind !== 'resident') return r.isPassport(t);
      if (!r.isResidentId(t, today)) return false;
      const birth = `${t.slice(6, 10)}-${t.slice(10, 12)}-${t.slice(12, 14)}`;
      const sex = (t.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
      return (!context.birthDate || birth === context.birthDate) && (!context.sex || sex === context.sex);
    }, message: '证件号码不正确或与基本信息不符' }],
    name: nameRules,
  };

  const emergencyContacts = {
    emergencyContacts: [{ type: 'array', required: true, min: 2, max: 5, defaultField: {
      type: 'object', required: true, fields: {
        name: nameRules,
        relationship: { type: 'enum', enum: r.RELATIONSHIPS, required: true },
        mobile: [...mobileRules, fn((v) => r.normMobile(v) !== context.mobile, '不能是您本人的手机号')],
      },
    } }, fn((list) => !Array.isArray(list) || new Set(list.map((c) => c && typeof c.mobile === 'string' && r.normMobile(c.mobile))).size === list.length, '联系人手机号重复')],
  };

  const photo = { type: 'string', required: true, max: 128, pattern: r.PHOTO };
  const time = [{ type: 'string', required: true }, fn((t) => { const m = r.minutes(t); return m !== null && m % 30 === 0; }, '时间应为整点或半点')];
  const onboarding = {
    name: nameRules,
    idNumber: [{ type: 'string', required: true }, fn((v) => r.isResidentId(r.normId(v), today), '身份证号不正确')],
    qualificationKind: { type: 'enum', enum: r.QUALIFICATIONS, required: true },
    qualificationNumber: [{ type: 'string', required: true }, { validator: (_rule, v, _cb, source) => r.certificateOk(source.qualificationKind, r.normId(v)), message: '证书编号不正确' }],
    institution: textRule(2, 100, true),
    institutionCode: fn((v) => v === undefined || r.isUscc(r.normId(v)), '统一社会信用代码不正确'),
    experienceYears: [intRule(0, 60, true), { validator: (_rule, v, _cb, source) => source.qualificationKind !== 'nurse' || v >= 5, message: '护士至少5年' }],
    certificates: { type: 'object', required: true, fields: { idFront: photo, idBack: photo, qualification: photo, experience: photo, noCriminalRecord: photo } },
    serviceAreas: [{ type: 'array', required: true, min: 1, max: 20, defaultField: { type: 'string', pattern: /^\d{6}$/, transform: (v) => (typeof v === 'string' ? r.halfWidth(v) : v) } }, unique],
    servicePeriods: [{ type: 'array', required: true, min: 1, max: 21, defaultField: { type: 'object', required: true, fields: {
      weekday: { type: 'enum', enum: r.WEEKDAYS, required: true }, start: time,
      end: [...time, { validator: (_rule, v, _cb, source) => r.minutes(v) > r.minutes(source.start), message: '结束时间应晚于开始时间' }],
    } } }, fn((ps) => {
      if (!Array.isArray(ps)) return true;
      for (let i = 0; i < ps.length; i++) {
        for (let j = 0; j < i; j++) {
          if (ps[i].weekday === ps[j].weekday && r.minutes(ps[i].start) < r.minutes(ps[j].end) && r.minutes(ps[j].start) < r.minutes(ps[i].end)) return false;
        }
      }
      return true;
    }, '时间段重叠')],
    specialties: [{ type: 'array', required: true, min: 1, max: 10, defaultField: { type: 'enum', enum: r.SPECIALTIES } }, unique],
  };

  const make = (d) => new Schema(d);
  return {
    'register.basic': make(basic),
    'register.realName': make(realName),
    'register.emergencyContacts': make(emergencyContacts),
    'staff.onboarding': make(onboarding),
  };
}

/** Synchronous: every validator above is, so the callback has run when validate() returns. */
export function validate(schema, data) {
  let out = null;
  schema.validate(data, { suppressWarning: true }, (errors) => {
    out = errors ? { ok: false, errors: errors.map((e) => ({ path: e.field, message: e.message })) } : { ok: true, errors: [] };
  });
  if (!out) throw new Error('async-validator did not answer synchronously');
  return out;
}
