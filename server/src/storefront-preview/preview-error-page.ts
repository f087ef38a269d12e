// What /preview shows instead of a storefront when the query cannot be previewed: a short page in the shopper's
// language that says what is wrong and offers the customers that can be previewed (never the API's JSON error).
import { escapeHtml, type StorefrontLang } from "./extension-locales.js";
import type { PreviewPick } from "./storefront-page.js";

export type PreviewProblem = "unknown_customer" | "invalid_customer" | "invalid_lang" | "invalid_region";

const TEXT: Record<
  StorefrontLang,
  Record<PreviewProblem, { title: string; body: string }> & { pick: string; guest: string; back: string }
> = {
  en: {
    unknown_customer: { title: "No such customer", body: "This store has no customer with the ID {id}." },
    invalid_customer: {
      title: "Invalid customer ID",
      body: "{id} is not a customer ID. IDs are letters, digits and - _ : / . (up to 128).",
    },
    invalid_lang: { title: "Unsupported language", body: "The preview speaks English (lang=en) and Korean (lang=ko)." },
    invalid_region: {
      title: "Unknown privacy region",
      body: "The preview has two: no consent needed (the default) and consent required (region=eu).",
    },
    pick: "Preview one of these customers instead:",
    guest: "Browse as a guest",
    back: "Back to the storefront preview",
  },
  ko: {
    unknown_customer: { title: "고객을 찾을 수 없습니다", body: "이 스토어에는 ID가 {id}인 고객이 없습니다." },
    invalid_customer: {
      title: "올바르지 않은 고객 ID",
      body: "고객 ID 형식이 아닙니다: {id}. ID는 영문자, 숫자, - _ : / . 로 이루어진 128자 이내여야 합니다.",
    },
    invalid_lang: { title: "지원하지 않는 언어", body: "미리보기는 영어(lang=en)와 한국어(lang=ko)를 지원합니다." },
    invalid_region: {
      title: "알 수 없는 개인정보 지역",
      body: "미리보기 지역은 동의가 필요 없는 지역(기본값)과 동의가 필요한 지역(region=eu) 두 가지입니다.",
    },
    pick: "대신 아래 고객으로 미리 볼 수 있습니다:",
    guest: "비회원으로 둘러보기",
    back: "스토어 미리보기로 돌아가기",
  },
};

const SHOWN_ID_CHARS = 80;

export function previewErrorPage(input: {
  lang: StorefrontLang;
  problem: PreviewProblem;
  customerId?: string;
  picks: PreviewPick[];
  base: string;
}): string {
  const t = TEXT[input.lang];
  const { title, body } = t[input.problem];
  const id = input.customerId ?? "";
  const shownId = id.length > SHOWN_ID_CHARS ? `${id.slice(0, SHOWN_ID_CHARS)}…` : id;
  // encodeURIComponent leaves nothing that needs escaping inside a double-quoted attribute except the "&" between.
  const href = (customer?: string) =>
    `${escapeHtml(input.base)}?${customer ? `customer=${encodeURIComponent(customer)}&amp;` : ""}lang=${input.lang}`;
  const picks = input.picks
    .map(
      (p) =>
        `<li><a href="${href(p.id)}"><bdi>${escapeHtml(p.name)}</bdi></a> (<bdi>${escapeHtml(p.label[input.lang])}</bdi>)</li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Apple SD Gothic Neo", sans-serif; color: #1a1a1a; word-break: keep-all; overflow-wrap: anywhere; }
  main { max-width: 40rem; margin: 3rem auto; padding: 0 1.25rem; }
  h1 { font-size: 1.5rem; margin: 0 0 0.75rem; }
  a { color: #005bd3; }
  ul { padding-left: 1.25rem; }
</style>
</head>
<body>
<main>
  <h1>${escapeHtml(title)}</h1>
  <p>${escapeHtml(body).replace("{id}", `<code><bdi>${escapeHtml(shownId)}</bdi></code>`)}</p>
  ${picks ? `<p>${escapeHtml(t.pick)}</p><ul>${picks}</ul>` : ""}
  <p><a href="${href()}">${escapeHtml(input.problem === "invalid_lang" ? t.back : t.guest)}</a></p>
</main>
</body>
</html>
`;
}
