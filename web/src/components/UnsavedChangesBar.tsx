import { useEffect } from "react";
import { ContextualSaveBar } from "@shopify/polaris";
import { SaveBar } from "@shopify/app-bridge-react";
import { isEmbedded } from "../api/app-bridge.js";
import { useI18n } from "../i18n/i18n.js";
import { useRouter } from "../routing/router.js";

interface Props {
  dirty: boolean;
  saving: boolean;
  canSave: boolean;
  onSave(): void;
  onDiscard(): void;
}

/**
 * Shopify's save bar pattern: while there are unsaved edits, Save and Discard sit in the admin's bar (App Bridge's
 * <ui-save-bar> when embedded, which also makes the admin ask before leaving; Polaris' ContextualSaveBar in the
 * standalone Frame), in-app navigation asks first, and closing or reloading the tab triggers the browser's prompt.
 */
export function UnsavedChangesBar({ dirty, saving, canSave, onSave, onDiscard }: Props) {
  const { t } = useI18n();
  const { setLeaveGuard } = useRouter();
  const question = t("common.leaveUnsaved");
  useEffect(() => {
    setLeaveGuard(dirty ? question : null);
    return () => setLeaveGuard(null);
  }, [dirty, question, setLeaveGuard]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);

  // <ui-save-bar> exists only once App Bridge's script has defined it; without it, Polaris' bar still works.
  if (isEmbedded() && typeof customElements !== "undefined" && customElements.get("ui-save-bar")) {
    return (
      <SaveBar id="dangol-save-bar" open={dirty}>
        <button
          type="button"
          variant="primary"
          onClick={onSave}
          loading={saving}
          disabled={!canSave || saving}
        ></button>
        <button type="button" onClick={onDiscard} disabled={saving}></button>
      </SaveBar>
    );
  }
  if (!dirty) return null;
  return (
    <ContextualSaveBar
      message={t("common.unsavedChanges")}
      saveAction={{ content: t("common.save"), onAction: onSave, loading: saving, disabled: !canSave }}
      discardAction={{ content: t("common.discard"), onAction: onDiscard }}
    />
  );
}
