// Trends: events or their dead per day, week, month or year, one line per event type, actor, country or
// region, drawn as SVG from GET /api/trends (computed in DuckDB). Period, grouping and metric live in the
// URL with the shared filters; the CSV link downloads the same series.

import { all, api, dateOf, download, interval, placeIndex } from "./api.js";
import { show, showEvent } from "./details.js";
import { badge, bareButton, clear, empty, filterForm, h, onPressKey, svg } from "./dom.js";
import { carried, sharedFields, sharedValues } from "./filters.js";
import { typeColour } from "./palette.js";

const PERIODS = ["day", "week", "month", "year"];
const GROUPINGS = { type: "event type", actor: "actor", country: "country", admin1: "region (admin1)" };
const METRICS = { events: "events", fatalities: "fatalities (lower bounds)" };
// Colour-blind-safe series colours (Okabe-Ito, then Tol's), the last for "other".
const SERIES_COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#882255", "#117733", "#999999"];
const MARGIN = { left: 48, right: 36, top: 12, bottom: 42 };

export async function trendsView(root, params) {
  const choice = {
    period: PERIODS.includes(params.get("period")) ? params.get("period") : "week",
    by: GROUPINGS[params.get("by")] ? params.get("by") : "type",
    metric: METRICS[params.get("metric")] ? params.get("metric") : "events",
  };
  const chart = h("div", { class: "trends", id: "trends-chart" });
  const keys = h("div", { class: "legend", id: "trends-legend" });
  const note = h("p", { class: "muted small", id: "trends-note" });
  const query = { ...choice, ...carried(params) };
  const csv = h("button", { type: "button", class: "button", id: "trends-csv",
    onclick: () => download(`/api/trends?${new URLSearchParams({ ...query, format: "csv" })}`) }, "CSV of these series");
  clear(root, h("section", { class: "trends-page" }, filtersForm(params, choice), chart, keys, h("p", null, csv, " ", note)));
  const data = await api("/api/trends", { params: query });
  const drawn = data.series.length ? `${data.counted} events counted` : "No events counted";
  note.textContent = `${drawn}; ${data.coarse} dated more coarsely than a ${choice.period} and ${data.undated} undated are left out. `
    + "An incident told by several documents counts once per document.";
  if (!data.series.length) {
    chart.append(empty("No dated events for these filters."));
    return;
  }
  const colour = (series, index) => (choice.by === "type" && series.key !== "other" ? typeColour(series.key) : SERIES_COLOURS[Math.min(index, SERIES_COLOURS.length - 1)]);
  const open = (series, index) => showPeriod(series, data.periods[index], choice, query);
  chart.append(drawChart(data, colour, Math.max(640, chart.clientWidth || 900), choice.metric, open));
  for (const [index, series] of data.series.entries()) {
    keys.append(h("span", { class: "key", dataset: { series: series.key } },
      h("span", { class: "line", style: `border-color: ${colour(series, index)}` }), `${series.label} (${series.total})`));
  }
}

function drawChart(data, colour, width, metric, open) {
  const height = 340;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const step = niceStep(Math.max(1, ...data.series.flatMap((series) => series.values)) / 4);
  const top = 4 * step;
  const n = data.periods.length;
  const x = (i) => MARGIN.left + (n === 1 ? plotWidth / 2 : (i / (n - 1)) * plotWidth);
  const y = (value) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${metric} per period` });
  const grid = svg("g", { class: "axis" });
  for (let tick = 0; tick <= 4; tick += 1) {
    const value = step * tick;
    grid.append(svg("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(value), y2: y(value), class: "tick" }),
      svg("text", { x: MARGIN.left - 6, y: y(value) + 4, "text-anchor": "end" }, String(value)));
  }
  const every = Math.max(1, Math.ceil(n / Math.floor(plotWidth / 80)));
  data.periods.forEach((period, i) => {
    if (i % every === 0) grid.append(svg("text", { x: x(i), y: height - MARGIN.bottom + 18, "text-anchor": "middle", class: "period-label" }, label(period, data.period)));
  });
  chart.append(grid);
  data.series.forEach((series, index) => {
    const stroke = colour(series, index);
    const points = series.values.map((value, i) => `${x(i)},${y(value)}`).join(" ");
    const group = svg("g", { class: "series", "data-series": series.key },
      svg("polyline", { points, fill: "none", stroke, "stroke-width": 2 }));
    series.values.forEach((value, i) => {
      if (value <= 0) return;
      // a point opens its events, except in "other", which sums many groups
      const action = series.key === "other" ? {} : { tabindex: 0, role: "button", onclick: () => open(series, i), onkeydown: onPressKey(() => open(series, i)) };
      group.append(svg("circle", { cx: x(i), cy: y(value), r: 4, fill: stroke, class: "point", "data-period": data.periods[i], ...action },
        svg("title", null, `${series.label} · ${label(data.periods[i], data.period)}: ${value} ${metric}`)));
    });
    chart.append(group);
  });
  return chart;
}

const HAPPENED = ["asserted", "reported", "claimed"];
const DAY = 86400000;

// The last day of the period that starts on `first` (ISO), as UTC milliseconds.
function periodEnd(first, length) {
  const start = Date.parse(first);
  const date = new Date(start);
  if (length === "day") return start;
  if (length === "week") return start + 6 * DAY;
  if (length === "month") return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0);
  return Date.UTC(date.getUTCFullYear(), 11, 31);
}

// The events behind a point: those of its series whose whole date lies in its period, as the trend counts them.
async function showPeriod(series, first, choice, query) {
  const last = periodEnd(first, choice.period);
  const { period, by, metric, ...filters } = query; // the view's own choices are no event filters
  const params = { ...filters, since: first, until: new Date(last).toISOString().slice(0, 10) };
  if (choice.by === "type") params.type = series.key;
  if (choice.by === "country" && series.key !== "unknown") params.country = series.key;
  const [events, places] = await Promise.all([all("/api/events", params), placeIndex()]);
  const kept = events.filter((event) => {
    const span = interval(dateOf(event).value);
    if (!span || span[0] < Date.parse(first) || span[1] > last) return false;
    if (!query.status && !HAPPENED.includes(event.status)) return false;
    if (choice.by === "actor") return [...(event.actors || []), ...(event.recipients || [])].includes(series.key);
    if (choice.by === "admin1") return series.key === "unknown" ? !String(event.place || "").startsWith("adm1.") : event.place === series.key;
    if (choice.by === "country" && series.key === "unknown") return !places.get(event.place)?.country;
    return true;
  });
  show(h("article", { class: "card event-list", id: "trend-events" },
    h("h3", null, `${series.label} · ${label(first, choice.period)}: ${kept.length} event${kept.length === 1 ? "" : "s"}`),
    h("ol", { class: "plain" }, kept.map((event) => h("li", { class: "clickable", dataset: { event: event.id }, onclick: () => showEvent(event, places) },
      bareButton(badge(event.type, "type"), " ", badge(event.status, `status-${event.status}`), " ", dateOf(event).value, " ",
        h("span", { class: "muted" }, (event.text || "").slice(0, 140))))))));
}

// A period by its first day: a week as "wk of 2016-02-29", a month as "2016-02", a year as "2016".
function label(period, length) {
  if (length === "year") return period.slice(0, 4);
  if (length === "month") return period.slice(0, 7);
  return length === "week" ? `wk ${period}` : period;
}

// The step of the value axis: 1, 2, 3 or 5 times a power of ten (a whole number), at least `value`.
function niceStep(value) {
  const power = 10 ** Math.max(0, Math.floor(Math.log10(value)));
  return [1, 2, 3, 5, 10].map((step) => step * power).find((step) => step >= value);
}

function filtersForm(params, chosen) {
  const select = (name, options) => h("select", { name, "aria-label": name },
    Object.entries(options).map(([value, text]) => h("option", { value, selected: chosen[name] === value }, text)));
  const values = (data) => ({ period: data.get("period"), by: data.get("by"), metric: data.get("metric"), ...sharedValues(data) });
  return filterForm("trends", values, [
    h("label", null, "per ", select("period", Object.fromEntries(PERIODS.map((p) => [p, p])))),
    h("label", null, "by ", select("by", GROUPINGS)),
    h("label", null, "count ", select("metric", METRICS)),
    sharedFields(params),
  ], { id: "trends-filters" });
}
