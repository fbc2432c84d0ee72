// The timeline: events over time, one row per event type or per actor, drawn as SVG. A day is a dot, a
// month or a year a bar as long as the period the date covers.

import { actorIndex, all, dateOf, interval, placeIndex, shown } from "./api.js";
import { showEvent } from "./details.js";
import { typeKeys } from "./map.js";
import { choice, clear, empty, filterForm, h, onPressKey, svg } from "./dom.js";
import { EVENT_TYPES, statusStyle, typeColour } from "./palette.js";

const ROW = 26;
const LABEL = 190;
const MAX_ROWS = 25;

export async function timelineView(root, params) {
  const group = params.get("group") === "actor" ? "actor" : "type";
  const form = filtersForm(params, group);
  const chart = h("div", { class: "timeline", id: "timeline" });
  const note = h("p", { class: "muted small", id: "timeline-note" });
  const types = h("div", { class: "legend" });
  clear(root, h("section", { class: "timeline-page" }, form, chart, types, note));
  const [events, actors, places] = await Promise.all([
    all("/api/events", { actor: params.get("actor"), type: params.get("type"), since: params.get("since"), until: params.get("until") }),
    actorIndex(),
    placeIndex(),
  ]);
  const dated = events.map((event) => ({ event, span: interval(dateOf(event).value) })).filter((item) => item.span);
  note.textContent = `${dated.length} of ${shown(events)} events have a date; the others are not drawn. A dot is a day; a bar a month or a year. Filled: asserted; pale, dashed: reported or claimed; hollow: denied, negated or not (yet) real.`;
  typeKeys(types, dated.map((item) => item.event));
  if (dated.length === 0) {
    chart.append(empty("No dated events for these filters."));
    return;
  }
  const rows = groupRows(dated, group, (id) => actors.get(id)?.name || id);
  chart.append(drawChart(rows, dated, places, Math.max(640, chart.clientWidth || 900)));
}

function groupRows(dated, group, actorName) {
  const rows = new Map();
  for (const item of dated) {
    const keys = group === "type" ? [item.event.type] : [...new Set([...(item.event.actors || []), ...(item.event.recipients || [])])];
    for (const key of keys) {
      if (!rows.has(key)) rows.set(key, { key, label: group === "type" ? key : actorName(key), items: [] });
      rows.get(key).items.push(item);
    }
  }
  return [...rows.values()].sort((a, b) => b.items.length - a.items.length || a.label.localeCompare(b.label)).slice(0, MAX_ROWS);
}

function drawChart(rows, dated, places, width) {
  const day = 86400000;
  let low = Math.min(...dated.map((item) => item.span[0]));
  let high = Math.max(...dated.map((item) => item.span[1])) + day;
  const pad = Math.max(15 * day, (high - low) * 0.03);
  [low, high] = [low - pad, high + pad];
  const plot = width - LABEL - 20;
  const x = (time) => LABEL + ((time - low) / (high - low)) * plot;
  const height = rows.length * ROW + 40;
  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": "events over time" });
  chart.append(axis(low, high, x, height));
  rows.forEach((row, index) => {
    const y = 10 + index * ROW + ROW / 2;
    chart.append(
      svg("line", { x1: LABEL, x2: width - 20, y1: y, y2: y, class: "row-line" }),
      svg("text", { x: LABEL - 8, y: y + 4, "text-anchor": "end", class: "row-label" }, `${row.label} (${row.items.length})`),
    );
    for (const { event, span } of row.items) chart.append(mark(event, span, x, y, day, places));
  });
  return chart;
}

function mark(event, span, x, y, day, places) {
  const colour = typeColour(event.type);
  const style = statusStyle(event.status);
  const common = {
    class: `tl-event status-${event.status}`,
    fill: colour,
    "fill-opacity": Math.max(style.fillOpacity, 0.1),
    stroke: colour,
    "stroke-width": style.weight,
    "stroke-dasharray": style.dashArray,
    "data-event": event.id,
    onclick: () => showEvent(event, places),
    // a button in the keyboard's order, named by its <title>
    tabindex: 0,
    role: "button",
    onkeydown: onPressKey(() => showEvent(event, places)),
  };
  const title = svg("title", null, `${event.type} · ${event.status} · ${dateOf(event).value}\n${event.text || event.evidence?.text || ""}`);
  if (span[1] - span[0] < day) return svg("circle", { cx: x(span[0]), cy: y, r: 6, ...common }, title);
  const left = x(span[0]);
  return svg("rect", { x: left, y: y - 6, width: Math.max(6, x(span[1] + day) - left), height: 12, rx: 4, ...common }, title);
}

function axis(low, high, x, height) {
  const group = svg("g", { class: "axis" });
  const start = new Date(low);
  const years = (high - low) / (365 * 86400000);
  const monthly = years <= 3;
  const step = monthly ? (years <= 1 ? 1 : 3) : Math.max(1, Math.round(years / 8));
  let tick = monthly ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)) : new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1));
  while (tick.getTime() < high) {
    const at = x(tick.getTime());
    const label = monthly ? tick.toISOString().slice(0, 7) : String(tick.getUTCFullYear());
    group.append(svg("line", { x1: at, x2: at, y1: 4, y2: height - 24, class: "tick" }), svg("text", { x: at, y: height - 8, "text-anchor": "middle" }, label));
    tick = monthly
      ? new Date(Date.UTC(tick.getUTCFullYear(), tick.getUTCMonth() + step, 1))
      : new Date(Date.UTC(tick.getUTCFullYear() + step, 0, 1));
  }
  return group;
}

function filtersForm(params, group) {
  const values = (data) => Object.fromEntries(data.entries());
  return filterForm("timeline", values, [
    h("label", null, "rows by ", h("select", { name: "group" },
      h("option", { value: "type", selected: group === "type" }, "event type"),
      h("option", { value: "actor", selected: group === "actor" }, "actor"))),
    h("label", null, "type ", choice("type", EVENT_TYPES, params, "all")),
    h("label", null, "actor ", h("input", { name: "actor", value: params.get("actor") || "", size: 14, placeholder: "id or name" })),
    h("label", null, "from ", h("input", { name: "since", value: params.get("since") || "", size: 10, placeholder: "YYYY-MM-DD" })),
    h("label", null, "to ", h("input", { name: "until", value: params.get("until") || "", size: 10, placeholder: "YYYY-MM-DD" })),
  ]);
}
