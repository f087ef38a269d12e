import { Badge, BlockStack, Button, Card, InlineStack, ResourceItem, ResourceList, Text } from "@shopify/polaris";
import type { CampaignDto } from "../../../server/src/contracts/admin-api.js";
import { useI18n, type Translate } from "../i18n/i18n.js";
import { formatPercent } from "../i18n/format.js";
import { rfmGroupLabel } from "../i18n/labels.js";

interface Props {
  campaigns: CampaignDto[];
  saving: string | null;
  onToggle(campaign: CampaignDto): void;
  onEdit(key: string): void;
}

export function targetSummary(t: Translate, c: CampaignDto): string {
  const parts = [
    ...c.segment.lifecycles.map((l) => t(`lifecycle.${l}`)),
    ...c.segment.purchaseStates.map((p) => t(`purchase.${p}`)),
    ...c.segment.rfmGroups.map((g) => rfmGroupLabel(t, g)),
  ];
  return t("campaigns.targets", { targets: parts.length ? parts.join(", ") : t("campaigns.anyone") });
}

/** The preset campaigns, each with its on/off switch. */
export function CampaignList({ campaigns, saving, onToggle, onEdit }: Props) {
  const { t, language } = useI18n();
  return (
    <Card padding="0">
      <ResourceList
        resourceName={{ singular: t("campaigns.title"), plural: t("campaigns.title") }}
        items={campaigns}
        emptyState={
          <div style={{ padding: 16 }}>
            <Text as="p" tone="subdued">
              {t("campaigns.empty")}
            </Text>
          </div>
        }
        renderItem={(c) => (
          <ResourceItem id={c.key} onClick={() => onEdit(c.key)} accessibilityLabel={t(`campaigns.names.${c.key}`)}>
            <InlineStack align="space-between" blockAlign="center" gap="400" wrap={false}>
              <BlockStack gap="100">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h2" variant="headingSm">
                    {t(`campaigns.names.${c.key}`)}
                  </Text>
                  <Badge tone={c.enabled ? "success" : undefined}>
                    {c.enabled ? t("campaigns.on") : t("campaigns.off")}
                  </Badge>
                </InlineStack>
                <Text as="p" tone="subdued" variant="bodySm">
                  {t(`campaigns.descriptions.${c.key}`)}
                </Text>
                <Text as="p" tone="subdued" variant="bodySm">
                  {`${targetSummary(t, c)} · ${t("campaigns.capValue", { max: c.cap.maxImpressions, days: c.cap.perDays })} · ${t("campaigns.holdoutValue", { share: formatPercent(language, c.holdoutShare) })}`}
                </Text>
              </BlockStack>
              {/* The row itself opens the editor; keep button clicks from also doing that. */}
              {/* biome-ignore lint/a11y/noStaticElementInteractions: not a control; it stops its buttons' clicks */}
              {/* biome-ignore lint/a11y/useKeyWithClickEvents: keys reach the buttons themselves */}
              <div onClick={(event) => event.stopPropagation()}>
                <InlineStack gap="200" wrap={false}>
                  <Button onClick={() => onEdit(c.key)}>{t("campaigns.edit")}</Button>
                  <Button
                    variant={c.enabled ? "secondary" : "primary"}
                    loading={saving === c.key}
                    onClick={() => onToggle(c)}
                    accessibilityLabel={`${c.enabled ? t("campaigns.turnOff") : t("campaigns.turnOn")} ${t(`campaigns.names.${c.key}`)}`}
                  >
                    {c.enabled ? t("campaigns.turnOff") : t("campaigns.turnOn")}
                  </Button>
                </InlineStack>
              </div>
            </InlineStack>
          </ResourceItem>
        )}
      />
    </Card>
  );
}
