import type { MouseEvent } from "react";
import type { LinkLikeComponentProps } from "@shopify/polaris/build/ts/src/utilities/link/types";
import { useRouter } from "./router.js";

/** Polaris' linkComponent: same-origin links navigate on the client; external ones behave normally. */
export function AppLink({ url, external, children, ...rest }: LinkLikeComponentProps) {
  const { navigate } = useRouter();
  const internal = !external && url.startsWith("/");
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(event);
    if (!internal || event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)
      return;
    event.preventDefault();
    navigate(url);
  };
  const externalProps = external ? { target: "_blank", rel: "noopener noreferrer" } : {};
  return (
    <a {...(rest as object)} {...externalProps} href={url} onClick={onClick}>
      {children}
    </a>
  );
}
