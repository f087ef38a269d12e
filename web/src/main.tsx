import React from "react";
import { createRoot } from "react-dom/client";
import "@shopify/polaris/build/esm/styles.css";
import { App } from "./App.js";
import { captureCafe24Token } from "./api/cafe24-session.js";

// Before the first render: the launch's token leaves the address bar before anything could copy or share it.
captureCafe24Token();

createRoot(document.getElementById("root")!).render(
  <React.StrictMode>
    <App />
  </React.StrictMode>,
);
