// The claims board: who says what (grouped by speaker, with hedges and the author's stance), and the
// contradictions, their conflicting accounts side by side.

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
  const [claims, actors, conflicts] = await Promise.all([
    all("/api/claims", { actor: params.get("actor"), since: params.get("since"), until: params.get("until") }),
    actorIndex(),
    all("/api/contradictions", {}),
  ]);
  const kept = claims.filter((claim) => keep(claim, params));
  const groups = groupBySpeaker(kept, (id) => actors.get(id)?.name || id);
  if (groups.length === 0) board.append(empty("No claims for these filters."));
  for (const group of groups) board.append(speakerColumn(group));
  if (conflicts.length === 0) contradictions.append(empty("No contradictions."));
  for (const conflict of conflicts) contradictions.append(await contradictionCard(conflict));
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
    else [key, label, order] = [`text:${claim.speaker_text}`, claim.speaker_text, 1];
    if (!groups.has(key)) groups.set(key, { key, label, order, actor: claim.speaker, claims: [] });
    groups.get(key).claims.push(claim);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order || b.claims.length - a.claims.length || a.label.localeCompare(b.label));
}

function speakerColumn(group) {
  return h(
    "section",
    { class: "speaker", dataset: { speaker: group.actor || group.key } },
    h("h3", null, group.actor ? link("actors", group.actor, group.label) : group.label, h("span", { class: "muted" }, ` (${group.claims.length})`)),
    h("ul", { class: "plain" }, group.claims.map((claim) => claimItem(claim))),
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
    ...sharedValues(data),
    stance: data.get("stance"),
    hedged: data.get("hedged") ? "1" : null,
    author: data.get("author") ? null : "0",
  });
  return filterForm("claims", values, [
    sharedFields(params, used),
    h("label", null, "author's stance ", choice("stance", Object.keys(STANCE_LABELS), params, "any")),
    h("label", null, h("input", { type: "checkbox", name: "hedged", checked: params.get("hedged") === "1" }), " hedged only"),
    h("label", null, h("input", { type: "checkbox", name: "author", checked: params.get("author") !== "0" }), " the author's own"),
    keptFields(params, used),
  ], { id: "claims-filters" });
}
