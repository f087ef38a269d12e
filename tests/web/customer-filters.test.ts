import { describe, expect, it } from "vitest";
import { queryFromSearch } from "../../web/src/pages/customer-filters.js";
import { translate } from "../../web/src/i18n/i18n.js";
import en from "../../web/src/locales/en.json";
import ko from "../../web/src/locales/ko.json";

describe("customer list query from the URL", () => {
  it("keeps known values and drops anything the API would reject", () => {
    expect(queryFromSearch(new URLSearchParams("lifecycle=repeat&purchase=at_risk&sort=clv&page=3&q=kim"))).toEqual({
      q: "kim",
      segment: undefined,
      lifecycle: "repeat",
      purchase: "at_risk",
      visit: undefined,
      due: undefined,
      sort: "clv",
      direction: undefined,
      page: 3,
    });
    const junk = queryFromSearch(new URLSearchParams("lifecycle=vip&sort=price&page=-2&due=someday"));
    expect([junk.lifecycle, junk.sort, junk.page, junk.due]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("app translations", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it("has every English key in Korean, with the same placeholders", () => {
    const enKeys = keys(en);
    expect(keys(ko).sort()).toEqual([...enKeys].sort());
    for (const key of enKeys) {
      const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(vars(translate("ko", key)), key).toEqual(vars(translate("en", key)));
    }
  });

  it("fills variables and falls back to the key when a message is missing", () => {
    expect(translate("en", "customers.pagination", { page: 2, pages: 5, total: 120 })).toBe(
      "Page 2 of 5 · 120 customers",
    );
    expect(translate("ko", "no.such.key")).toBe("no.such.key");
  });
});
