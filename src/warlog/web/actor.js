// One actor: who it is, the events it takes part in, what it says, and its ties.

import { api, dateOf, documentOf, evidenceOf, placeIndex } from "./api.js";
import { namer, showClaim, showEvent } from "./details.js";
import { badge, bareButton, clear, empty, h, link, table } from "./dom.js";
import { kindColour, POLARITY_COLOURS } from "./palette.js";

export async function actorView(root, id) {
  const data = await api(`/api/actors/${encodeURIComponent(id)}`);
  const actor = data.actor || data;
  const items = (part) => (Array.isArray(part) ? part : part?.items || []);
  const events = uniqueEvents([...items(data.events), ...items(data.events_as_actor), ...items(data.events_as_recipient)]);
  const claims = items(data.claims);
  const eventTotal = (data.events_as_actor?.total ?? 0) + (data.events_as_recipient?.total ?? 0) || events.length;
  const relations = items(data.relations);
  const name = await namer(null);
  const places = await placeIndex().catch(() => new Map());
  clear(
    root,
    h(
      "section",
      { class: "actor-page", id: "actor-page", dataset: { actor: actor.id } },
      h("h2", null, h("span", { class: "swatch", style: `background: ${kindColour(actor.kind)}` }), actor.name),
      h(
        "p",
        { class: "muted" },
        [actor.kind, actor.country, actor.origin && `from ${actor.origin}`].filter(Boolean).join(" · "),
        " · ",
        h("code", null, actor.id),
      ),
      actor.aliases?.length ? h("p", null, "Also called: ", actor.aliases.join(", ")) : null,
      actor.parents?.length ? h("p", null, "Part of: ", actor.parents.map((parent) => [link("actors", parent, name(parent).name), " "])) : null,
      h(
        "p",
        { class: "actions" },
        link("graph", null, "Show in the actors graph", { actor: actor.id }, { class: "button", id: "actor-graph" }),
        " ",
        link("timeline", null, "Timeline", { group: "actor", actor: actor.id }, { class: "button" }),
        " ",
        link("map", null, "Map", { actor: actor.id }, { class: "button" }),
        " ",
        link("corrections", null, "Correct…", { kind: "add_alias", target: actor.id }, { class: "button" }),
      ),
      h("h3", null, `Ties (${relations.length})`),
      relations.length ? relationsTable(actor, relations, name) : empty("No ties."),
      h("h3", null, `Events (${events.length < eventTotal ? `the first ${events.length} of ${eventTotal}` : events.length})`),
      events.length ? eventsTable(events, name, places) : empty("No events."),
      h("h3", null, `Claims (${claims.length < (data.claims?.total ?? 0) ? `the first ${claims.length} of ${data.claims.total}` : claims.length})`),
      claims.length ? claimsTable(claims) : empty("No claims."),
    ),
  );
}

function uniqueEvents(events) {
  const seen = new Map();
  for (const event of events) seen.set(`${documentOf(event)} ${event.id}`, event);
  return [...seen.values()].sort((a, b) => String(dateOf(a).value ?? "9999").localeCompare(String(dateOf(b).value ?? "9999")));
}

function relationsTable(actor, relations, name) {
  const rows = relations.map((relation) => {
    const other = relation.source === actor.id ? relation.target : relation.source;
    const arrow = relation.source === actor.id ? "→" : "←";
    const polarity = relation.polarity || "tie";
    return h(
      "tr",
      null,
      h("td", null, h("span", { class: "polarity", style: `color: ${POLARITY_COLOURS[polarity] || "#444"}` }, polarity)),
      h("td", null, arrow, " ", link("actors", other, name(other).name)),
      h("td", { class: "num" }, polarity === "affiliation" ? "" : String(relation.weight ?? "")),
      h("td", { class: "num" }, String(relation.documents ?? 1)),
      h("td", null, documentOf(relation) ? link("documents", documentOf(relation), (relation.documents ?? 1) > 1 ? "first text" : "text") : null),
    );
  });
  return table(["tie", "with", "events", "documents", ""], rows, { class: "grid", id: "actor-ties" });
}

function eventsTable(events, name, places) {
  const rows = events.map((event) =>
    h(
      "tr",
      { class: "clickable", dataset: { event: event.id }, onclick: () => showEvent(event, places) },
      h("td", null, dateOf(event).value || "—"),
      h("td", null, badge(event.type, "type")),
      h("td", null, badge(event.status, `status-${event.status}`)),
      h("td", null, (event.actors || []).map((id) => name(id).name).join(", ") || "—", " → ", (event.recipients || []).map((id) => name(id).name).join(", ") || "—"),
      h("td", { class: "quote" }, bareButton(evidenceOf(event).text || event.type)),
      h("td", null, documentOf(event) ? link("documents", documentOf(event), "text") : null),
    ),
  );
  return table(["date", "type", "status", "who → whom", "evidence", ""], rows, { class: "grid", id: "actor-events" });
}

function claimsTable(claims) {
  const rows = claims.map((claim) =>
    h(
      "tr",
      { class: "clickable", dataset: { claim: claim.id }, onclick: () => showClaim(claim) },
      h("td", null, claim.speaker_text || "—"),
      h("td", null, claim.cue || ""),
      h("td", { class: "quote" }, bareButton(claim.text)),
      h("td", null, claim.hedged ? badge("hedged", "hedge") : null),
    ),
  );
  return table(["who", "cue", "says", ""], rows, { class: "grid" });
}
