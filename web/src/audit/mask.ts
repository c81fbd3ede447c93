// How the console shows an ID number it was given: the region's first four digits and the last
// four, the rest hidden. The number itself is never put in the URL or browser storage.
export function maskIdNumber(idNumber: string): string {
  const s = idNumber.trim();
  if (s.length <= 8) return "*".repeat(s.length);
  return s.slice(0, 4) + "*".repeat(s.length - 8) + s.slice(-4);
}
