import { Frame, Navigation } from "@shopify/polaris";
import { HomeIcon, MegaphoneIcon, PersonIcon, SettingsIcon } from "@shopify/polaris-icons";
import { NavMenu } from "@shopify/app-bridge-react";
import type { ReactNode } from "react";
import { isEmbedded } from "./api/app-bridge";
import { useI18n } from "./i18n/i18n";
import { useRouter } from "./routing/router";
import { activeNav, NAV_ITEMS } from "./routing/routes";

const ICONS = { "/": HomeIcon, "/customers": PersonIcon, "/campaigns": MegaphoneIcon, "/settings": SettingsIcon };

/** Embedded, the Shopify admin draws the app nav from <NavMenu>; standalone (demo) we draw Polaris' own. */
export function AppFrame({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { path } = useRouter();
  if (isEmbedded()) {
    return (
      <Frame>
        <NavMenu>
          {NAV_ITEMS.map((item) => (
            <a key={item.path} href={item.path} rel={item.path === "/" ? "home" : undefined}>
              {t(item.label)}
            </a>
          ))}
        </NavMenu>
        {children}
      </Frame>
    );
  }
  const active = activeNav(path);
  const navigation = (
    <Navigation location={path}>
      <Navigation.Section
        title={t("app.name")}
        items={NAV_ITEMS.map((item) => ({ url: item.path, label: t(item.label), icon: ICONS[item.path], selected: item.path === active }))}
      />
    </Navigation>
  );
  return <Frame navigation={navigation}>{children}</Frame>;
}
