// The map (Leaflet, no tiles): Natural Earth country outlines from world-atlas, and events coloured by
// type, drawn by status. What the map draws follows what the text knows of the place:
// - an event at a town (ACLED precision 1) is a point; one near a town or in part of a region (2) a point
//   with a ring as large as that uncertainty;
// - an event known only to a province or a country (3) is not a point: its place is a dashed area, one per
//   place, with the number of its events, so that events piled on a centroid never look exact.
// Past CLUSTER_FROM points, points within CELL pixels of each other are gathered into a numbered circle
// (a click zooms in, or lists them when they share one place). A period slider, from the data's dense range
// (2nd to 98th percentile), shows the events of a span of months; the span goes in the URL (since, until).
// The places with the most events carry their names.

import { all, dateOf, interval, placeIndex } from "./api.js";
import { show, showEvent } from "./details.js";
import { bareButton, badge, choice, clear, empty, filterForm, h } from "./dom.js";
import { keptFields, sharedFields, sharedValues } from "./filters.js";
import { EVENT_STATUSES, isDark, statusStyle, typeColour } from "./palette.js";

const OUTLINES = "/static/vendor/world-atlas/countries-50m.json";
const RING_METRES = 25000; // precision 2: near a town, or part of a region
const AREA_METRES = { country: 160000, other: 60000 }; // precision 3: a country; a province or region
const CLUSTER_FROM = 50;
const CELL = 56;
const NAMED_PLACES = 8;
let outlines = null;

export const handles = {};

export async function mapView(root, params) {
  const container = h("div", { class: "map", id: "map" });
  const slider = h("div", { class: "period-slider", id: "map-period" });
  const note = h("p", { class: "muted small", id: "map-note" });
  const types = h("div", { class: "legend" });
  clear(root, h("section", { class: "map-page" }, filtersForm(params), slider, container, types, legend(), note));
  const map = window.L.map(container, { worldCopyJump: true, attributionControl: true, zoomSnap: 0.25 }).setView([33, 38], 4);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth via world-atlas");
  handles.map = map;
  window.warlog = { ...(window.warlog || {}), map };
  if (!outlines) {
    const response = await fetch(OUTLINES);
    const world = await response.json();
    outlines = window.topojson.feature(world, world.objects.countries);
  }
  const land = isDark() ? { color: "#5d6670", fillColor: "#2b3138" } : { color: "#8a8f98", fillColor: "#eef0e8" };
  window.L.geoJSON(outlines, { style: { ...land, weight: 0.7, fillOpacity: 1 }, interactive: false }).addTo(map);
  const filters = { type: params.get("type"), status: params.get("status"), actor: params.get("actor"), country: params.get("country"), place: params.get("place") };
  const [events, places] = await Promise.all([all("/api/events", filters), placeIndex()]);
  const located = events
    .map((event) => ({ event, place: places.get(event.place), span: interval(dateOf(event).value) }))
    .filter((item) => item.place && item.place.lat !== null && item.place.lat !== undefined);
  typeKeys(types, located.map((item) => item.event));
  if (!located.length) {
    container.append(empty("No events with a place for these filters."));
    note.textContent = `None of ${events.length} events has a place on the map.`;
    return;
  }
  const state = { map, located, places, events, note, layer: window.L.featureGroup().addTo(map), window: null };
  handles.state = state;
  state.window = periodSlider(slider, located, params, () => draw(state));
  map.fitBounds(window.L.latLngBounds(located.map((item) => [item.place.lat, item.place.lon])).pad(0.3), { maxZoom: 7, animate: false });
  draw(state);
  map.on("zoomend", () => draw(state)); // clusters are drawn for a zoom
}

// Two range inputs over the months of the dense range; at their ends they are open (and earlier, and
// later). Moving them redraws the map and writes since/until in the URL without reloading the view.
function periodSlider(container, located, params, redraw) {
  const starts = located.filter((item) => item.span).map((item) => item.span[0]).sort((a, b) => a - b);
  if (starts.length < 2) return { keep: () => true };
  const at = (q) => starts[Math.min(starts.length - 1, Math.floor(q * (starts.length - 1)))];
  const months = monthsBetween(at(0.02), at(0.98));
  const index = (value, fallback) => {
    const found = value ? months.indexOf(value.slice(0, 7)) : -1;
    return found >= 0 ? found : fallback;
  };
  const range = (name, value) => h("input", { type: "range", name, min: 0, max: months.length - 1, step: 1, value, "aria-label": name === "from" ? "first month" : "last month" });
  const from = range("from", index(params.get("since"), 0));
  const to = range("to", index(params.get("until"), months.length - 1));
  const label = h("span", { class: "period-label", id: "map-period-label" });
  const window_ = { from: 0, to: months.length - 1 };
  const update = (write) => {
    if (Number(from.value) > Number(to.value)) [from.value, to.value] = [to.value, from.value];
    window_.from = Number(from.value);
    window_.to = Number(to.value);
    const open = { start: window_.from === 0, end: window_.to === months.length - 1 };
    label.textContent = open.start && open.end ? "all dates (and undated)" : `${open.start ? "up to" : months[window_.from]}${open.start ? "" : " –"} ${open.end ? "and later" : months[window_.to]}`;
    if (write) writePeriod(open.start ? null : months[window_.from], open.end ? null : months[window_.to]);
  };
  for (const input of [from, to]) input.addEventListener("input", () => {
    update(true);
    redraw();
  });
  update(false);
  clear(container, h("span", { class: "muted" }, "period "), from, to, " ", label);
  // an event is shown when its date overlaps the chosen months (undated ones only when the span is open)
  window_.keep = (item) => {
    const first = window_.from === 0 ? -Infinity : Date.parse(`${months[window_.from]}-01`);
    const after = window_.to === months.length - 1 ? Infinity : Date.parse(nextMonth(months[window_.to]));
    if (!item.span) return first === -Infinity && after === Infinity;
    return item.span[1] >= first && item.span[0] < after;
  };
  return window_;
}

function monthsBetween(low, high) {
  const months = [];
  const cursor = new Date(low);
  cursor.setUTCDate(1);
  while (cursor.getTime() <= high && months.length < 1200) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months.length ? months : [new Date(low).toISOString().slice(0, 7)];
}

const nextMonth = (month) => {
  const [year, number] = month.split("-").map(Number);
  return number === 12 ? `${year + 1}-01-01` : `${year}-${String(number + 1).padStart(2, "0")}-01`;
};

// The period in the URL (and in the filter form), without a new render: the next view gets it.
function writePeriod(since, until) {
  const [path, query] = window.location.hash.split("?");
  const params = new URLSearchParams(query || "");
  for (const [name, value] of [["since", since], ["until", until]]) {
    if (value) params.set(name, value);
    else params.delete(name);
    const field = document.querySelector(`#map-filters input[name='${name}']`);
    if (field) field.value = value || "";
  }
  const text = params.toString();
  window.history.replaceState(null, "", text ? `${path}?${text}` : path);
  window.dispatchEvent(new Event("warlog:filters")); // app.js carries them to the nav and the exports
}

const isArea = (place) => (place.precision || 3) >= 3;

function draw(state) {
  const { map, layer, located, places, note, window: period } = state;
  layer.clearLayers();
  const shown = located.filter((item) => period.keep(item));
  const areas = new Map();
  const points = [];
  for (const item of shown) {
    if (isArea(item.place)) {
      if (!areas.has(item.place.id)) areas.set(item.place.id, []);
      areas.get(item.place.id).push(item);
    } else points.push(item);
  }
  for (const items of areas.values()) drawArea(layer, items, places);
  const clusters = points.length > CLUSTER_FROM ? cluster(map, points) : points.map((item) => [item]);
  const seen = new Map();
  for (const members of clusters) {
    if (members.length > 1) {
      drawCluster(layer, map, members, places);
      continue;
    }
    const { place } = members[0];
    seen.set(place.id, (seen.get(place.id) ?? -1) + 1);
    drawPoint(layer, members[0], places, seen.get(place.id));
  }
  nameBusiestPlaces(layer, shown);
  const inAreas = [...areas.values()].reduce((sum, items) => sum + items.length, 0);
  note.textContent = `${shown.length} of ${state.events.length} events shown (${state.located.length} have a place). `
    + `${points.length} at a town or near one are points${clusters.length < points.length ? `, gathered where they crowd` : ""}; `
    + `${inAreas} known only to a province or a country are dashed areas, not points.`;
  state.drawn = { points: points.length, areas: areas.size, inAreas, clusters: clusters.filter((c) => c.length > 1).length, shown: shown.length };
}

// Greedy clustering in screen space: each point joins the first cluster whose first point lies within CELL
// pixels at the current zoom, else starts one (points at one place always share a cluster).
function cluster(map, points) {
  const clusters = [];
  for (const item of points) {
    const spot = map.latLngToLayerPoint([item.place.lat, item.place.lon]);
    const near = clusters.find((found) => found.spot.distanceTo(spot) < CELL);
    if (near) near.members.push(item);
    else clusters.push({ spot, members: [item] });
  }
  return clusters.map((found) => found.members);
}

function drawPoint(layer, item, places, seen = 0) {
  const { event, place } = item;
  const colour = typeColour(event.type);
  if ((place.precision || 1) === 2) {
    window.L.circle([place.lat, place.lon], { radius: RING_METRES, color: colour, weight: 0.5, opacity: 0.5, fillOpacity: 0.04, interactive: false }).addTo(layer);
  }
  const marker = window.L.circleMarker(spread(place, seen), {
    radius: 6, color: colour, fillColor: colour, className: `event-point status-${event.status}`, ...statusStyle(event.status),
  });
  // An element, never a string: Leaflet puts a string in as HTML, and a place's name comes from a gazetteer pack.
  const when = dateOf(event).value ? ` · ${dateOf(event).value}` : "";
  marker.bindTooltip(h("span", { class: "event-tip" }, `${event.type} · ${event.status}${when} · ${place.name}`));
  marker.on("click", () => showEvent(event, places));
  marker.addTo(layer);
}

// Events at one exact place are spread on a small spiral so that each can be clicked.
function spread(place, seen) {
  const angle = seen * 2.4;
  const step = seen ? 0.12 * Math.sqrt(seen) : 0;
  return [place.lat + step * Math.sin(angle), place.lon + step * Math.cos(angle)];
}

function drawCluster(layer, map, members, places) {
  const lat = members.reduce((sum, item) => sum + item.place.lat, 0) / members.length;
  const lon = members.reduce((sum, item) => sum + item.place.lon, 0) / members.length;
  const size = Math.round(26 + 6 * Math.log2(members.length));
  const icon = window.L.divIcon({ className: "event-cluster", html: h("span", null, String(members.length)), iconSize: [size, size] });
  const marker = window.L.marker([lat, lon], { icon, keyboard: true, title: `${members.length} events` });
  const samePlace = new Set(members.map((item) => item.place.id)).size === 1;
  marker.on("click", () => {
    if (samePlace || map.getZoom() >= map.getMaxZoom() - 1) showList(`${members.length} events here`, members, places);
    else map.fitBounds(window.L.latLngBounds(members.map((item) => [item.place.lat, item.place.lon])).pad(0.4));
  });
  marker.addTo(layer);
}

function drawArea(layer, items, places) {
  const { place } = items[0];
  const radius = place.feature === "country" ? AREA_METRES.country : AREA_METRES.other;
  const area = window.L.circle([place.lat, place.lon], {
    radius, color: "#5b6470", weight: 1.5, dashArray: "6 5", fillColor: "#5b6470", fillOpacity: 0.08, className: "event-area",
  });
  const where = place.feature === "country" ? "the country" : "the province or region";
  area.bindTooltip(h("span", { class: "event-tip" }, `${place.name}: ${items.length} event${items.length > 1 ? "s" : ""} known only to ${where}`));
  area.on("click", () => showList(`${place.name}: known only to ${where}`, items, places));
  area.addTo(layer);
  const count = window.L.divIcon({ className: "area-count", html: h("span", null, String(items.length)), iconSize: [24, 24] });
  window.L.marker([place.lat, place.lon], { icon: count, interactive: false }).addTo(layer);
}

function nameBusiestPlaces(layer, shown) {
  const counts = new Map();
  for (const item of shown) counts.set(item.place.id, { place: item.place, n: (counts.get(item.place.id)?.n || 0) + 1 });
  const busiest = [...counts.values()].sort((a, b) => b.n - a.n).slice(0, NAMED_PLACES);
  for (const { place } of busiest) {
    window.L.tooltip({ permanent: true, direction: "right", offset: [10, 0], className: "place-label", interactive: false })
      .setLatLng([place.lat, place.lon]).setContent(h("span", null, place.name)).addTo(layer);
  }
}

function showList(title, items, places) {
  const sorted = [...items].sort((a, b) => (dateOf(a.event).value || "").localeCompare(dateOf(b.event).value || ""));
  show(h("article", { class: "card event-list" }, h("h3", null, title),
    h("ol", { class: "plain" }, sorted.map(({ event }) => h("li", { class: "clickable", onclick: () => showEvent(event, places) },
      bareButton(badge(event.type, "type"), " ", badge(event.status, `status-${event.status}`), " ", dateOf(event).value || "undated", " ",
        h("span", { class: "muted" }, (event.text || "").slice(0, 120))))))));
}

function filtersForm(params) {
  const used = ["actor", "type", "country"];
  const values = (data) => ({ ...sharedValues(data), status: data.get("status"), since: data.get("since"), until: data.get("until") });
  return filterForm("map", values, [
    sharedFields(params, used),
    choice("status", EVENT_STATUSES, params, "all statuses", { "aria-label": "statuses" }),
    keptFields(params, used),
  ], { id: "map-filters" });
}

export function typeKeys(container, events) {
  const counts = new Map();
  for (const event of events) counts.set(event.type, (counts.get(event.type) || 0) + 1);
  for (const [type, count] of [...counts].sort((a, b) => b[1] - a[1])) {
    container.append(h("span", { class: "key" }, h("span", { class: "swatch", style: `background: ${typeColour(type)}` }), `${type} (${count})`));
  }
}

function legend() {
  return h(
    "div",
    { class: "legend" },
    h("span", { class: "muted" }, "Colour: event type · filled: asserted · pale, dashed: reported or claimed · hollow: denied, negated, hypothetical or planned · a ring: near the place · a dashed grey area: known only to a province or a country · a numbered circle: events gathered where they crowd (click to zoom in)"),
  );
}
