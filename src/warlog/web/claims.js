// The claims board: who says what (grouped by speaker, or by the incident the claim tells, with hedges and the
// author's stance), and the contradictions, their conflicting accounts side by side. Both are paged: a
// dozen groups of five claims, ten contradictions, and buttons for the rest.

import { actorIndex, all, documentOf, report, stanceOf } from "./api.js";
import { claimCard, eventCard, evidenceBlock, namer, show, showClaim } from "./details.js";
import { badge, bareButton, choice, clear, empty, filterForm, h, link } from "./dom.js";
import { keptFields, sharedFields, sharedValues } from "./filters.js";
import { STANCE_LABELS } from "./palette.js";

export async function claimsView(root, params) {
  const board = h("div", { class: "board", id: "claims-board" });
  const contradictions = h("div", { class: "contradictions", id: "contradictions" });
  clear(
    root,
    h(
      "section",
      { class: "claims-page" },
      filtersForm(params),
      h("div", { class: "claims-columns" },
        h("div", null, h("h2", null, "Who says what"), board),
        h("div", null, h("h2", null, "Contradictions"), contradictions)),
    ),
  );
  const byIncident = params.get("group") === "incident";
  const [claims, actors, conflicts, incidents] = await Promise.all([
    all("/api/claims", { actor: params.get("actor"), since: params.get("since"), until: params.get("until") }),
    actorIndex(),
    all("/api/contradictions", { since: params.get("since"), until: params.get("until") }),
    byIncident ? all("/api/incidents", { since: params.get("since"), until: params.get("until") }) : [],
  ]);
  const kept = claims.filter((claim) => keep(claim, params));
  const actorName = (id) => actors.get(id)?.name || id;
  const groups = byIncident ? groupByIncident(kept, incidents, actorName) : groupBySpeaker(kept, actorName);
  if (groups.length === 0) board.append(empty("No claims for these filters."));
  await paged(board, groups, GROUPS_PAGE, (group) => speakerColumn(group), byIncident ? "incidents" : "speakers");
  if (conflicts.length === 0) contradictions.append(empty("No contradictions."));
  await paged(contradictions, conflicts, CONFLICTS_PAGE, contradictionCard, "contradictions");
}

const GROUPS_PAGE = 12; // speakers or incidents at a time
const CLAIMS_SHOWN = 5; // claims of a group before "all N"
const CONFLICTS_PAGE = 10;

// The first `size` items (rendered in order; `render` may be async), then a button for the next `size`.
async function paged(container, items, size, render, noun, from = 0) {
  for (const item of items.slice(from, from + size)) container.append(await render(item));
  const left = items.length - from - size;
  if (left <= 0) return;
  const more = h("button", { type: "button", class: "button more", onclick: () => {
    more.remove();
    paged(container, items, size, render, noun, from + size);
  } }, `Show ${Math.min(size, left)} more ${noun} (${left} left)`);
  container.append(more);
}

// Claims by the incident their event belongs to (GET /api/incidents groups events across documents);
// claims that tell no event come last.
function groupByIncident(claims, incidents, actorName) {
  const incidentOf = new Map();
  for (const incident of incidents) {
    for (const account of incident.accounts || []) incidentOf.set(`${account.document} ${account.event.id}`, incident);
  }
  const groups = new Map();
  for (const claim of claims) {
    const incident = (claim.events || []).map((id) => incidentOf.get(`${documentOf(claim)} ${id}`)).find(Boolean);
    const key = incident ? incident.id : "none";
    if (!groups.has(key)) groups.set(key, { key, label: incident ? incidentLabel(incident, actorName) : "Claims that tell no event", order: incident ? 0 : 1, actor: null, claims: [] });
    groups.get(key).claims.push(claim);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order || b.claims.length - a.claims.length || a.label.localeCompare(b.label));
}

function incidentLabel(incident, actorName) {
  const who = (ids) => ids.map(actorName).join(", ") || "?";
  const when = incident.period ? ` · ${incident.period[0]}` : "";
  return `${incident.type}${when}: ${who(incident.actors)} → ${who(incident.recipients)} (${incident.documents.length} document${incident.documents.length > 1 ? "s" : ""})`;
}

function keep(claim, params) {
  const stance = params.get("stance");
  if (stance && stanceOf(claim) !== stance) return false;
  if (params.get("hedged") === "1" && !claim.hedged) return false;
  if (params.get("author") === "0" && (claim.source_kind === "author" || isAuthor(claim))) return false;
  return true;
}

// The list endpoint may not carry source_kind: an unattributed claim with no cue is the author's.
const isAuthor = (claim) => claim.source_kind === "author" || (!claim.speaker && !claim.cue && claim.speaker_text && !claim.direct);

function groupBySpeaker(claims, actorName) {
  const groups = new Map();
  for (const claim of claims) {
    let key;
    let label;
    let order;
    if (claim.speaker) [key, label, order] = [`actor:${claim.speaker}`, actorName(claim.speaker), 0];
    else if (claim.source_kind === "scare_quote" || (!claim.speaker_text && !claim.cue)) [key, label, order] = ["scare", "Scare quotes (the author's distance)", 3];
    else if (isAuthor(claim)) [key, label, order] = [`author:${claim.speaker_text}`, `The author, ${claim.speaker_text}`, 2];
    else [key, label, order] = [`text:${claim.speaker_text}`, claim.speaker_text || "unattributed", 1];
    if (!groups.has(key)) groups.set(key, { key, label, order, actor: claim.speaker, claims: [] });
    groups.get(key).claims.push(claim);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order || b.claims.length - a.claims.length || a.label.localeCompare(b.label));
}

function speakerColumn(group) {
  const list = h("ul", { class: "plain" }, group.claims.slice(0, CLAIMS_SHOWN).map((claim) => claimItem(claim)));
  const rest = group.claims.length - CLAIMS_SHOWN;
  const all_ = rest > 0 ? h("button", { type: "button", class: "linkish more-claims", onclick: (e) => {
    e.target.remove();
    list.append(...group.claims.slice(CLAIMS_SHOWN).map((claim) => claimItem(claim)));
  } }, `all ${group.claims.length} claims (${rest} more)`) : null;
  return h(
    "section",
    { class: "speaker", dataset: { speaker: group.actor || group.key } },
    h("h3", null, group.actor ? link("actors", group.actor, group.label) : group.label, h("span", { class: "muted" }, ` (${group.claims.length})`)),
    list,
    all_,
  );
}

function claimItem(claim) {
  return h(
    "li",
    { class: "claim clickable", dataset: { claim: claim.id }, onclick: () => showClaim(claim) },
    bareButton(
      claim.cue ? h("span", { class: "cue" }, claim.speaker_text && claim.speaker ? `${claim.speaker_text} ${claim.cue}: ` : `${claim.cue}: `) : null,
      h("span", { class: claim.direct ? "claim-text quoted" : "claim-text" }, claim.text),
      " ",
      claim.hedged ? badge("hedged", "hedge") : null,
      stanceBadge(stanceOf(claim)),
    ),
  );
}

function stanceBadge(stance) {
  return stance && stance !== "neutral" ? badge(STANCE_LABELS[stance] || stance, `stance-${stance}`) : null;
}

async function contradictionCard(conflict) {
  const documentId = documentOf(conflict);
  const documentReport = documentId ? await report(documentId) : null;
  const name = await namer(documentReport);
  const claims = new Map((documentReport?.claims || []).map((claim) => [claim.id, claim]));
  const events = new Map((documentReport?.events || []).map((event) => [event.id, event]));
  const context = { documentReport, documentId, name };
  const accounts = (conflict.items || []).map((id) => {
    if (claims.has(id)) {
      const claim = claims.get(id);
      return h("div", { class: "account clickable", dataset: { item: id }, onclick: () => show(claimCard(claim, context)) },
        h("h4", null, bareButton(claim.speaker_text || "unattributed", claim.cue ? ` ${claim.cue}` : "")),
        h("p", { class: claim.direct ? "claim-text quoted" : "claim-text" }, claim.text),
        claim.hedged ? badge("hedged", "hedge") : null,
        stanceBadge(stanceOf(claim)));
    }
    if (events.has(id)) {
      const event = events.get(id);
      return h("div", { class: "account clickable", dataset: { item: id }, onclick: () => show(eventCard(event, context)) },
        h("h4", null, bareButton(badge(event.type, "type"), " ", badge(event.status, `status-${event.status}`))),
        h("p", null, event.actors.map((actor) => name(actor).name).join(", ") || "?", " → ", event.recipients.map((actor) => name(actor).name).join(", ") || "?"),
        evidenceBlock(event.evidence, documentReport, documentId, { context: false }));
    }
    return h("div", { class: "account" }, h("code", null, id));
  });
  if (conflict.implied) accounts.push(impliedAccount(conflict.implied));
  return h(
    "article",
    { class: "card contradiction", dataset: { contradiction: conflict.id, document: documentId || "" } },
    h("h3", null, badge(conflict.kind, "kind"), " ", conflict.explanation),
    h("div", { class: "accounts" }, accounts),
    documentId ? h("p", { class: "muted small" }, "In ", link("documents", documentId, documentReport?.document?.title || documentId)) : null,
  );
}

// The other side of a denial that only the denial tells: who asserts it (the accuser, when named) and
// the denied words.
function impliedAccount(implied) {
  return h("div", { class: "account implied", dataset: { item: "implied" } },
    h("h4", null, implied.speaker_text || "unattributed", " ", badge("implied", "implied")),
    h("p", { class: "claim-text" }, implied.text));
}

function filtersForm(params) {
  const used = ["since", "until", "actor"];
  const values = (data) => ({
    group: data.get("group") === "incident" ? "incident" : null,
    ...sharedValues(data),
    stance: data.get("stance"),
    hedged: data.get("hedged") ? "1" : null,
    author: data.get("author") ? null : "0",
  });
  const group = params.get("group") === "incident" ? "incident" : "speaker";
  return filterForm("claims", values, [
    h("label", null, "group by ", h("select", { name: "group" },
      h("option", { value: "speaker", selected: group === "speaker" }, "speaker"),
      h("option", { value: "incident", selected: group === "incident" }, "incident"))),
    sharedFields(params, used),
    h("label", null, "author's stance ", choice("stance", Object.keys(STANCE_LABELS), params, "any")),
    h("label", null, h("input", { type: "checkbox", name: "hedged", checked: params.get("hedged") === "1" }), " hedged only"),
    h("label", null, h("input", { type: "checkbox", name: "author", checked: params.get("author") !== "0" }), " the author's own"),
    keptFields(params, used),
  ], { id: "claims-filters" });
}
