/* tidings dashboard: hash-routed pages over the JSON API of the same server.
 * Every piece of data goes into the page as a text node (el() / textContent), never as HTML,
 * so article and user text cannot run as script. Links are made only for http(s) URLs. */
"use strict";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLORS = { 1: "#6ab04c", 2: "#1e7a3c", 3: "#e58e26", 4: "#c0392b" };
const FILTERS = ["since", "until", "country", "actor_country", "recipient_country", "dyad", "type",
  "quad_class", "modality", "language", "q"];
const PAGE_SIZE = 50;

/* el("td", {class: "x"}, "text", child...) -> an element; strings become text nodes */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "onclick") node.addEventListener("click", v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
  return node;
}

function safeLink(url, label) {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, label || url);
  }
  return el("span", {}, url || "");
}

/* "1 event", "2 events"; plural(n, "country", "countries") */
function plural(n, word, many) { return `${n} ${n === 1 ? word : many || word + "s"}`; }

function showError(msg) { document.getElementById("error").textContent = msg || ""; }

async function api(path, options) {
  const resp = await fetch(path, options);
  let body = null;
  try { body = await resp.json(); } catch (e) { body = null; }
  if (!resp.ok) {
    const msg = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : resp.statusText;
    throw new Error(msg);
  }
  return body;
}

/* the route: "#/page/arg?k=v" -> {page, arg, params} */
function route() {
  const h = location.hash.replace(/^#\/?/, "");
  const [path, query] = h.split("?");
  const parts = (path || "events").split("/");
  return { page: parts[0] || "events", arg: parts.slice(1).map(decodeURIComponent).join("/"),
           params: new URLSearchParams(query || "") };
}

function filterParams() {
  const form = document.getElementById("filters");
  const p = new URLSearchParams();
  for (const name of FILTERS) {
    const v = (form.elements[name].value || "").trim();
    if (v) p.set(name, v);
  }
  return p;
}

function setFilters(params) {
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
}

function quadBadge(q) {
  return q ? el("span", { class: "quad q" + q, title: QUAD_NAMES[q] }, q) : "";
}

/* ---- Events ------------------------------------------------------------------------------ */
async function pageEvents(view, params) {
  const sort = params.get("sort") || "-date";
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  const q = filterParams();
  q.set("sort", sort); q.set("limit", PAGE_SIZE); q.set("offset", offset);
  const data = await api("/events?" + q.toString());
  const go = (changes) => {
    const p = new URLSearchParams(q);
    for (const [k, v] of Object.entries(changes)) p.set(k, v);
    p.delete("limit");
    location.hash = "#/events?" + p.toString();
  };
  const head = [["date", "Date"], ["type", "Type"], [null, "CAMEO"], ["goldstein", "Goldstein"], [null, "Quad"],
    [null, "Actor"], [null, "Recipient"], [null, "Place"], [null, "Modality"], [null, "Lang"],
    ["mentions", "Mentions"], [null, "Trigger"], [null, "Evidence"]];
  const thead = el("tr", {}, ...head.map(([key, label]) => key
    ? el("th", { class: "sortable", onclick: () => go({ sort: sort === "-" + key ? key : "-" + key, offset: 0 }) },
         label + (sort === key ? " ▲" : sort === "-" + key ? " ▼" : ""))
    : el("th", {}, label)));
  const rows = data.events.map((e) => el("tr", {
    class: "event", "data-event": e.event_id,
    onclick: () => { location.hash = "#/article/" + encodeURIComponent(e.doc_id) + "?event=" + encodeURIComponent(e.event_id); },
  }, el("td", {}, e.date || ""), el("td", {}, e.event_type), el("td", {}, e.cameo_code || ""),
     el("td", {}, e.goldstein), el("td", {}, quadBadge(e.quad_class)),
     el("td", {}, (e.actor_codes || []).join(", ")), el("td", {}, (e.recipient_codes || []).join(", ")),
     el("td", {}, e.location_name || ""), el("td", {}, e.modality || ""), el("td", {}, e.language || ""),
     el("td", {}, e.num_mentions), el("td", {}, e.trigger_text || ""), el("td", { class: "sentence" }, e.sentence || "")));
  const last = Math.min(offset + data.events.length, data.total);
  const pager = el("div", { class: "pager" },
    el("button", { type: "button", id: "prev", onclick: () => go({ offset: Math.max(0, offset - PAGE_SIZE) }) }, "‹ previous"),
    el("span", { id: "count" }, plural(data.total, "event")),
    el("span", { class: "muted" }, data.total ? `showing ${offset + 1}–${last}` : "no event matches the filters"),
    el("button", { type: "button", id: "next", onclick: () => go({ offset: offset + PAGE_SIZE }) }, "next ›"));
  if (offset === 0) pager.querySelector("#prev").disabled = true;
  if (last >= data.total) pager.querySelector("#next").disabled = true;
  view.replaceChildren(pager, el("table", { id: "events" }, el("thead", {}, thead), el("tbody", {}, ...rows)));
}

/* ---- Article ----------------------------------------------------------------------------- */
const SPAN_PRIORITY = ["trigger", "actor", "recipient", "place", "date"];

/* the body as text nodes and <mark> elements: at each stretch of text the most important
   span covering it (trigger > actor > recipient > place > date) gives the mark's class */
function markedText(text, spans, focus) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const cover = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!cover.length) { out.push(document.createTextNode(piece)); continue; }
    cover.sort((x, y) => SPAN_PRIORITY.indexOf(x.kind) - SPAN_PRIORITY.indexOf(y.kind));
    const top = cover[0];
    const isFocus = cover.some((s) => s.event_id === focus);
    out.push(el("mark", { class: top.kind + (isFocus ? " focus" : ""), "data-event": top.event_id,
                          title: cover.map((s) => s.kind).join(", ") }, piece));
  }
  return out;
}

async function pageArticle(view, docId, params) {
  const a = await api("/articles/" + encodeURIComponent(docId));  /* ids may hold "/" (paths, URLs) */
  const focus = params.get("event");
  const legend = el("p", { class: "legend" }, ...SPAN_PRIORITY.map((k) => el("span", {}, el("mark", { class: k }, k))));
  const events = el("table", { id: "article-events" },
    el("thead", {}, el("tr", {}, ...["Type", "CAMEO", "Quad", "Actor", "Recipient", "Date", "Place", "Modality", "Trigger"]
      .map((h) => el("th", {}, h)))),
    el("tbody", {}, ...a.events.map((e) => el("tr", { class: e.event_id === focus ? "focus" : "" },
      el("td", {}, e.event_type), el("td", {}, e.cameo_code), el("td", {}, quadBadge(e.quad_class)),
      el("td", {}, (e.actors || []).join(", ")), el("td", {}, (e.recipients || []).join(", ")),
      el("td", {}, e.date || ""), el("td", {}, e.place || ""), el("td", {}, e.modality || ""), el("td", {}, e.trigger || "")))));
  const body = a.text ? el("div", { class: "body", id: "article-text" }, ...markedText(a.text, a.spans, focus))
    : el("p", { class: "muted" }, "This store was made before article texts were kept: re-ingest to see the text.");
  view.replaceChildren(el("article", { class: "doc" },
    el("h2", { id: "article-title" }, a.title || a.doc_id),
    el("p", { class: "meta" }, `${a.published || "no date"} · ${a.language || "?"} · ${a.doc_id} · `, safeLink(a.url, a.url)),
    legend, body, el("h3", { id: "article-count" }, plural(a.events.length, "event") + " coded in this article"), events));
  const first = view.querySelector("mark.focus") || view.querySelector("mark.trigger");
  if (first) first.scrollIntoView({ block: "center" });
}

/* ---- Code a text ------------------------------------------------------------------------- */
function pageCode(view) {
  const form = el("form", { class: "code", id: "code-form" },
    el("p", {}, "Paste a news text (or an HTML page). It is coded by this server and nothing is stored."),
    el("textarea", { name: "text", id: "code-text", placeholder: "The foreign minister of ... met ..." }),
    el("div", { class: "row" },
      el("label", {}, "Kind ", el("select", { name: "kind" }, el("option", { value: "text" }, "text"), el("option", { value: "html" }, "HTML"))),
      el("label", {}, "Published ", el("input", { name: "published", placeholder: "2024-03-14", size: 12 })),
      el("label", {}, "Language ", el("input", { name: "lang", placeholder: "auto", size: 4 })),
      el("label", {}, "URL ", el("input", { name: "url", size: 30 })),
      el("button", { type: "submit", id: "code-submit" }, "Code")),
    el("div", { id: "code-error", role: "alert" }), el("div", { id: "code-result" }));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const payload = { [f.kind.value]: f.text.value };
    for (const k of ["published", "lang", "url"]) if (f[k].value.trim()) payload[k] = f[k].value.trim();
    const out = form.querySelector("#code-result"), err = form.querySelector("#code-error");
    out.replaceChildren(el("p", { class: "muted" }, "coding…")); err.textContent = "";
    try {
      const r = await api("/code", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) });
      out.replaceChildren(el("p", { id: "code-count" }, plural(r.events.length, "event")),
        el("table", { id: "code-events" }, el("thead", {}, el("tr", {}, ...["Type", "CAMEO", "Actor", "Recipient", "Date", "Place", "Modality", "Trigger", "Sentence"].map((h) => el("th", {}, h)))),
          el("tbody", {}, ...r.events.map((e) => el("tr", {},
            el("td", {}, e.event_type), el("td", {}, e.cameo_code), el("td", {}, e.actors.map((x) => x.code).join(", ")),
            el("td", {}, e.recipients.map((x) => x.code).join(", ")), el("td", {}, e.date || ""),
            el("td", {}, e.location ? e.location.name || e.location.text : ""), el("td", {}, e.modality),
            el("td", {}, e.trigger.text), el("td", { class: "sentence" }, e.sentence))))));
    } catch (e) { out.replaceChildren(); err.textContent = e.message; }
  });
  view.replaceChildren(form);
}

/* ---- router ------------------------------------------------------------------------------ */
const PAGES = { events: pageEvents, timeline: (v, p) => window.tidingsCharts.timeline(v, p),
  network: (v) => window.tidingsCharts.network(v), map: (v) => window.tidingsCharts.map(v) };

async function render() {
  const r = route();
  const view = document.getElementById("view");
  showError("");
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.dataset.page === r.page));
  document.getElementById("filters").classList.toggle("hidden", !(r.page in PAGES));
  if (r.page in PAGES) setFilters(r.params);
  document.body.dataset.ready = "0";
  try {
    if (r.page === "article") await pageArticle(view, r.arg, r.params);
    else if (r.page === "code") pageCode(view);
    else await (PAGES[r.page] || pageEvents)(view, r.params);
  } catch (e) {
    view.replaceChildren();
    showError(e.message);
  }
  document.body.dataset.ready = "1";
}

function init() {
  const sel = document.querySelector("#filters select[name=type]");
  for (const t of PLOVER) sel.appendChild(el("option", { value: t }, t));
  const form = document.getElementById("filters");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const page = route().page in PAGES ? route().page : "events";
    location.hash = "#/" + page + "?" + filterParams().toString();
  });
  document.getElementById("clear").addEventListener("click", () => { form.reset(); location.hash = "#/" + route().page; });
  window.addEventListener("hashchange", render);
  api("/summary").then((s) => {
    document.getElementById("summary").textContent =
      `${s.events} events · ${s.articles} articles · ${s.first_date || "?"} – ${s.last_date || "?"}`;
  }).catch(() => {});
  render();
}

window.tidings = { el, api, plural, filterParams, showError, QUAD_COLORS, QUAD_NAMES };
document.addEventListener("DOMContentLoaded", init);
