import { Frame, Navigation, Text, TopBar } from "@shopify/polaris";
import { HomeIcon, MegaphoneIcon, PersonIcon, SettingsIcon } from "@shopify/polaris-icons";
import { NavMenu } from "@shopify/app-bridge-react";
import { useCallback, useState, type ReactNode } from "react";
import { isEmbedded } from "./api/app-bridge.js";
import { useI18n } from "./i18n/i18n.js";
import { useRouter } from "./routing/router.js";
import { activeNav, NAV_ITEMS } from "./routing/routes.js";
import "./app-frame.css";

const ICONS = { "/": HomeIcon, "/customers": PersonIcon, "/campaigns": MegaphoneIcon, "/settings": SettingsIcon };

/** Embedded, the Shopify admin draws the app nav from <NavMenu>; standalone (demo) we draw Polaris' own. */
export function AppFrame({ children }: { children: ReactNode }) {
  if (isEmbedded()) {
    return (
      <Frame>
        <EmbeddedNav />
        {children}
      </Frame>
    );
  }
  return <StandaloneFrame>{children}</StandaloneFrame>;
}

function EmbeddedNav() {
  const { t } = useI18n();
  return (
    <NavMenu>
      {NAV_ITEMS.map((item) => (
        <a key={item.path} href={item.path} rel={item.path === "/" ? "home" : undefined}>
          {t(item.label)}
        </a>
      ))}
    </NavMenu>
  );
}

/**
 * Polaris hides the side navigation below its desktop breakpoint; the top bar's menu button opens it as a sheet
 * there, and choosing a page (or the backdrop) closes it.
 */
function StandaloneFrame({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { path } = useRouter();
  const [navOpen, setNavOpen] = useState(false);
  const toggleNav = useCallback(() => setNavOpen((open) => !open), []);
  const closeNav = useCallback(() => setNavOpen(false), []);
  const active = activeNav(path);
  const topBar = (
    <TopBar
      showNavigationToggle
      onNavigationToggle={toggleNav}
      contextControl={
        <div className="dangol-TopBarName">
          <Text as="span" variant="headingMd">
            {t("app.name")}
          </Text>
        </div>
      }
    />
  );
  const navigation = (
    <Navigation location={path} onDismiss={closeNav}>
      <Navigation.Section
        title={t("app.name")}
        items={NAV_ITEMS.map((item) => ({
          url: item.path,
          label: t(item.label),
          icon: ICONS[item.path],
          selected: item.path === active,
          onClick: closeNav,
        }))}
      />
    </Navigation>
  );
  return (
    <Frame topBar={topBar} navigation={navigation} showMobileNavigation={navOpen} onNavigationDismiss={closeNav}>
      {children}
    </Frame>
  );
}
