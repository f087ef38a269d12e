import { useEffect, useState } from "react";
import { Card, ChoiceList, Filters, InlineStack, Page, Select } from "@shopify/polaris";
import { CUSTOMER_SORTS, type CustomerListQuery } from "../../../server/src/http/contracts.js";
import { queryString } from "../api/client.js";
import { CustomerTable } from "../components/CustomerTable.js";
import { PageState } from "../components/PageState.js";
import { useCustomers } from "../hooks/use-customers.js";
import { useI18n } from "../i18n/i18n.js";
import { useRouter } from "../routing/router.js";
import { FILTER_CHOICES, queryFromSearch } from "./customer-filters.js";

type FilterKey = keyof typeof FILTER_CHOICES;
const LABEL_PREFIX: Record<FilterKey, string> = {
  lifecycle: "lifecycle",
  purchase: "purchase",
  visit: "visit",
  due: "customers",
};
const FILTER_TITLE: Record<FilterKey, string> = {
  lifecycle: "customers.lifecycle",
  purchase: "customers.segment",
  visit: "dashboard.grid.visits",
  due: "customers.due",
};

export function CustomersPage() {
  const { t } = useI18n();
  const { search, navigate } = useRouter();
  const query = queryFromSearch(search);
  const { data, error, loading, reload } = useCustomers(query);
  const [text, setText] = useState(query.q ?? "");
  const update = (patch: Partial<CustomerListQuery>) =>
    navigate(`/customers${queryString({ ...query, page: undefined, ...patch })}`);

  // Search as the merchant types, but only after a short pause.
  useEffect(() => {
    if ((query.q ?? "") === text) return;
    const timer = setTimeout(() => update({ q: text || undefined }), 300);
    return () => clearTimeout(timer);
  });

  const choiceLabel = (key: FilterKey, value: string) =>
    key === "due"
      ? t(value === "this_week" ? "customers.dueThisWeek" : "customers.overdue")
      : t(`${LABEL_PREFIX[key]}.${value}`);
  const keys = Object.keys(FILTER_CHOICES) as FilterKey[];
  const filters = keys.map((key) => ({
    key,
    label: t(FILTER_TITLE[key]),
    shortcut: key !== "visit",
    filter: (
      <ChoiceList
        title={t(FILTER_TITLE[key])}
        titleHidden
        choices={FILTER_CHOICES[key].map((value) => ({ value, label: choiceLabel(key, value) }))}
        selected={query[key] ? [query[key] as string] : []}
        onChange={([value]) => update({ [key]: value })}
      />
    ),
  }));
  const applied = keys
    .filter((key) => query[key])
    .map((key) => ({
      key,
      label: `${t(FILTER_TITLE[key])}: ${choiceLabel(key, query[key] as string)}`,
      onRemove: () => update({ [key]: undefined }),
    }));
  if (query.segment)
    applied.push({
      key: "segment",
      label: `${t("customers.segment")}: ${query.segment}`,
      onRemove: () => update({ segment: undefined }),
    } as never);

  return (
    <Page title={t("customers.title")} fullWidth>
      <Card padding="0">
        <div style={{ padding: "8px 12px" }}>
          <InlineStack gap="200" wrap={false} blockAlign="center">
            <div style={{ flex: 1 }}>
              <Filters
                queryValue={text}
                queryPlaceholder={t("customers.search")}
                filters={filters}
                appliedFilters={applied}
                onQueryChange={setText}
                onQueryClear={() => setText("")}
                onClearAll={() => navigate("/customers")}
              />
            </div>
            <Select
              label={t("customers.sort")}
              labelInline
              options={CUSTOMER_SORTS.map((s) => ({ value: s, label: t(`customers.sortOptions.${s}`) }))}
              value={query.sort ?? "due"}
              onChange={(sort) => update({ sort: sort as CustomerListQuery["sort"] })}
            />
          </InlineStack>
        </div>
        {data ? (
          <CustomerTable
            data={data}
            currency={data.currency}
            loading={loading}
            onOpen={(id) => navigate(`/customers/${encodeURIComponent(id)}`)}
            onPage={(page) => navigate(`/customers${queryString({ ...query, page })}`)}
          />
        ) : (
          <div style={{ padding: 16 }}>
            <PageState error={error} onRetry={reload} />
          </div>
        )}
      </Card>
    </Page>
  );
}
