// Dangol storefront behaviour for the server-rendered <dangol-slot> elements: keeps countdowns ticking,
// remembers dismissals (localStorage) and reports impression/click/dismiss with sendBeacon to the app proxy
// path in data-endpoint. It never inserts content, so it cannot shift the layout.
(() => {
  if (customElements.get("dangol-slot")) return;
  const pad = (n) => String(n).padStart(2, "0");
  // One id per page view: the app stores each kind of beacon once per page view, so a resent one counts once.
  let pageView;
  try {
    pageView = crypto.randomUUID();
  } catch {
    // Not a secure context or an old browser: beacons go without it.
  }
  // Beacons wait until Shopify's Customer Privacy API allows analytics (at once where no consent is needed, else
  // after "accept"); held until then, never sent on a decline. No API (old theme): none sent, as we can't tell
  // whether consent is needed.
  let allowed = false;
  let queue = [];
  const consent = (yes) => {
    allowed = yes;
    if (!yes) return;
    const sends = queue;
    queue = [];
    for (const send of sends) {
      try {
        send();
      } catch {
        // One failed beacon must not hold back the others.
      }
    }
  };
  const whenAllowed = (send) => (allowed ? send() : queue.push(send));
  document.addEventListener("visitorConsentCollected", (e) => consent(!!e.detail?.analyticsAllowed));
  try {
    Shopify.loadFeatures([{ name: "consent-tracking-api", version: "0.1" }], (error) =>
      consent(!error && Shopify.customerPrivacy.analyticsProcessingAllowed()),
    );
  } catch {
    // No Customer Privacy API on this page.
  }
  const beacon = (url, fields) =>
    whenAllowed(() =>
      navigator.sendBeacon(url, new Blob([JSON.stringify({ ...fields, pageView })], { type: "application/json" })),
    );

  class DangolSlot extends HTMLElement {
    connectedCallback() {
      if (this.hidden) return;
      this.clocks = this.querySelectorAll("[data-expires]");
      this.onClick = (event) => {
        const target = event.target.closest("[data-dangol-dismiss],[data-dangol-click]");
        if (!target) return;
        if (target.hasAttribute("data-dangol-dismiss")) this.dismiss();
        else this.send("click");
      };
      this.addEventListener("click", this.onClick);
      if (this.clocks.length) {
        this.tick();
        this.timer = setInterval(() => this.tick(), 1000);
      }
      // An impression counts once the slot is at least half on screen.
      this.observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          this.observer.disconnect();
          this.send("impression");
        },
        { threshold: 0.5 },
      );
      this.observer.observe(this);
    }

    disconnectedCallback() {
      clearInterval(this.timer);
      this.removeEventListener("click", this.onClick);
      this.observer?.disconnect();
    }

    send(kind) {
      // Exactly the fields storefrontEventSchema (strict) accepts; the customer comes from the signed proxy query.
      const { endpoint, campaign, variant } = this.dataset;
      try {
        beacon(endpoint, { kind, campaign, variant });
      } catch {
        // Beacons are best effort; the page works without them.
      }
    }

    dismiss() {
      try {
        localStorage.setItem(this.dataset.dismissKey, "1");
      } catch {
        // Private mode: dismissal still hides it for this page view.
      }
      this.send("dismiss");
      this.disconnectedCallback();
      this.hidden = true;
    }

    tick() {
      for (const el of this.clocks) {
        const left = Math.max(0, Math.floor((Date.parse(el.dataset.expires) - Date.now()) / 1000));
        el.textContent = left
          ? `${Math.floor(left / 86400)}${el.dataset.day} ${pad(Math.floor(left / 3600) % 24)}:${pad(Math.floor(left / 60) % 60)}:${pad(left % 60)}`
          : el.dataset.expired;
      }
    }
  }

  customElements.define("dangol-slot", DangolSlot);

  // One visit beacon per customer per day feeds the visit axis of the segment grid.
  const visit = document.querySelector("[data-dangol-visit]");
  const today = new Date().toISOString().slice(0, 10);
  try {
    if (visit && localStorage.getItem("dangol-visit") !== today)
      whenAllowed(() => {
        beacon(visit.dataset.dangolVisit, { kind: "visit" });
        localStorage.setItem("dangol-visit", today);
      });
  } catch {
    // Best effort, like every beacon.
  }
})();
