// The filter bar the views share: period (from, to), actor, event type and country live in the URL, and
// the nav links and the export menu carry them, so a selection made in one view holds in the next.

import { choice, h } from "./dom.js";
import { EVENT_TYPES } from "./palette.js";

export const SHARED = ["since", "until", "actor", "type", "country"];
const DATE = "\\d{4}(-\\d{2}(-\\d{2})?)?";

// The shared filters set in `params`, by name.
export function carried(params) {
  return Object.fromEntries(SHARED.filter((name) => params.get(name)).map((name) => [name, params.get(name)]));
}

// The shared filters' fields, set from the route's params; `only` leaves out the ones a view cannot use.
export function sharedFields(params, only = SHARED) {
  const input = (name, attrs) => h("input", { name, value: params.get(name) || "", ...attrs });
  const fields = {
    since: h("label", null, "from ", input("since", { placeholder: "YYYY-MM-DD", size: 10, pattern: DATE })),
    until: h("label", null, "to ", input("until", { placeholder: "YYYY-MM-DD", size: 10, pattern: DATE })),
    actor: h("label", null, "actor ", input("actor", { placeholder: "id or name", size: 14 })),
    type: h("label", null, "type ", choice("type", EVENT_TYPES, params, "all event types", { "aria-label": "event type" })),
    country: h("label", null, "country ", input("country", { placeholder: "ISO code", size: 5, pattern: "[A-Za-z]{2,3}" })),
  };
  return only.map((name) => fields[name]);
}

// The shared filters a submitted form holds (country in capitals).
export function sharedValues(data) {
  const values = Object.fromEntries(SHARED.map((name) => [name, (data.get(name) || "").trim()]));
  values.country = values.country.toUpperCase();
  return values;
}

// Which filters each export format takes (GET /api/export refuses the others with a 422): the shared ones,
// and a view's event status (the map's).
const EXPORT_FILTERS = {
  "acled-csv": ["since", "until", "actor", "type", "country", "status"],
  "plover-json": ["since", "until", "actor", "type", "country", "status"],
  graphml: ["since", "until", "actor", "type", "status"],
  gexf: ["since", "until", "actor", "type", "status"],
  jsonl: ["since", "until", "actor"],
  parquet: ["since", "until", "actor"],
};

// The filters of a view that go with its exports.
export function exported(params) {
  return { ...carried(params), ...(params.get("status") ? { status: params.get("status") } : {}) };
}

// An export's address with the filters of the view that it takes; `left` names those it cannot take.
export function exportHref(format, params) {
  const query = new URLSearchParams({ format });
  const left = [];
  for (const [name, value] of Object.entries(exported(params))) {
    if ((EXPORT_FILTERS[format] || []).includes(name)) query.set(name, value);
    else left.push(name);
  }
  return { href: `/api/export?${query}`, left };
}

// Hidden fields for the shared filters a view cannot use, so that its form keeps them for the next view.
export function keptFields(params, used) {
  return SHARED.filter((name) => !used.includes(name) && params.get(name))
    .map((name) => h("input", { type: "hidden", name, value: params.get(name) }));
}
