/**
 * The merged form's value formats, checked in the browser as the server checks them
 * (src/socialaid/forms/formats.py, id_numbers.py): a convenience for the applicant, never the
 * last word — `applicationFormCheck` and `applicationSubmit` check again.
 */

const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
// A trunk 0 with a 2–3 digit area code, a subscriber number not starting with 0 or 1, an optional extension.
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(?:-\d{1,6})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CARD = /^\d{12,19}$/;
const ID_SHAPE = /^\d{17}[\dX]$/;
const ID_CHECK = "10X98765432";
// GB/T 2260 provinces, and 81/82/83 of the residence permits for Hong Kong, Macao and Taiwan residents.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53,
  54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

export function isPhone(value: string): boolean {
  return MOBILE.test(value) || LANDLINE.test(value);
}

/** ISO/IEC 7812: doubling every second digit from the right, the sum is ≡ 0 mod 10. */
export function isBankCard(value: string): boolean {
  if (!CARD.test(value)) return false;
  let total = 0;
  [...value].reverse().forEach((char, position) => {
    let digit = Number(char);
    if (position % 2 === 1) digit = digit > 4 ? digit * 2 - 9 : digit * 2;
    total += digit;
  });
  return total % 10 === 0;
}

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** A resident identity number (GB 11643-1999): region, birth date, ISO 7064 MOD 11-2 check. */
export function isIdNumber(value: string): boolean {
  const text = value.trim().toUpperCase();
  if (!ID_SHAPE.test(text) || !PROVINCES.has(Number(text.slice(0, 2)))) return false;
  const birth = `${text.slice(6, 10)}-${text.slice(10, 12)}-${text.slice(12, 14)}`;
  if (!isIsoDate(birth) || Number(text.slice(6, 10)) < 1800) return false;
  let total = 0;
  for (let i = 0; i < 17; i++) total += Number(text[i]) * (2 ** (17 - i) % 11);
  return ID_CHECK[total % 11] === text[17];
}

/** Ajv's custom formats by the names the form's schema uses (forms/formats.py). `amount` is a
 * number format Ajv does not apply to numbers: the server checks the cents. */
export const FORMATS: Record<string, (value: string) => boolean> = {
  "cn-resident-id": isIdNumber,
  "cn-phone": isPhone,
  "bank-card": isBankCard,
  date: isIsoDate,
  amount: () => true,
};
