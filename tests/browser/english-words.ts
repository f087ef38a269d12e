// What may stay in Latin letters on a Korean admin page: brand names, abbreviations Korean merchants use as they
// are, and the seeded shop's own data (tests/http/admin/fixtures.ts).
const ALLOWED = new Set([
  // Brand names and abbreviations used as they are in Korean.
  "Dangol",
  "Shopify",
  "Flow", // Shopify Flow, the product's name
  "RFM",
  "CLV",
  "VIP",
  "UTC", // schedule times name their zone
  "ID", // "상품 ID": Korean admins write it so
  "US", // Intl's Korean "US$12.30"
  "English", // the language picker names each language in itself
  ...["A", "B", "C", "D", "E"], // A/B test variants: Korean merchants name them by letter too ("버전 A")
  ...["Johari", "Howard"], // the authors the testing method cites
  // The seeded shop's data: customer names, the product and the emails' shop.
  ...["Jane", "Kim", "Minho", "Lee", "Sarah", "Park", "Nobody", "Bought", "Coffee", "beans"],
]);

/** Latin words that are not a code, an email, a number with a unit or a {token}. */
export function englishWords(text: string): string[] {
  const words = text
    .replace(/\{[a-z_]+\}/g, " ")
    .replace(/\S+@\S+/g, " ")
    .replace(/(?:\S+:\/\/|(?<![^\s(“"])\/)\S*/g, " ") // URLs and paths (/collections/all)
    .split(/[\s,.:;()[\]"“”'‘’·!?/|<>+=×–—]+/u)
    .filter((w) => /[A-Za-z]/.test(w))
    .filter((w) => !/[0-9#]/.test(w)) // codes (WELCOME10, DANGOL-A1), order names (#a11), 1kg
    .filter((w) => !ALLOWED.has(w.replace(/[^A-Za-z]/g, "")));
  return [...new Set(words)];
}
