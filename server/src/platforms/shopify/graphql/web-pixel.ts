// The app's web pixel (extensions/dangol-pixel). settings is a JSON string whose keys are the extension's declared
// [settings.fields]; Shopify refuses any other shape (INVALID_SETTINGS). One pixel per app and shop: a second
// create answers a TAKEN userError, so the existing one is looked up (webPixel without an id is this app's) and updated.
const PAYLOAD = "webPixel { id settings } userErrors { field code message }";

export const WEB_PIXEL_CREATE_MUTATION = `#graphql
  mutation DangolWebPixelCreate($webPixel: WebPixelInput!) {
    webPixelCreate(webPixel: $webPixel) { ${PAYLOAD} }
  }`;

export const WEB_PIXEL_UPDATE_MUTATION = `#graphql
  mutation DangolWebPixelUpdate($id: ID!, $webPixel: WebPixelInput!) {
    webPixelUpdate(id: $id, webPixel: $webPixel) { ${PAYLOAD} }
  }`;

export const WEB_PIXEL_QUERY = `#graphql
  query DangolWebPixel {
    webPixel { id settings }
  }`;
