import React from "react";
import { createRoot } from "react-dom/client";
import { AppProvider, Page, Card, Text } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import "@shopify/polaris/build/esm/styles.css";

createRoot(document.getElementById("root")!).render(
  <React.StrictMode>
    <AppProvider i18n={en}>
      <Page title="Dangol">
        <Card>
          <Text as="p">Dangol turns one-time buyers into regulars.</Text>
        </Card>
      </Page>
    </AppProvider>
  </React.StrictMode>,
);
