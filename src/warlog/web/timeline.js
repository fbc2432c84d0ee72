// The timeline: events over time, one row per event type or per actor, drawn as SVG. A day is a dot, a
// month or a year a bar as long as the period the date covers.

import { actorIndex, all, dateOf, interval, placeIndex, shown } from "./api.js";
import { showEvent } from "./details.js";
import { typeKeys } from "./map.js";
import { clear, empty, filterForm, h, onPressKey, svg } from "./dom.js";
import { carried, sharedFields, sharedValues } from "./filters.js";
import { statusStyle, typeColour } from "./palette.js";

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
    all("/api/events", carried(params)),
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
  const range = denseRange(dated);
  chart.append(drawChart(rows, range, places, Math.max(640, chart.clientWidth || 900)));
  if (range.earlier || range.later) {
    note.textContent += ` The axis spans the dense range of the dates (2nd to 98th percentile, widened by a quarter); ${range.earlier} earlier and ${range.later} later events are drawn as arrows at its edges.`;
  }
}

const DAY = 86400000;
const DENSE_FROM = 20; // events; fewer are all drawn on the axis

// The span of the axis: the dates' dense range (2nd to 98th percentile) widened by a quarter on each side,
// or the whole range when it is narrower; so one "early 1900s" event does not squeeze a year of events into
// a few pixels. The events beyond it are outliers, drawn as arrows at the edge.
function denseRange(dated) {
  const starts = dated.map((item) => item.span[0]).sort((a, b) => a - b);
  const ends = dated.map((item) => item.span[1]).sort((a, b) => a - b);
  const at = (values, q) => values[Math.min(values.length - 1, Math.floor(q * (values.length - 1)))];
  let [first, last] = [starts[0], ends[ends.length - 1] + DAY];
  if (dated.length >= DENSE_FROM) {
    const margin = Math.max(30 * DAY, (at(ends, 0.98) - at(starts, 0.02)) / 4);
    first = Math.max(first, at(starts, 0.02) - margin);
    last = Math.min(last, at(ends, 0.98) + DAY + margin);
  }
  const pad = Math.max(15 * DAY, (last - first) * 0.03);
  return {
    low: first - pad,
    high: last + pad,
    earlier: dated.filter((item) => item.span[1] < first - pad).length,
    later: dated.filter((item) => item.span[0] >= last + pad).length,
  };
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

function drawChart(rows, range, places, width) {
  const { low, high } = range;
  const plot = width - LABEL - 20;
  const x = (time) => LABEL + ((time - low) / (high - low)) * plot;
  const height = rows.length * ROW + 40;
  const inside = (time) => Math.min(width - 20, Math.max(LABEL, x(time))); // a bar that crosses an edge stops there
  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": "events over time" });
  chart.append(axis(low, high, x, height));
  rows.forEach((row, index) => {
    const y = 10 + index * ROW + ROW / 2;
    chart.append(
      svg("line", { x1: LABEL, x2: width - 20, y1: y, y2: y, class: "row-line" }),
      svg("text", { x: LABEL - 8, y: y + 4, "text-anchor": "end", class: "row-label" }, `${row.label} (${row.items.length})`),
    );
    for (const { event, span } of row.items) {
      if (span[1] < low || span[0] >= high) chart.append(outlier(event, span[1] < low ? LABEL + 2 : width - 22, y, span[1] < low, places));
      else chart.append(mark(event, span, inside, y, DAY, places));
    }
  });
  return chart;
}

// An event outside the axis: an arrow at the edge it lies beyond, named by its date.
function outlier(event, at, y, before, places) {
  const points = before ? `${at},${y} ${at + 9},${y - 6} ${at + 9},${y + 6}` : `${at + 9},${y} ${at},${y - 6} ${at},${y + 6}`;
  return svg("polygon", { points, class: `tl-event tl-outlier status-${event.status}`, fill: typeColour(event.type), "data-event": event.id,
    onclick: () => showEvent(event, places), tabindex: 0, role: "button", onkeydown: onPressKey(() => showEvent(event, places)) },
  svg("title", null, `${event.type} · ${event.status} · ${dateOf(event).value} (${before ? "before" : "after"} the axis)\n${event.text || ""}`));
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
  const values = (data) => ({ group: data.get("group"), ...sharedValues(data) });
  return filterForm("timeline", values, [
    h("label", null, "rows by ", h("select", { name: "group" },
      h("option", { value: "type", selected: group === "type" }, "event type"),
      h("option", { value: "actor", selected: group === "actor" }, "actor"))),
    sharedFields(params),
  ], { id: "timeline-filters" });
}
