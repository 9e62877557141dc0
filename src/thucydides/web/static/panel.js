// The side panel a click opens: an incident with every source's telling, its claimants, figures and
// disagreements, and each evidence sentence highlighted inside its report. Built with DOM nodes and
// textContent only: report text never becomes markup.
import { getJSON } from "./api.js";
import { colourOf, controllerColour } from "./colours.js";

const panel = () => document.getElementById("panel");
const body = () => document.getElementById("panel-body");

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function range(low, high) {
  if (low === null && high === null) return "not given";
  if (low === high || high === null) return String(low);
  return `${low ?? 0}–${high}`;
}

function open(...nodes) {
  body().replaceChildren(...nodes);
  panel().hidden = false;
  panel().scrollTop = 0;
  // Each report's box opens on its evidence, however far into the report it lies.
  for (const box of body().querySelectorAll(".report-text")) {
    const mark = box.querySelector("mark.evidence");
    if (mark) box.scrollTop = mark.offsetTop - box.offsetTop - 24;
  }
}

export function closePanel() {
  panel().hidden = true;
}

// The report's text with the spans of `eventId`'s evidence in <mark>.
async function reportText(documentId, eventId) {
  const doc = await getJSON(`/documents/${encodeURIComponent(documentId)}`);
  const box = el("div", { className: "report-text" });
  for (const piece of doc.segments) {
    box.append(piece.event_ids.includes(eventId)
      ? el("mark", { textContent: piece.text, className: "evidence" })
      : document.createTextNode(piece.text));
  }
  const heading = el("p", { className: "figures" },
    `${doc.source || "unknown outlet"}${doc.published ? ", " + doc.published : ""}${doc.title ? ": " + doc.title : ""}`);
  if (doc.url) heading.append(" ", el("a", { href: doc.url, textContent: "(original)", rel: "noreferrer" }));
  return [heading, box];
}

async function telling(report) {
  const figures = [
    `killed ${report.fatalities ?? "not given"}`,
    report.injured !== null ? `injured ${report.injured}` : null,
    report.captured !== null ? `captured ${report.captured}` : null,
  ].filter(Boolean).join(", ");
  const section = el("section", { className: "telling" },
    el("h3", { textContent: report.source || "unknown source" }),
    el("p", {}, `${report.event_date || "undated"}: ${report.sub_event_type}, ${report.actor1}` +
      (report.actor2 ? ` against ${report.actor2}` : "") +
      ` at ${report.location_as_written || report.location || "an unnamed place"}`),
    el("p", { className: "figures", textContent: figures + (report.claimed_by ? `; claimed by ${report.claimed_by}` : "") }),
    report.copy_of ? el("p", { className: "figures", textContent: "republishes another report of this incident" }) : null,
  );
  section.append(...await reportText(report.document_id, report.event_id));
  return section;
}

export async function showIncident(incidentId) {
  const { incident } = await getJSON(`/incidents/${encodeURIComponent(incidentId)}`);
  const head = el("header", {},
    el("h2", {}, el("span", { className: "swatch", style: `background:${colourOf(incident.event_type)}` }),
      `${incident.sub_event_type} at ${incident.location || "an unnamed place"}`),
    el("p", {}, `${incident.event_date || "undated"}${incident.admin1 ? ", " + incident.admin1 : ""}` +
      ` · ${incident.independent_sources} independent source(s): ${incident.sources.join(", ")}`),
    el("p", { className: "figures", textContent:
      `killed ${range(incident.fatalities_low, incident.fatalities_high)}` +
      (incident.claimants.length ? ` · claimed by ${incident.claimants.join(", ")}` : "") }),
  );
  const disagreements = incident.disagreements.map((line) => el("p", { className: "disagree", textContent: `Sources disagree: ${line}` }));
  const tellings = await Promise.all(incident.reports.map(telling));
  open(head, ...disagreements, ...tellings);
  panel().dataset.incident = incidentId;
}

// An event not yet fused into an incident: its own record and evidence.
export async function showEvent(eventId) {
  const { event } = await getJSON(`/events/${encodeURIComponent(eventId)}`);
  if (event.incident_id) return showIncident(event.incident_id);
  const report = { ...event, copy_of: null };
  open(el("h2", { textContent: `${event.sub_event_type} at ${event.location || "an unnamed place"}` }), await telling(report));
  panel().dataset.incident = "";
}

export function showControl(change) {
  const sources = JSON.parse(change.sources || "[]");
  const claimants = JSON.parse(change.claimants || "[]");
  const link = el("button", { type: "button", textContent: "Read the sources" });
  link.addEventListener("click", () => showIncident(change.incident_id));
  open(
    el("h2", {}, el("span", { className: "swatch", style: `background:${controllerColour(change.controller)}` }),
      `${change.location}: held by ${change.controller}`),
    el("p", { textContent: `since ${change.date}${change.previous ? `, taken from ${change.previous}` : ""} (${change.sub_event_type})` }),
    el("p", { className: "figures", textContent: `told by ${sources.join(", ")}` + (claimants.length ? `; claimed by ${claimants.join(", ")}` : "") }),
    link,
  );
}
