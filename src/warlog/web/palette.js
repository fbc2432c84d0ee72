// Colours and labels shared by the views: actors by kind, events by PLOVER type, ties by polarity.

export const KIND_COLOURS = {
  state: "#1f5fa8",
  government: "#3a7bd5",
  military: "#0b7a75",
  police: "#4f8f8b",
  intelligence: "#5b5f97",
  armed_group: "#b8322c",
  rebel_group: "#d9731a",
  militia: "#a0522d",
  political_party: "#7b4fa0",
  organization: "#6b7b8c",
  igo: "#2f8f5b",
  ngo: "#4caf7a",
  media: "#8c6d1f",
  person: "#c2407e",
  ethnic_group: "#8d6e63",
  religious_group: "#6d4c41",
  civilians: "#6a9f2a",
  other: "#777777",
};

export const kindColour = (kind) => KIND_COLOURS[kind] || KIND_COLOURS.other;

// PLOVER 2.0: the 16 event types of warlog's event pack (src/warlog/data/packs/events/plover.yaml).
export const EVENT_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

const TYPE_COLOURS = {
  AGREE: "#2e7d32", CONSULT: "#43a047", SUPPORT: "#66bb6a", CONCEDE: "#9ccc65", COOPERATE: "#26a69a",
  AID: "#00897b", RETREAT: "#8d6e63", REQUEST: "#5c6bc0", ACCUSE: "#ab47bc", REJECT: "#8e24aa",
  THREATEN: "#f9a825", PROTEST: "#fb8c00", SANCTION: "#6d4c41", MOBILIZE: "#1e88e5", COERCE: "#e53935",
  ASSAULT: "#b71c1c",
};

export const typeColour = (type) => TYPE_COLOURS[type] || "#555555";

export const EVENT_STATUSES = ["asserted", "reported", "claimed", "denied", "negated", "hypothetical", "planned"];

// How sure the text is that an event happened, drawn as the point's fill and outline.
export function statusStyle(status) {
  switch (status) {
    case "asserted":
      return { fillOpacity: 0.85, dashArray: null, weight: 1 };
    case "reported":
    case "claimed":
      return { fillOpacity: 0.45, dashArray: "3 3", weight: 2 };
    case "denied":
    case "negated":
      return { fillOpacity: 0, dashArray: "1 3", weight: 2 };
    default:
      return { fillOpacity: 0.15, dashArray: "6 3", weight: 2 };
  }
}

export const POLARITY_COLOURS = { cooperative: "#2e7d32", hostile: "#c62828", affiliation: "#8a8a8a" };

export const STANCE_LABELS = {
  endorses: "author endorses",
  doubts: "author doubts",
  disputes: "author disputes",
  neutral: "neutral",
};

// Colours a canvas or SVG library needs as values (Cytoscape, Leaflet's outlines), from the page's CSS
// variables, so that dark mode (prefers-color-scheme) reaches them too.
export function themeColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim();
}

export const isDark = () => Boolean(window.matchMedia?.("(prefers-color-scheme: dark)").matches);
