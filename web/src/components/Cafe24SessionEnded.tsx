import { Banner, Page } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { cafe24SessionEnded, onCafe24SessionEnded } from "../api/cafe24-session.js";
import { useI18n } from "../i18n/i18n.js";

/** True once the Cafe24 admin token expired or was refused: every page would fail, so the app says what to do. */
export function useCafe24SessionEnded(): boolean {
  const [ended, setEnded] = useState(cafe24SessionEnded);
  useEffect(() => onCafe24SessionEnded(() => setEnded(true)), []);
  return ended;
}

export function Cafe24SessionEnded() {
  const { t } = useI18n();
  return (
    <Page>
      <Banner tone="warning" title={t("app.cafe24SessionEndedTitle")}>
        <p>{t("app.cafe24SessionEnded")}</p>
      </Banner>
    </Page>
  );
}
