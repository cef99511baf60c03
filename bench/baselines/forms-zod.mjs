// The register.* and staff.onboarding forms written in zod 4, as faithfully as zod allows:
// normalise with transforms, check with refinements, cross-field rules with superRefine, the
// resident-ID checksum and USCC check character included. Built once per (asOf, context).
import { z } from 'zod';
import * as r from './forms-rules.mjs';

const text = (min, max) => z.string().transform(r.halfWidth).pipe(z.string().min(min).max(max));
const name = z.string().transform(r.normName).refine(r.isName, '请填写真实姓名');
const mobile = z.string().transform(r.normMobile).refine(r.isMobile, '手机号码应为11位');
const uniqueList = (item, max) => z.array(item).max(max).refine((a) => new Set(a).size === a.length, '不能重复');
const intLike = (min, max) => z.union([z.number(), z.string().transform((s) => Number(r.halfWidth(s)))])
  .pipe(z.number().int().min(min).max(max));

export function schemas({ asOf, context = {} }) {
  const today = r.parseDate(asOf);
  const date = z.string().transform((s, ctx) => {
    const d = r.parseDate(s);
    if (!d) { ctx.addIssue({ code: 'custom', message: '日期格式不对' }); return z.NEVER; }
    return d;
  }).refine((d) => d <= today, '不能晚于今天').refine((d) => r.yearsBetween(d, today) <= 130, '太早');

  const basic = z.object({
    name,
    sex: z.enum(['male', 'female']),
    birthDate: date.optional(),
    age: intLike(0, 130).optional(),
    medicalHistory: uniqueList(text(1, 50), 20).optional(),
    allergies: uniqueList(text(1, 50), 20).optional(),
    chronicConditions: uniqueList(z.enum(r.CHRONIC), 12).optional(),
    chronicNotes: text(0, 200).optional(),
  }).superRefine((v, ctx) => {
    if (v.birthDate === undefined && v.age === undefined) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: '请填写出生日期或年龄' });
    if (v.birthDate && v.age !== undefined && r.yearsBetween(v.birthDate, today) !== v.age) {
      ctx.addIssue({ code: 'custom', path: ['age'], message: '年龄与出生日期不符' });
    }
  }).transform((v) => ({ ...v, birthDate: v.birthDate && r.iso(v.birthDate) }));

  const realName = z.object({
    docKind: z.enum(r.DOC_KINDS),
    idNumber: z.string().transform(r.normId),
    name,
  }).superRefine((v, ctx) => {
    const ok = v.docKind === 'resident' ? r.isResidentId(v.idNumber, today) : r.isPassport(v.idNumber);
    if (!ok) { ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '证件号码不正确' }); return; }
    if (v.docKind === 'resident') {
      const birth = `${v.idNumber.slice(6, 10)}-${v.idNumber.slice(10, 12)}-${v.idNumber.slice(12, 14)}`;
      const sex = (v.idNumber.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
      if (context.birthDate && birth !== context.birthDate) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '出生日期不符' });
      if (context.sex && sex !== context.sex) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '性别不符' });
    }
  });

  const contact = z.object({
    name,
    relationship: z.enum(r.RELATIONSHIPS),
    mobile,
  }).refine((c) => c.mobile !== context.mobile, { path: ['mobile'], message: '不能是您本人的手机号' });
  const emergencyContacts = z.object({
    emergencyContacts: z.array(contact).min(2).max(5).superRefine((list, ctx) => {
      const seen = new Set();
      list.forEach((c, i) => {
        if (seen.has(c.mobile)) ctx.addIssue({ code: 'custom', path: [i, 'mobile'], message: '与其他联系人重复' });
        seen.add(c.mobile);
      });
    }),
  });

  const photo = z.string().max(128).regex(r.PHOTO);
  const time = z.string().refine((t) => { const m = r.minutes(t); return m !== null && m % 30 === 0; }, '时间应为整点或半点');
  const period = z.object({ weekday: z.enum(r.WEEKDAYS), start: time, end: time })
    .refine((p) => r.minutes(p.end) > r.minutes(p.start), { path: ['end'], message: '结束时间应晚于开始时间' });
  const onboarding = z.object({
    name,
    idNumber: z.string().transform(r.normId).refine((t) => r.isResidentId(t, today), '身份证号不正确'),
    qualificationKind: z.enum(r.QUALIFICATIONS),
    qualificationNumber: z.string().transform(r.normId),
    institution: text(2, 100),
    institutionCode: z.string().transform(r.normId).refine(r.isUscc, '统一社会信用代码不正确').optional(),
    experienceYears: intLike(0, 60),
    certificates: z.object({ idFront: photo, idBack: photo, qualification: photo, experience: photo, noCriminalRecord: photo }),
    serviceAreas: uniqueList(z.string().transform(r.halfWidth).pipe(z.string().regex(/^\d{6}$/)), 20).pipe(z.array(z.string()).min(1)),
    servicePeriods: z.array(period).min(1).max(21),
    specialties: uniqueList(z.enum(r.SPECIALTIES), 10).pipe(z.array(z.string()).min(1)),
  }).superRefine((v, ctx) => {
    if (!r.certificateOk(v.qualificationKind, v.qualificationNumber)) {
      ctx.addIssue({ code: 'custom', path: ['qualificationNumber'], message: '证书编号不正确' });
    }
    if (v.qualificationKind === 'nurse' && v.experienceYears < 5) {
      ctx.addIssue({ code: 'custom', path: ['experienceYears'], message: '护士至少5年' });
    }
    const ps = v.servicePeriods;
    for (let i = 0; i < ps.length; i++) {
      for (let j = 0; j < i; j++) {
        if (ps[i].weekday === ps[j].weekday && r.minutes(ps[i].start) < r.minutes(ps[j].end) && r.minutes(ps[j].start) < r.minutes(ps[i].end)) {
          ctx.addIssue({ code: 'custom', path: ['servicePeriods', i], message: '时间段重叠' });
        }
      }
    }
  });

  return {
    'register.basic': basic,
    'register.realName': realName,
    'register.emergencyContacts': emergencyContacts,
    'staff.onboarding': onboarding,
  };
}

/** `{ ok, value, errors: [{ path, message }] }`, like the core's result. */
export function validate(schema, data) {
  const res = schema.safeParse(data);
  if (res.success) return { ok: true, value: res.data, errors: [] };
  return { ok: false, value: null, errors: res.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}
