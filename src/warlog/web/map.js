// The map (Leaflet, no tiles): Natural Earth country outlines from world-atlas, and events as points
// coloured by type, drawn by status, with a ring as large as the place's precision is coarse.

import { all, placeIndex, shown } from "./api.js";
import { showEvent } from "./details.js";
import { choice, clear, empty, filterForm, h } from "./dom.js";
import { EVENT_STATUSES, EVENT_TYPES, statusStyle, typeColour } from "./palette.js";

const OUTLINES = "/static/vendor/world-atlas/countries-50m.json";
// ACLED precision 1 = the place itself, 2 = near it or part of a region, 3 = a province or a country.
const UNCERTAINTY_METRES = { 1: 3000, 2: 25000, 3: 120000 };
let outlines = null;

export const handles = {};

export async function mapView(root, params) {
  const form = filtersForm(params);
  const container = h("div", { class: "map", id: "map" });
  const note = h("p", { class: "muted small", id: "map-note" });
  const types = h("div", { class: "legend" });
  clear(root, h("section", { class: "map-page" }, form, container, types, legend(), note));
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
  window.L.geoJSON(outlines, { style: { color: "#8a8f98", weight: 0.7, fillColor: "#eef0e8", fillOpacity: 1 }, interactive: false }).addTo(map);
  const [events, places] = await Promise.all([
    all("/api/events", { type: params.get("type"), status: params.get("status"), actor: params.get("actor"), place: params.get("place") }),
    placeIndex(),
  ]);
  const layer = window.L.featureGroup().addTo(map);
  const offsets = new Map();
  let drawn = 0;
  for (const event of events) {
    const place = places.get(event.place);
    if (!place || place.lat === null || place.lat === undefined) continue;
    const seen = offsets.get(place.id) || 0;
    offsets.set(place.id, seen + 1);
    drawEvent(layer, event, place, seen, places);
    drawn += 1;
  }
  note.textContent = `${drawn} of ${shown(events)} events have a place on the map.`;
  typeKeys(types, events);
  if (drawn) map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 7 });
  else container.append(empty("No events with a place for these filters."));
}

function drawEvent(layer, event, place, seen, places) {
  // Events at one place are spread on a small spiral so that each can be clicked.
  const angle = seen * 2.4;
  const spread = seen ? 0.12 * Math.sqrt(seen) : 0;
  const at = [place.lat + spread * Math.sin(angle), place.lon + spread * Math.cos(angle)];
  const colour = typeColour(event.type);
  const style = statusStyle(event.status);
  const precision = place.precision || 3;
  window.L.circle([place.lat, place.lon], {
    radius: UNCERTAINTY_METRES[precision] || UNCERTAINTY_METRES[3],
    color: colour, weight: 0.5, opacity: 0.4, fillOpacity: 0.05, interactive: false,
  }).addTo(layer);
  const marker = window.L.circleMarker(at, {
    radius: 4 + 2 * precision,
    color: colour,
    fillColor: colour,
    className: `event-point status-${event.status}`,
    ...style,
  });
  // An element, never a string: Leaflet puts a string in as HTML, and a place's name comes from a gazetteer pack.
  marker.bindTooltip(h("span", { class: "event-tip" }, `${event.type} · ${event.status} · ${place.name}`));
  marker.on("click", () => showEvent(event, places));
  marker.addTo(layer);
}

function filtersForm(params) {
  const values = (data) => ({ type: data.get("type"), status: data.get("status"), actor: data.get("actor") });
  return filterForm("map", values, [
    choice("type", EVENT_TYPES, params, "all types", { "aria-label": "types" }),
    choice("status", EVENT_STATUSES, params, "all statuses", { "aria-label": "statuses" }),
    h("input", { name: "actor", placeholder: "actor id or name", value: params.get("actor") || "", size: 14 }),
  ]);
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
    h("span", { class: "muted" }, "Colour: event type · filled: asserted · pale, dashed: reported or claimed · hollow: denied, negated, hypothetical or planned · size and ring: the coarser the place, the larger"),
  );
}
