// Dangol banner for Cafe24 (a ScriptTag): reserves the banner's box at once, asks our server, fills it in place.
((d, w) => {
  const s = d.currentScript;
  if (!s) return;
  const src = new URL(s.src);
  const q = src.searchParams;
  // A skin may hold <div data-dangol-banner style="height:128px"></div> (space reserved by the page itself);
  // otherwise the box goes where this script runs (in body) or at the end of the body.
  let box = d.querySelector("[data-dangol-banner]");
  if (!box) {
    box = d.createElement("div");
    box.style.height = "128px";
    if (s.parentNode !== d.head) s.before(box);
    else d.body.append(box);
  }
  box.classList.add("dg24");
  const css = d.createElement("style");
  css.textContent =
    ".dg24{display:block;box-sizing:border-box;overflow:hidden;margin:1rem 0}.dg24:lang(ko){word-break:keep-all}" +
    ".dg24>div{display:flex;align-items:center;gap:1rem;box-sizing:border-box;height:100%;padding:1rem 3rem 1rem 1.25rem;position:relative;border:1px solid #0002;border-radius:8px;background:#00000008}" +
    ".dg24 div div{flex:1;min-width:0}.dg24 p{margin:0 0 .25rem;overflow:hidden;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2}" +
    ".dg24 p:first-child{font-weight:600;-webkit-line-clamp:1}.dg24 a{flex:none;padding:.5rem 1rem;border-radius:4px;background:#111;color:#fff;text-decoration:none}" +
    ".dg24 button{position:absolute;top:.5rem;right:.5rem;width:2rem;height:2rem;border:0;background:none;font-size:1.4rem;cursor:pointer}";
  d.head.append(css);
  // Korean first; English when the shop's page says another language.
  const lang = (d.documentElement.lang || "ko").startsWith("ko") ? "ko" : "en";
  box.lang = lang;
  const el = (tag, text) => {
    const e = d.createElement(tag);
    e.textContent = text || "";
    return e;
  };
  // Nothing to show: the box collapses only below the viewport (nothing visible moves), else stays empty.
  const empty = () => {
    if (box.getBoundingClientRect().top >= w.innerHeight) box.hidden = true;
  };
  const render = (b) => {
    const key = `dangol:c24:${b.campaign}`;
    try {
      if (w.localStorage.getItem(key)) return empty();
    } catch {}
    const inner = el("div");
    const text = el("div");
    text.append(el("p", b.title[lang]), el("p", b.body[lang]));
    inner.append(text);
    if (/^\/[a-z0-9]/i.test(b.ctaUrl)) {
      const a = el("a", b.ctaLabel[lang]);
      a.href = b.ctaUrl;
      inner.append(a);
    }
    const x = el("button", "\u00d7");
    x.type = "button";
    x.ariaLabel = lang === "ko" ? "닫기" : "Close";
    x.onclick = () => {
      box.hidden = true;
      try {
        w.localStorage.setItem(key, "1");
      } catch {}
    };
    inner.append(x);
    box.role = "region";
    box.append(inner);
  };
  const ask = (member) => {
    const api = w.CAFE24API || {};
    const url = new URL("decision", src);
    url.search = new URLSearchParams({ mall_id: api.MALL_ID || q.get("mall_id") || "", shop_no: api.SHOP_NO || 1 });
    if (member) url.searchParams.set("member_id", member);
    fetch(url, { credentials: "omit" })
      .then((r) => (r.ok ? r.json() : {}))
      .then((j) => (j.banner ? render(j.banner) : empty()), empty);
  };
  // The Front SDK answers only after window.onload; without it (or when it stays silent) we ask as a guest.
  const start = () => {
    let done = 0;
    const go = (m) => done++ || ask(m);
    setTimeout(go, 2000);
    try {
      w.CAFE24API.init({ client_id: q.get("client_id") }).getCustomerIDInfo((err, res) =>
        go(!err && res?.id?.member_id),
      );
    } catch {
      go();
    }
  };
  d.readyState === "complete" ? start() : w.addEventListener("load", start);
})(document, window);
