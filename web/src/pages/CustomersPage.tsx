import { useEffect, useRef, useState } from "react";
import {
  type AppliedFilterInterface,
  Card,
  ChoiceList,
  type FilterInterface,
  IndexFilters,
  IndexFiltersMode,
  Page,
  Text,
  useSetIndexFiltersMode,
} from "@shopify/polaris";
import {
  CUSTOMER_SORTS,
  type CustomerListQuery,
  type CustomerSort,
  segmentParts,
} from "../../../server/src/contracts/admin-api.js";
import { CustomerTable } from "../components/CustomerTable.js";
import { PageState } from "../components/PageState.js";
import { useCustomers } from "../hooks/use-customers.js";
import { useI18n } from "../i18n/i18n.js";
import { useRouter } from "../routing/router.js";
import {
  currentSort,
  FILTER_CHOICES,
  type FilterKey,
  queryFromSearch,
  SORT_KIND,
  searchFromQuery,
  selectedChoices,
} from "./customer-filters.js";

const FILTER_TITLE: Record<FilterKey, string> = {
  rfm: "customers.rfm",
  churn: "customers.churn",
  due: "customers.due",
  lifecycle: "customers.lifecycle",
  purchase: "customers.segment",
  visit: "dashboard.grid.visits",
};
const CHOICE_LABEL: Record<FilterKey, string> = {
  rfm: "rfmGroups",
  churn: "customers.churnBands",
  due: "customers.dueWindows",
  lifecycle: "lifecycle",
  purchase: "purchase",
  visit: "visit",
};
const FILTER_KEYS = Object.keys(FILTER_CHOICES) as FilterKey[];
const NO_FILTERS = Object.fromEntries([...FILTER_KEYS, "segment", "q"].map((key) => [key, undefined]));

export function CustomersPage() {
  const { t } = useI18n();
  // A segment key in the URL ("repeat:core_active") reads as its states; an unknown one is shown as typed.
  const segmentLabel = (key: string) => {
    const parts = segmentParts(key);
    if (!parts) return key;
    const visit = parts.visit && parts.visit !== "unknown" ? [t(`visit.${parts.visit}`)] : [];
    return [t(`lifecycle.${parts.lifecycle}`), t(`purchase.${parts.purchase}`), ...visit].join(" · ");
  };
  const { search, navigate } = useRouter();
  const query = queryFromSearch(search);
  const { data, error, loading, reload } = useCustomers(query);
  // Polaris keeps its own list of pills and only adds the ones a merchant opens: when the URL changes under the
  // page (back/forward), the filter bar is rebuilt so its pills are the URL's again.
  const searchText = search.toString();
  const ownSearch = useRef(searchText);
  const [filterBarKey, setFilterBarKey] = useState(0);
  useEffect(() => {
    if (ownSearch.current === searchText) return;
    ownSearch.current = searchText;
    setFilterBarKey((n) => n + 1);
  }, [searchText]);
  const go = (next: CustomerListQuery) => {
    const target = searchFromQuery(next);
    ownSearch.current = new URLSearchParams(target).toString();
    navigate(`/customers${target}`);
  };
  const update = (patch: Partial<CustomerListQuery>) => go({ ...query, page: undefined, ...patch });
  const filtered = FILTER_KEYS.some((key) => query[key] !== undefined) || query.segment !== undefined;

  // Search as the merchant types, after a short pause; back/forward puts the URL's search back in the field.
  const urlText = query.q ?? "";
  const [text, setText] = useState(urlText);
  const shownUrlText = useRef(urlText);
  useEffect(() => {
    if (shownUrlText.current === urlText) return;
    shownUrlText.current = urlText;
    setText(urlText);
  }, [urlText]);
  useEffect(() => {
    if (text === urlText) return;
    const timer = setTimeout(() => update({ q: text || undefined }), 300);
    return () => clearTimeout(timer);
  });

  // Applied filters show as removable pills only while filtering, so a filtered URL opens in that mode.
  const { mode, setMode } = useSetIndexFiltersMode(filtered ? IndexFiltersMode.Filtering : IndexFiltersMode.Default);
  useEffect(() => {
    if (filtered && mode === IndexFiltersMode.Default) setMode(IndexFiltersMode.Filtering);
  }, [filtered, mode, setMode]);

  const choiceLabel = (key: FilterKey, value: string) => t(`${CHOICE_LABEL[key]}.${value}`);
  const filters: FilterInterface[] = FILTER_KEYS.map((key) => ({
    key,
    label: t(FILTER_TITLE[key]),
    filter: (
      <ChoiceList
        title={t(FILTER_TITLE[key])}
        titleHidden
        allowMultiple={key === "rfm"}
        choices={FILTER_CHOICES[key].map((value) => ({ value, label: choiceLabel(key, value) }))}
        selected={selectedChoices(query, key)}
        onChange={(values) => update({ [key]: key === "rfm" ? (values.length ? values : undefined) : values[0] })}
      />
    ),
  }));
  const applied: AppliedFilterInterface[] = FILTER_KEYS.filter((key) => query[key] !== undefined).map((key) => ({
    key,
    label: `${t(FILTER_TITLE[key])}: ${selectedChoices(query, key)
      .map((value) => choiceLabel(key, value))
      .join(", ")}`,
    onRemove: () => update({ [key]: undefined }),
  }));
  if (query.segment) {
    // Polaris draws a pill only for a key in `filters`: a hidden one, so a segment link (not offered as a choice)
    // is still seen and can be cleared.
    const label = `${t("customers.segment")}: ${segmentLabel(query.segment)}`;
    filters.push({ key: "segment", label: t("customers.segment"), hidden: true, filter: <Text as="p">{label}</Text> });
    applied.push({ key: "segment", label, onRemove: () => update({ segment: undefined }) });
  }

  const { sort, direction } = currentSort(query);
  const sortOptions = CUSTOMER_SORTS.flatMap((key) =>
    // Polaris reads each key's first choice as ascending and its second as descending.
    (["asc", "desc"] as const).map((dir) => ({
      label: t(`customers.sortOptions.${key}`),
      value: `${key} ${dir}` as const,
      directionLabel: t(`customers.sortDirections.${SORT_KIND[key]}.${dir}`),
    })),
  );
  const onSort = ([value]: string[]) => {
    const [key, dir] = value.split(" ") as [CustomerSort, "asc" | "desc"];
    update({ sort: key, direction: dir });
  };
  const clearFilters = () => {
    setText("");
    update(NO_FILTERS);
  };

  return (
    <Page title={t("customers.title")} fullWidth>
      <Card padding="0">
        <IndexFilters
          key={filterBarKey}
          tabs={[{ id: "all", content: t("customers.allTab") }]}
          selected={0}
          onSelect={() => undefined}
          canCreateNewView={false}
          queryValue={text}
          queryPlaceholder={t("customers.search")}
          onQueryChange={setText}
          onQueryClear={() => setText("")}
          sortOptions={sortOptions}
          sortSelected={[`${sort} ${direction}`]}
          onSort={onSort}
          filters={filters}
          appliedFilters={applied}
          onClearAll={clearFilters}
          cancelAction={{ onAction: clearFilters }}
          mode={mode}
          setMode={setMode}
          // Polaris' Escape cancels the filtering mode (here: clears every filter) even when it only meant to close
          // a filter's popover.
          disableKeyboardShortcuts
          loading={loading}
        />
        {data ? (
          <CustomerTable
            data={data}
            currency={data.currency}
            loading={loading}
            onOpen={(id) => navigate(`/customers/${encodeURIComponent(id)}`)}
            onPage={(page) => go({ ...query, page })}
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
