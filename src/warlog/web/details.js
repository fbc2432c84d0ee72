// The details panel: one fact at a time (an event, a claim, an actor, a place, a tie) with its evidence.

import { actorIndex, dateOf, documentOf, evidenceOf, fatalitiesOf, placeIndex, report, stanceOf } from "./api.js";
import { badge, clear, field, h, link, route } from "./dom.js";
import { kindColour, STANCE_LABELS } from "./palette.js";

const panel = () => document.getElementById("details");

// What had the focus when the panel last showed something from outside it: Escape in the panel goes back
// there (to the highlighted span, the row, the button), so reading goes on where it was.
let opener = null;

// Shows `children` in the panel and moves the focus to their heading, which screen readers then announce
// (the panel is not a live region as well: that would read the whole card a second time).
export function show(...children) {
  const el = panel();
  const active = document.activeElement;
  if (!el.contains(active)) opener = active && active !== document.body ? active : null;
  clear(el, ...children);
  el.scrollTop = 0;
  const heading = el.querySelector("h2, h3, h4") || el;
  heading.setAttribute("tabindex", "-1");
  heading.focus();
  return el;
}

// Escape anywhere in the panel: the focus goes back to what opened it (for app.js, once).
export function returnOnEscape(e) {
  if (e.key !== "Escape" || !opener?.isConnected) return;
  e.preventDefault();
  opener.focus();
}

// Names for actor ids: the document's own actors first, else the store's.
export async function namer(documentReport) {
  const names = new Map();
  try {
    for (const [id, actor] of await actorIndex()) names.set(id, actor);
  } catch {
    // the panel still shows ids when the actor list cannot be read
  }
  for (const actor of documentReport?.actors || []) names.set(actor.id, actor);
  return (id) => names.get(id) || { id, name: id, kind: null };
}

export function actorChip(actor) {
  return link("actors", actor.id, actor.name || actor.id, null, {
    class: "chip",
    style: `border-color: ${kindColour(actor.kind)}`,
    title: `${actor.kind || "actor"} · ${actor.id}`,
  });
}

export function actorList(ids, name) {
  if (!ids || ids.length === 0) return h("span", { class: "muted" }, "—");
  return h("span", { class: "chips" }, ids.map((id) => actorChip(name(id))));
}

// The evidence as a quote with some of the text around it, and a link to it in the reader.
export function evidenceBlock(evidence, documentReport, documentId, { context = true } = {}) {
  if (!evidence) return null;
  const text = context ? documentReport?.document?.text : null;
  const quote = h("blockquote", { class: "evidence" });
  if (text && Number.isInteger(evidence.start) && Number.isInteger(evidence.end)) {
    const before = text.slice(Math.max(0, evidence.start - 90), evidence.start);
    const after = text.slice(evidence.end, evidence.end + 90);
    quote.append(
      before.length === 90 ? "…" + before : before,
      h("mark", null, text.slice(evidence.start, evidence.end)),
      after.length === 90 ? after + "…" : after,
    );
  } else {
    quote.append(h("mark", null, evidence.text || ""));
  }
  const where = [];
  if (documentId && Number.isInteger(evidence.start)) {
    where.push(h("a", { href: route("documents", documentId, { at: `${evidence.start}-${evidence.end}` }) }, "in the text"));
  }
  if (evidence.rule) where.push(h("span", { class: "muted", title: evidence.rule }, ` · ${ruleText(evidence.rule)}`));
  if (typeof evidence.confidence === "number") where.push(h("span", { class: "muted" }, ` · confidence ${evidence.confidence.toFixed(2)}`));
  return h("div", { class: "evidence-block" }, quote, where.length ? h("div", { class: "evidence-meta" }, where) : null);
}

// "event@2" (a rule and its version) reads "rule event v2".
export function ruleText(rule) {
  const [name, version] = String(rule).split("@");
  return version ? `rule ${name} v${version}` : `rule ${name}`;
}

const CODE_SCHEMES = [
  ["acled_event_type", "ACLED"],
  ["cameo", "CAMEO"],
  ["case", "CASE"],
];

// An event's codes in other schemes, by the schemes' own names: "ACLED Battles › Armed clash · CAMEO 190".
export function codesText(codes) {
  const byScheme = Array.isArray(codes) ? Object.fromEntries(codes.map((c) => [c.scheme, c.code])) : codes || {};
  const parts = [];
  for (const [scheme, label] of CODE_SCHEMES) {
    if (!byScheme[scheme]) continue;
    const sub = scheme === "acled_event_type" && byScheme.acled_sub_event_type ? ` › ${byScheme.acled_sub_event_type}` : "";
    parts.push(`${label} ${byScheme[scheme]}${sub}`);
  }
  const known = new Set([...CODE_SCHEMES.map(([scheme]) => scheme), "acled_sub_event_type"]);
  for (const [scheme, code] of Object.entries(byScheme)) if (!known.has(scheme)) parts.push(`${scheme} ${code}`);
  return parts.join(" · ");
}

// The event's place by name: from its document's report, else the store's places.
function placeOf(event, documentReport, places) {
  if (!event.place) return null;
  return documentReport?.places?.find((place) => place.id === event.place) || places?.get(event.place) || { id: event.place, name: event.place };
}

function documentLine(documentReport, documentId) {
  const meta = documentReport?.document;
  const title = meta?.title || documentId;
  return h(
    "p",
    { class: "source" },
    "Source: ",
    link("documents", documentId, title),
    meta?.published ? ` · ${meta.published}` : "",
    meta?.source ? ` · ${meta.source}` : "",
  );
}

function tollText(toll) {
  if (!toll) return null;
  if (toll.text) return toll.text;
  if (toll.min === toll.max || toll.max === null || toll.max === undefined) return `${toll.min}`;
  return `${toll.min}–${toll.max}`;
}

export function eventCard(event, { documentReport, documentId, name, places }) {
  const date = dateOf(event);
  const place = placeOf(event, documentReport, places);
  const toll = tollText(fatalitiesOf(event));
  const codes = codesText(event.codes);
  const evidence = [evidenceOf(event), ...(event.also || [])];
  return h(
    "article",
    { class: "card event-card", dataset: { event: event.id } },
    h("h3", null, badge(event.type, "type"), " ", event.mode ? h("span", { class: "muted" }, event.mode) : null),
    h(
      "dl",
      null,
      field("status", badge(event.status, `status-${event.status}`), event.speaker ? [" by ", actorChip(name(event.speaker))] : null),
      field("actors", actorList(event.actors, name)),
      field("recipients", actorList(event.recipients, name)),
      field("place", place ? h("span", { title: place.id }, `${place.name}${place.precision ? ` (precision ${place.precision})` : ""}`) : "—"),
      field("date", date.value ? `${date.value}${date.text ? ` (“${date.text}”)` : ""}` : "unknown"),
      toll ? field("killed", toll) : null,
      codes ? field("coded as", codes) : null,
      field("id", h("code", null, event.id)),
    ),
    h("h4", null, evidence.length > 1 ? `Evidence (${evidence.length})` : "Evidence"),
    evidence.map((item) => evidenceBlock(item, documentReport, documentId)),
    documentId ? documentLine(documentReport, documentId) : null,
    correctLinks("event", event.id, documentId),
  );
}

export function claimCard(claim, { documentReport, documentId, name }) {
  const speaker = claim.speaker ? actorChip(name(claim.speaker)) : null;
  const hedges = (claim.hedges || []).map((hedge) => badge(hedge.text, "hedge"));
  return h(
    "article",
    { class: "card claim-card", dataset: { claim: claim.id } },
    h("h3", null, claim.speaker_text || (claim.source_kind === "scare_quote" ? "scare quote" : "unattributed"), " ", claim.cue ? h("span", { class: "muted" }, claim.cue) : null),
    h("p", { class: claim.direct ? "claim-text quoted" : "claim-text" }, claim.text),
    h(
      "dl",
      null,
      field("speaker", speaker || h("span", { class: "muted" }, claim.source_kind || "—")),
      field("kind", claim.source_kind || "—", claim.direct ? " · direct quote" : ""),
      field("hedged", claim.hedged ? (hedges.length ? hedges : "yes") : "no"),
      field("author's stance", badge(STANCE_LABELS[stanceOf(claim)] || stanceOf(claim) || "—", `stance-${stanceOf(claim)}`)),
      claim.events?.length ? field("events", claim.events.map((id) => eventLabel(id, documentReport))) : null,
      field("id", h("code", null, claim.id)),
    ),
    h("h4", null, "Evidence"),
    evidenceBlock(evidenceOf(claim), documentReport, documentId),
    claim.stance_evidence ? [h("h4", null, "Stance evidence"), evidenceBlock(claim.stance_evidence, documentReport, documentId)] : null,
    documentId ? documentLine(documentReport, documentId) : null,
    correctLinks("claim", claim.id, documentId),
  );
}

// An event a claim tells, by its type and words ("ASSAULT “shelled”"); its id when the report lacks it.
function eventLabel(id, documentReport) {
  const event = documentReport?.events?.find((candidate) => candidate.id === id);
  if (!event) return h("code", { class: "event-ref" }, id, " ");
  return h("span", { class: "event-ref", title: id }, badge(event.type, "type"), ` “${evidenceOf(event).text}” `);
}

export function actorCard(actor, { documentReport, documentId, name }) {
  const events = (documentReport?.events || []).filter(
    (event) => event.actors.includes(actor.id) || event.recipients.includes(actor.id),
  );
  return h(
    "article",
    { class: "card actor-card", dataset: { actor: actor.id } },
    h("h3", null, h("span", { class: "swatch", style: `background: ${kindColour(actor.kind)}` }), actor.name),
    h(
      "dl",
      null,
      field("kind", actor.kind || "—"),
      field("country", actor.country || "—"),
      field("part of", actorList(actor.parents || [], name)),
      field("aliases", (actor.aliases || []).join(", ") || "—"),
      actor.mentions ? field("mentions here", String(actor.mentions.length)) : null,
      field("id", h("code", null, actor.id)),
    ),
    h("p", null, link("actors", actor.id, `Everything about ${actor.name} →`, null, { class: "button", id: "actor-everything" })),
    events.length ? h("h4", null, `Events in this document (${events.length})`) : null,
    h("ul", { class: "plain" }, events.map((event) => h("li", null, badge(event.type, "type"), " ", evidenceOf(event).text))),
    documentId && actor.mentions?.length
      ? [h("h4", null, "First mention"), evidenceBlock(actor.mentions[0], documentReport, documentId)]
      : null,
  );
}

export function placeCard(place, { documentReport, documentId }) {
  return h(
    "article",
    { class: "card place-card" },
    h("h3", null, place.name),
    h(
      "dl",
      null,
      field("country", place.country || "—"),
      field("where", place.lat !== null && place.lat !== undefined ? `${place.lat.toFixed(3)}, ${place.lon.toFixed(3)}` : "—"),
      field("feature", place.feature || "—"),
      field("precision", place.precision ?? "—"),
      field("id", h("code", null, place.id)),
    ),
    place.mentions?.length ? [h("h4", null, "Mention"), evidenceBlock(place.mentions[0], documentReport, documentId)] : null,
    h("p", null, link("map", null, "Show on the map", { place: place.id })),
  );
}

function correctLinks(what, id, documentId) {
  const links = [link("corrections", null, "Reject", { kind: "reject", fact: what, target: id, document: documentId })];
  if (what === "event") {
    for (const [kind, label] of [["set_event_type", "type"], ["set_event_actors", "actors"], ["set_event_status", "status"]]) {
      links.push(" · ", link("corrections", null, `Fix the ${label}`, { kind, target: id, document: documentId }));
    }
  }
  return h("p", { class: "correct" }, "Wrong? ", links);
}

// The full event (with all its evidence) from its document's report, for views that list events.
export async function showEvent(item, places) {
  const documentId = documentOf(item);
  const documentReport = documentId ? await report(documentId) : null;
  const event = documentReport?.events?.find((candidate) => candidate.id === item.id) || item;
  const name = await namer(documentReport);
  const known = places || (await placeIndex().catch(() => null));
  show(eventCard(event, { documentReport, documentId, name, places: known }));
}

export async function showClaim(item) {
  const documentId = documentOf(item);
  const documentReport = documentId ? await report(documentId) : null;
  const claim = documentReport?.claims?.find((candidate) => candidate.id === item.id) || item;
  const name = await namer(documentReport);
  show(claimCard(claim, { documentReport, documentId, name }));
}
