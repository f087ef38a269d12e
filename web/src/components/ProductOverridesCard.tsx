import { useEffect, useState } from "react";
import { BlockStack, Button, Card, Text, TextField } from "@shopify/polaris";
import type { SettingsResponse } from "../../../server/src/contracts/admin-api.js";
import { apiFetch } from "../api/client.js";
import { useSettings } from "../hooks/use-settings.js";
import { useI18n } from "../i18n/i18n.js";
import { errorText } from "../i18n/error-text.js";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** The merchant's word on which lines are products: one id or title a line, used at the next model fit. */
export function ProductOverridesCard() {
  const { t } = useI18n();
  const settings = useSettings();
  const [nonProduct, setNonProduct] = useState("");
  const [product, setProduct] = useState("");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    const o = settings.data?.productOverrides;
    if (!o) return;
    setNonProduct(o.nonProduct.join("\n"));
    setProduct(o.product.join("\n"));
  }, [settings.data]);
  const save = async () => {
    setSaving(true);
    setStatus(null);
    try {
      const body = { productOverrides: { nonProduct: lines(nonProduct), product: lines(product) } };
      await apiFetch<SettingsResponse>("/api/settings", { method: "PUT", body });
      setStatus({ ok: true, text: t("settings.productOverrides.saved") });
    } catch (err) {
      setStatus({ ok: false, text: errorText(t, err) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("settings.productOverrides.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("settings.productOverrides.help")}
        </Text>
        <TextField
          label={t("settings.productOverrides.nonProduct")}
          value={nonProduct}
          onChange={setNonProduct}
          multiline={3}
          autoComplete="off"
        />
        <TextField
          label={t("settings.productOverrides.product")}
          value={product}
          onChange={setProduct}
          multiline={3}
          autoComplete="off"
        />
        <Button onClick={save} loading={saving} disabled={!settings.data}>
          {t("settings.productOverrides.save")}
        </Button>
        {status && (
          <Text as="p" tone={status.ok ? "success" : "critical"}>
            {status.text}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
