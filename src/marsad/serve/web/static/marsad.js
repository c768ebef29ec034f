// Marsad dashboard: the events filter and the quotation search, fetched from /api/v1. No libraries.
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function actor(a) {
  if (!a) return "?";
  // <bdi> keeps an Arabic name from pulling the arrow and the country code into its direction.
  const name = el("bdi", {}, a.name || a.country);
  return a.country && a.name && a.country !== a.name ? el("span", {}, name, ` (${a.country})`) : name;
}

function eventRow(ev) {
  return el("tr", {},
    el("td", { class: "nowrap" }, ev.date || ev.published || "?"),
    el("td", {}, el("span", { class: `badge t-${ev.type.toLowerCase()}` }, ev.type), " ",
       el("span", { class: "muted" }, ev.cameo || "")),
    el("td", {}, actor(ev.source), " \u2192 ", actor(ev.target)),
    el("td", {}, ev.location ? ev.location.name : ""),
    el("td", { class: "ar", lang: "ar", dir: "rtl" }, ev.evidence || ""),
    el("td", { class: "ar small", lang: "ar", dir: "auto" }, ev.outlet || (ev.credits || []).join(", ")));
}

function quoteItem(q) {
  const who = q.entity
    ? el("a", { href: `/entities/${encodeURIComponent(q.entity)}` }, q.speaker)
    : el("span", { dir: "auto" }, q.speaker || "(unattributed)");
  const meta = el("div", { class: "meta" }, who, ` \u00b7 ${q.date || "?"} \u00b7 `,
    el("span", { class: "badge" }, q.kind));
  if (q.outlet || q.credits) meta.append(" \u00b7 ", el("span", { dir: "auto" }, q.outlet || q.credits));
  return el("li", { class: "quote" }, el("blockquote", { class: "ar", lang: "ar", dir: "rtl" }, `\u00ab${q.text}\u00bb`), meta);
}

async function getJSON(url) {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

function wireEvents() {
  const select = document.getElementById("event-type");
  if (!select) return;
  const rows = document.getElementById("event-rows");
  const count = document.getElementById("event-count");
  select.addEventListener("change", async () => {
    const params = new URLSearchParams({ limit: "200" });
    if (select.value) params.set("type", select.value);
    try {
      const page = await getJSON(`/api/v1/events?${params}`);
      rows.replaceChildren(...page.items.map(eventRow));
      count.textContent = `${page.items.length} of ${page.total} shown, latest first`;
    } catch (err) {
      count.textContent = `could not load events: ${err.message}`;
    }
  });
}

function wireQuotes() {
  const form = document.getElementById("quote-search");
  if (!form) return;
  const list = document.getElementById("quote-rows");
  const count = document.getElementById("quote-count");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const params = new URLSearchParams({ kind: data.get("kind"), limit: "50" });
    const speaker = (data.get("speaker") || "").trim();
    if (speaker) params.set("speaker", speaker);
    try {
      const page = await getJSON(`/api/v1/quotes?${params}`);
      list.replaceChildren(...page.items.map(quoteItem));
      count.textContent = page.items.length ? `${page.items.length} found` : "none found";
    } catch (err) {
      count.textContent = `search failed: ${err.message}`;
    }
  });
}

document.addEventListener("DOMContentLoaded", () => { wireEvents(); wireQuotes(); });
