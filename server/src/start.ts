// `npm start`'s entry. In the Shopify demo the store simulator starts seeding on its own thread first, then this
// thread loads the app (main.ts): both take seconds, and they overlap instead of following each other.
import { loadConfig } from "./config.js";
import { type DemoPrestart, prestartDemoStore } from "./demo/demo-prestart.js";

function prestartIfDemo(): DemoPrestart | undefined {
  try {
    const config = loadConfig();
    return config.mode === "demo" && config.demoPlatform === "shopify" ? prestartDemoStore() : undefined;
  } catch {
    return undefined; // main() reports the configuration's problems
  }
}

const demoPrestart = prestartIfDemo();
const { main } = await import("./main.js");
main({ demoPrestart }).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
