/**
 * Korean particles that depend on the word before them (이/가, 을/를, 은/는, 과/와, 으로/로), chosen from how the
 * word's last syllable is read aloud. Text written with both forms ("{code}을(를)") is resolved once the token is
 * filled, so a shopper reads "DG-7KQ2M9XHTR을", not "을(를)".
 */

/** How a word ends when read aloud: no final consonant, a final ㄹ, or another final consonant. */
export type Ending = "vowel" | "rieul" | "consonant";

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const RIEUL_FINAL = 8;

// Digits and letters as Koreans read them one by one: 0 영, 1 일, 2 이, 3 삼, … ; R 알, L 엘, M 엠, N 엔.
const DIGIT_ENDINGS: Ending[] = [
  "consonant",
  "rieul",
  "vowel",
  "consonant",
  "vowel",
  "vowel",
  "consonant",
  "rieul",
  "rieul",
  "vowel",
];
const LETTER_ENDINGS: Record<string, Ending> = { L: "rieul", R: "rieul", M: "consonant", N: "consonant" };

function hangulEnding(code: number): Ending {
  const final = (code - HANGUL_FIRST) % 28;
  return final === 0 ? "vowel" : final === RIEUL_FINAL ? "rieul" : "consonant";
}

/** An English word's ending as it is usually transliterated (a heuristic: -l/-le reads ㄹ, as in 애플). */
function englishWordEnding(word: string): Ending {
  const w = word.toLowerCase();
  if (/(?:l|le)$/.test(w)) return "rieul";
  // -m, -n, -ng (크림, 진, 킹), and a short vowel before -p/-k/-ck (컵, 북, 블랙); -t mostly reads 트 (세트, 셔츠).
  if (/(?:m|n|ng|ck|[^aeiou][aeiou][pk])$/.test(w)) return "consonant";
  return "vowel";
}

/** The ending of `text` when read aloud, or null when it cannot be told (empty, only symbols). */
export function wordEnding(text: string): Ending | null {
  const trimmed = text.replace(/[\s)\]}"'”’»」』.,!?·:;-]+$/u, "");
  const last = trimmed.at(-1);
  if (!last) return null;
  const code = last.codePointAt(0) ?? 0;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return hangulEnding(code);
  if (last === "%") return "vowel"; // 퍼센트
  if (/[0-9]/.test(last)) return DIGIT_ENDINGS[Number(last)];
  const latin = /[A-Za-z]+$/.exec(trimmed)?.[0];
  if (!latin) return null;
  // A code or an acronym (capitals, or letters mixed with digits) is spelled letter by letter; a word is read.
  const spelled = latin === latin.toUpperCase() || /[0-9]/.test(trimmed.slice(-latin.length - 1, -latin.length));
  if (spelled || latin.length === 1) return LETTER_ENDINGS[latin.at(-1)?.toUpperCase() ?? ""] ?? "vowel";
  return englishWordEnding(latin);
}

/** Both-form markers as they are written after a word, and the form each ending takes. */
const MARKERS: Record<string, Record<Ending, string>> = {
  "이(가)": { consonant: "이", rieul: "이", vowel: "가" },
  "가(이)": { consonant: "이", rieul: "이", vowel: "가" },
  "을(를)": { consonant: "을", rieul: "을", vowel: "를" },
  "를(을)": { consonant: "을", rieul: "을", vowel: "를" },
  "은(는)": { consonant: "은", rieul: "은", vowel: "는" },
  "는(은)": { consonant: "은", rieul: "은", vowel: "는" },
  "과(와)": { consonant: "과", rieul: "과", vowel: "와" },
  "와(과)": { consonant: "과", rieul: "과", vowel: "와" },
  "(으)로": { consonant: "으로", rieul: "로", vowel: "로" },
  "(이)": { consonant: "이", rieul: "이", vowel: "" },
};

const MARKER_SOURCE = Object.keys(MARKERS)
  .map((m) => m.replace(/[()]/g, "\\$&"))
  .join("|");
const PLACEHOLDER_WITH_MARKER = new RegExp(`\\{(\\w+)\\}(${MARKER_SOURCE})?`, "gu");

/** The particle `marker` ("을(를)") takes after `word`; the marker itself when the word's ending cannot be told. */
export function particleFor(word: string, marker: string): string {
  const forms = MARKERS[marker];
  const ending = wordEnding(word);
  return forms && ending ? forms[ending] : marker;
}

/** `word` followed by the particle `marker` resolves to after it: withParticle("쿠폰", "을(를)") = "쿠폰을". */
export function withParticle(word: string, marker: string): string {
  return word + particleFor(word, marker);
}

/**
 * Fills `{name}` placeholders in Korean text, choosing each both-form particle written right after a placeholder
 * from the value filled in. `fill` returns undefined to leave a placeholder (and its marker) as written.
 */
export function fillWithParticles(template: string, fill: (name: string) => string | undefined): string {
  return template.replace(PLACEHOLDER_WITH_MARKER, (whole, name: string, marker: string | undefined) => {
    const value = fill(name);
    if (value === undefined) return whole;
    return marker ? value + particleFor(value, marker) : value;
  });
}
