/* tidings dashboard charts (Apache ECharts, vendored): timeline by QuadClass, dyad network, map.
 * Labels are set through ECharts options (drawn on a canvas), never as HTML; tooltips use a
 * formatter that escapes with ECharts' own encodeHTML. */
"use strict";

(function () {
  const T = () => window.tidings;
  const esc = (s) => echarts.format.encodeHTML(String(s === null || s === undefined ? "" : s));

  function chartBox(view, id, controls) {
    const box = T().el("div", { class: "chart", id });
    view.replaceChildren(...(controls || []), box);
    const chart = echarts.init(box, null, { renderer: "canvas" });
    window.addEventListener("resize", () => chart.resize(), { once: true });
    return chart;
  }

  /* Goldstein -10..+10 -> red .. grey .. green */
  function goldsteinColor(g) {
    const t = Math.max(-1, Math.min(1, (g || 0) / 10));
    const mix = (a, b, f) => Math.round(a + (b - a) * f);
    const [r, gr, b] = t < 0 ? [mix(150, 200, -t), mix(150, 40, -t), mix(150, 40, -t)]
      : [mix(150, 30, t), mix(150, 150, t), mix(150, 60, t)];
    return `rgb(${r},${gr},${b})`;
  }

  async function timeline(view, params) {
    const freq = ["day", "week", "month", "year"].includes(params.get("freq")) ? params.get("freq") : "month";
    const q = T().filterParams(); q.set("by", "type"); q.set("freq", freq);
    const data = await T().api("/stats?" + q.toString());
    const periods = [...new Set(data.rows.map((r) => r.period))].sort();
    const counts = { 1: {}, 2: {}, 3: {}, 4: {} };
    let total = 0;
    for (const r of data.rows) {
      total += r.events;
      for (const k of [1, 2, 3, 4]) counts[k][r.period] = (counts[k][r.period] || 0) + Math.round(r.events * r["quad" + k + "_share"]);
    }
    const select = T().el("select", { id: "freq" }, ...["day", "week", "month", "year"].map((f) =>
      T().el("option", f === freq ? { value: f, selected: "selected" } : { value: f }, f)));
    select.addEventListener("change", () => {
      const p = T().filterParams(); p.set("freq", select.value); location.hash = "#/timeline?" + p.toString();
    });
    const head = T().el("p", {}, T().el("label", {}, "Period ", select), " ",
      T().el("span", { id: "timeline-count" }, T().plural(total, "event")), " in ", T().plural(periods.length, "period"));
    const chart = chartBox(view, "timeline", [head]);
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 60 },
      xAxis: { type: "category", data: periods },
      yAxis: { type: "value", name: "events" },
      dataZoom: periods.length > 40 ? [{ type: "slider" }] : [],
      series: [1, 2, 3, 4].map((k) => ({
        name: `${k} ${T().QUAD_NAMES[k]}`, type: "bar", stack: "q", itemStyle: { color: T().QUAD_COLORS[k] },
        data: periods.map((p) => counts[k][p] || 0),
      })),
    });
    view.dataset.total = String(total);
  }

  async function network(view) {
    const q = T().filterParams(); q.set("by", "dyad"); q.set("freq", "year");
    const data = await T().api("/stats?" + q.toString());
    const edges = new Map(), nodes = new Map();
    for (const r of data.rows) {
      const [left, right] = r.key.split("->").map((side) => side.split("+").filter((c) => c !== "---"));
      /* actor -> recipient; a meeting with no recipient links its actors to each other */
      const pairs = right.length ? left.flatMap((a) => right.map((b) => [a, b]))
        : left.flatMap((a, i) => left.slice(i + 1).map((b) => [a, b]));
      for (const [a, b] of pairs) {
        if (a === b) continue;
        const key = a + "->" + b;
        const e = edges.get(key) || { source: a, target: b, events: 0, gsum: 0, directed: right.length > 0 };
        e.events += r.events; e.gsum += r.goldstein_sum || 0; edges.set(key, e);
        for (const c of [a, b]) nodes.set(c, (nodes.get(c) || 0) + r.events);
      }
    }
    const maxE = Math.max(1, ...[...edges.values()].map((e) => e.events));
    const maxN = Math.max(1, ...nodes.values());
    const head = T().el("p", {}, T().el("span", { id: "network-count" }, `${T().plural(nodes.size, "country", "countries")}, ${T().plural(edges.size, "dyad")}`),
      " · edge width: events · edge colour: mean Goldstein (red conflict, green cooperation)");
    const chart = chartBox(view, "network", [head]);
    chart.setOption({
      animation: false,
      tooltip: { formatter: (p) => p.dataType === "edge"
        ? `${esc(p.data.source)} → ${esc(p.data.target)}: ${p.data.events} events, mean Goldstein ${p.data.mean.toFixed(2)}`
        : `${esc(p.data.name)}: ${p.data.value} events` },
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true,
        force: { repulsion: 260, edgeLength: [60, 180] },
        label: { show: true, position: "right" },
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 8,
        data: [...nodes.entries()].map(([name, v]) => ({ name, value: v, symbolSize: 10 + 30 * Math.sqrt(v / maxN),
          itemStyle: { color: "#4a6fa5" } })),
        links: [...edges.values()].map((e) => {
          const mean = e.gsum / e.events;
          return { source: e.source, target: e.target, events: e.events, mean,
                   symbol: e.directed ? ["none", "arrow"] : ["none", "none"],
                   lineStyle: { width: 1 + 7 * Math.sqrt(e.events / maxE), color: goldsteinColor(mean), opacity: 0.85, curveness: 0.15 } };
        }),
      }],
    });
    view.dataset.nodes = String(nodes.size);
    view.dataset.edges = String(edges.size);
  }

  let worldReady = null;
  function loadWorld() {
    if (!worldReady) {
      worldReady = fetch("/static/vendor/countries-110m.json").then((r) => r.json()).then((topo) => {
        const world = topojson.feature(topo, topo.objects.countries);
        /* Antarctica and Fiji cross the map's edge and would draw lines across it */
        world.features = world.features.filter((f) => f.id !== "010" && f.id !== "242");
        echarts.registerMap("world", world);
      });
    }
    return worldReady;
  }

  async function map(view) {
    const [, data] = await Promise.all([loadWorld(), T().api("/places?" + T().filterParams().toString())]);
    const maxN = Math.max(1, ...data.places.map((p) => p.events));
    const total = data.places.reduce((s, p) => s + p.events, 0);
    const head = T().el("p", {}, T().el("span", { id: "map-count" }, `${T().plural(data.places.length, "place")}, ${T().plural(total, "event")}`),
      " · dot size: events · colour: mean Goldstein");
    const chart = chartBox(view, "map", [head]);
    chart.setOption({
      animation: false,
      tooltip: { formatter: (p) => `${esc(p.data.name)} (${esc(p.data.country)}): ${p.data.events} events, mean Goldstein ${p.data.g}` },
      geo: { map: "world", roam: true, itemStyle: { areaColor: "#e9edf2", borderColor: "#9aa5b1" },
             emphasis: { disabled: true } },
      series: [{
        type: "scatter", coordinateSystem: "geo",
        data: data.places.map((p) => ({ name: p.name || "", country: p.country || "", events: p.events, g: p.goldstein_mean,
          value: [p.lon, p.lat, p.events], symbolSize: 5 + 25 * Math.sqrt(p.events / maxN),
          itemStyle: { color: goldsteinColor(p.goldstein_mean), opacity: 0.85 } })),
      }],
    });
    view.dataset.places = String(data.places.length);
  }

  window.tidingsCharts = { timeline, network, map, goldsteinColor };
})();
