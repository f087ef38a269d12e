// Synthetic but stable contact details for a retail Customer ID (the CSV has none).
import { hashString } from "./rng.js";

const FIRST = [
  "Olivia",
  "Jack",
  "Amelia",
  "Harry",
  "Isla",
  "George",
  "Ava",
  "Noah",
  "Mia",
  "Leo",
  "Minji",
  "Jisoo",
  "Hana",
  "Seojun",
  "Emma",
  "Lucas",
];
const LAST = [
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Williams",
  "Wilson",
  "Davies",
  "Evans",
  "Kim",
  "Lee",
  "Park",
  "Choi",
  "Martin",
  "Bernard",
  "Muller",
  "Rossi",
];
const LOCALES: Record<string, string> = {
  "United Kingdom": "en-GB",
  EIRE: "en-IE",
  Germany: "de",
  France: "fr",
  Netherlands: "nl",
  Spain: "es",
  Portugal: "pt-PT",
  Italy: "it",
  Belgium: "fr",
  Switzerland: "de",
  Sweden: "sv",
  Denmark: "da",
  Norway: "nb",
  Finland: "fi",
  Japan: "ja",
  Korea: "ko",
  Australia: "en-AU",
  USA: "en-US",
  Canada: "en-CA",
  Poland: "pl",
  Austria: "de",
  Greece: "el",
};

export function customerProfile(
  id: number,
  country: string,
): { email: string; firstName: string; lastName: string; locale: string; country: string } {
  const h = hashString(String(id));
  return {
    email: `customer${id}@example.com`,
    firstName: FIRST[h % FIRST.length],
    lastName: LAST[(h >>> 8) % LAST.length],
    locale: LOCALES[country] ?? "en",
    country,
  };
}
