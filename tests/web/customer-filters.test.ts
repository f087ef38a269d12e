import { describe, expect, it } from "vitest";
import { pageRange, queryFromSearch, searchFromQuery, selectedChoices } from "../../web/src/pages/customer-filters.js";
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
      rfm: undefined,
      churn: undefined,
      due: undefined,
      sort: "clv",
      direction: undefined,
      page: 3,
    });
    const junk = queryFromSearch(new URLSearchParams("lifecycle=vip&sort=price&page=-2&due=someday&churn=x&rfm=VIP"));
    expect([junk.lifecycle, junk.sort, junk.page, junk.due, junk.churn, junk.rfm]).toEqual(Array(6).fill(undefined));
  });

  it("reads RFM groups, churn band, due window and churn-risk sort, and writes the same URL back", () => {
    const search = "rfm=LOYAL%2CCHAMPIONS%2CNOPE%2CLOYAL&churn=high&due=next_30_days&sort=churn_risk&direction=asc";
    const query = queryFromSearch(new URLSearchParams(search));
    expect(query).toMatchObject({
      rfm: ["CHAMPIONS", "LOYAL"],
      churn: "high",
      due: "next_30_days",
      sort: "churn_risk",
    });
    expect(selectedChoices(query, "rfm")).toEqual(["CHAMPIONS", "LOYAL"]);
    expect(selectedChoices(query, "churn")).toEqual(["high"]);
    const written = searchFromQuery(query);
    expect(written).toBe("?rfm=CHAMPIONS%2CLOYAL&churn=high&due=next_30_days&sort=churn_risk&direction=asc");
    expect(queryFromSearch(new URLSearchParams(written))).toEqual(query);
  });

  it("numbers the rows a page shows", () => {
    expect(pageRange(1, 50, 3088, 50)).toEqual({ from: 1, to: 50 });
    expect(pageRange(62, 50, 3088, 38)).toEqual({ from: 3051, to: 3088 });
    expect(pageRange(1, 50, 0, 0)).toEqual({ from: 0, to: 0 });
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
    expect(translate("en", "customers.pagination", { from: "51", to: "100", total: "3,088" })).toBe(
      "51–100 of 3,088 customers",
    );
    expect(translate("ko", "customers.pagination", { from: "51", to: "100", total: "3,088" })).toBe(
      "고객 3,088명 중 51–100",
    );
    expect(translate("ko", "no.such.key")).toBe("no.such.key");
  });
});
