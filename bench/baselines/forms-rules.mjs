// The checks both JS baselines (zod 4, async-validator) share, written the way an app would:
// normalise (trim, full-width → half-width, separators), then check. Same rules as the core's
// forms for register.* and staff.onboarding, including the resident-ID MOD 11-2 checksum and
// the GB 32100 USCC check character, so the race compares equal work.
export function halfWidth(s) {
  return s.trim().replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function normMobile(s) {
  let t = halfWidth(s).replace(/[\s-]/g, '');
  if (t.startsWith('+86')) t = t.slice(3);
  else if (t.startsWith('86') && t.length === 13) t = t.slice(2);
  return t;
}
export const isMobile = (t) => /^1[3-9]\d{9}$/.test(t);

export function normName(s) {
  return halfWidth(s).replace(/[\u2022\u30FB\uFF0E\uFF65\u2027\u2219\u22C5]/g, '\u00B7');
}
export function isName(t) {
  const n = [...t].length;
  if (/^[\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{3134F}]+(\u00B7[\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{3134F}]+)*$/u.test(t)) {
    return n >= 2 && n <= 20;
  }
  return /^[A-Za-z]+([ '.-][A-Za-z]+)*$/.test(t) && n >= 2 && n <= 64;
}

export function parseDate(s) {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(halfWidth(s));
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return null;
  return d;
}
export const iso = (d) => d.toISOString().slice(0, 10);

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
export const normId = (s) => halfWidth(s).replace(/[\s-]/g, '').toUpperCase();
/** An 18-character resident ID: shape, real birth date not after asOf, MOD 11-2. */
export function isResidentId(t, asOf) {
  if (!/^[1-8]\d{16}[\dX]$/.test(t)) return false;
  const birth = parseDate(`${t.slice(6, 10)}-${t.slice(10, 12)}-${t.slice(12, 14)}`);
  if (!birth || birth > asOf || birth.getUTCFullYear() < 1890) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (t.charCodeAt(i) - 48) * W[i];
  return CHECK[sum % 11] === t[17];
}
export const isPassport = (t) => /^[A-Z0-9]{5,17}$/.test(t);

const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function isUscc(t) {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(t)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC.indexOf(t[i]) * UW[i];
  return USCC[(31 - (sum % 31)) % 31] === t[17];
}

export function certificateOk(kind, t) {
  if (kind === 'nurse') return /^\d{8,20}$/.test(t);
  if (kind === 'physician') return /^\d{15}$/.test(t);
  if (kind === 'eldercareWorker') return /^[YS]\d{14}[1-5]\d{6}$/.test(t);
  return t.length > 0;
}

export const minutes = (t) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  return m && +m[1] < 24 && +m[2] < 60 ? +m[1] * 60 + +m[2] : null;
};

/** Whole years between birth and asOf. */
export function yearsBetween(birth, asOf) {
  let y = asOf.getUTCFullYear() - birth.getUTCFullYear();
  const before = asOf.getUTCMonth() < birth.getUTCMonth() ||
    (asOf.getUTCMonth() === birth.getUTCMonth() && asOf.getUTCDate() < birth.getUTCDate());
  return before ? y - 1 : y;
}

export const CHRONIC = ['hypertension', 'diabetes', 'coronaryHeartDisease', 'stroke', 'copd', 'chronicKidneyDisease',
  'dementia', 'parkinsons', 'osteoporosis', 'arthritis', 'cancer', 'other'];
export const RELATIONSHIPS = ['spouse', 'child', 'childInLaw', 'grandchild', 'sibling', 'relative', 'friend', 'neighbor', 'caregiver', 'other'];
export const DOC_KINDS = ['resident', 'hkPermit', 'moPermit', 'twPermit', 'foreignPermanent2023', 'foreignPermanent2017',
  'hkMoTravelPermit', 'twTravelPermit', 'passport'];
export const QUALIFICATIONS = ['nurse', 'physician', 'eldercareWorker', 'rehabTherapist', 'pharmacist'];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const SPECIALTIES = ['woundCare', 'injection', 'infusion', 'catheterCare', 'tubeFeeding', 'stomaCare',
  'tracheostomyCare', 'pressureUlcer', 'rehabilitation', 'chronicDisease', 'palliativeCare', 'maternalInfant'];
export const PHOTO = /^[0-9A-Za-z_\-./]{1,128}$/;
