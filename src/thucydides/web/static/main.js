// The map page: events on an offline basemap, a time slider with play, filters, the incident feed
// beside the map (following the slider and the view), a control layer, and a panel a click opens.
import { allFeatures, getJSON } from "./api.js";
import { colourOf, controllerColour, typeColourExpression } from "./colours.js";
import { closePanel, showControl, showEvent, showIncident } from "./panel.js";

const DAY_MS = 86400000;
const PLAY_STEP_MS = 1500;
const state = { days: [], events: [], incidents: [], loading: 0, ready: false };
window.thucydides = state; // read by the browser test, handy in the console

const $ = (id) => document.getElementById(id);
const form = $("filters");

function isoDay(date) { return date.toISOString().slice(0, 10); }

function daysBetween(first, last) {
  const days = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += DAY_MS) days.push(isoDay(new Date(t)));
  return days;
}

// The slider's window: [from, to] ending on the chosen day.
function windowDates() {
  if (!state.days.length) return {};
  const to = state.days[Number($("day").value)];
  const span = $("window").value;
  if (span === "all") return { date_from: state.days[0], date_to: state.days[state.days.length - 1] };
  return { date_from: isoDay(new Date(Date.parse(to) - (Number(span) - 1) * DAY_MS)), date_to: to };
}

function filterValues() {
  const data = new FormData(form);
  const minSources = Number(data.get("min_sources") || 1);
  return {
    type: data.get("type"), actor: data.get("actor"), source: data.get("source"), admin1: data.get("admin1"),
    min_sources: minSources > 1 ? minSources : "",
  };
}

function fillSelect(name, values) {
  const select = form.elements[name];
  for (const value of values) select.append(new Option(value, value));
}

function notice(text) { $("notice").textContent = text; }

// --- the map ---------------------------------------------------------------------------------

async function basemapStyle() {
  const { layers } = await getJSON("/basemap");
  const style = { version: 8, sources: {}, layers: [{ id: "sea", type: "background", paint: { "background-color": "#b9d3e6" } }] };
  const credits = [];
  for (const layer of layers) {
    if (!layer.available) continue;
    style.sources[layer.name] = { type: "geojson", data: layer.url, attribution: layer.attribution };
    credits.push(layer.attribution);
  }
  if (style.sources.countries) {
    style.layers.push({ id: "land", type: "fill", source: "countries", paint: { "fill-color": "#f4f1ea" } });
    style.layers.push({ id: "borders", type: "line", source: "countries", paint: { "line-color": "#8a8f96", "line-width": 0.8 } });
  }
  if (style.sources.admin1) {
    style.layers.push({ id: "admin1", type: "line", source: "admin1", paint: { "line-color": "#a7adb4", "line-width": 0.6, "line-dasharray": [3, 2] } });
  }
  if (!credits.length) notice("No basemap: set THUCYDIDES_DATA to the reference data folder (natural-earth/) and restart.");
  return style;
}

function addEventLayers(map) {
  map.addSource("events", { type: "geojson", data: { type: "FeatureCollection", features: [] }, cluster: true, clusterMaxZoom: 8, clusterRadius: 36 });
  map.addLayer({ id: "clusters", type: "circle", source: "events", filter: ["has", "point_count"],
    paint: { "circle-color": "#34495e", "circle-opacity": 0.75, "circle-stroke-color": "#fff", "circle-stroke-width": 1.5,
      "circle-radius": ["interpolate", ["linear"], ["get", "point_count"], 2, 12, 50, 22, 500, 32] } });
  map.addLayer({ id: "events", type: "circle", source: "events", filter: ["!", ["has", "point_count"]],
    paint: { "circle-color": typeColourExpression(), "circle-stroke-color": "#fff", "circle-stroke-width": 1.2,
      "circle-radius": ["interpolate", ["linear"], ["coalesce", ["get", "fatalities"], 0], 0, 6, 10, 10, 100, 18] } });
  map.addSource("control", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
  map.addLayer({ id: "control", type: "circle", source: "control",
    paint: { "circle-radius": 9, "circle-color": "rgba(0,0,0,0)", "circle-stroke-width": 3, "circle-stroke-color": ["get", "colour"] } });

  map.on("click", "clusters", (e) => {
    const [cluster] = map.queryRenderedFeatures(e.point, { layers: ["clusters"] });
    map.getSource("events").getClusterExpansionZoom(cluster.properties.cluster_id)
      .then((zoom) => map.easeTo({ center: cluster.geometry.coordinates, zoom }));
  });
  map.on("click", "events", (e) => {
    const props = e.features[0].properties;
    (props.incident_id ? showIncident(props.incident_id) : showEvent(props.event_id)).catch((error) => notice(error.message));
  });
  map.on("click", "control", (e) => showControl(e.features[0].properties));
  for (const layer of ["clusters", "events", "control"]) {
    map.on("mouseenter", layer, () => { map.getCanvas().style.cursor = "pointer"; });
    map.on("mouseleave", layer, () => { map.getCanvas().style.cursor = ""; });
  }
  map.on("moveend", renderFeed);
}

// --- loading what the slider and filters select ----------------------------------------------

async function reload() {
  const dates = windowDates();
  const filters = filterValues();
  $("day-label").value = dates.date_from === dates.date_to ? dates.date_to : `${dates.date_from} → ${dates.date_to}`;
  const ticket = ++state.loading;
  try {
    const [events, incidents, control] = await Promise.all([
      allFeatures("/events", { ...dates, ...filters }),
      getJSON("/incidents", { ...dates, type: filters.type, admin1: filters.admin1, min_sources: filters.min_sources, limit: 5000 }),
      form.elements.control.checked && dates.date_to
        ? getJSON("/control", { date: dates.date_to, format: "geojson" }) : { features: [] },
    ]);
    if (ticket !== state.loading) return; // a newer request has been made meanwhile
    state.events = events;
    state.incidents = incidents.incidents.filter((i) => matchesClientFilters(i, filters));
    state.query = { ...dates, ...filters };
    if (state.map) {
      state.map.getSource("events").setData({ type: "FeatureCollection", features: events.filter((f) => f.geometry) });
      for (const feature of control.features) feature.properties.colour = controllerColour(feature.properties.controller);
      state.map.getSource("control").setData({ type: "FeatureCollection", features: control.features.filter((f) => f.geometry) });
    }
    if (!state.ready && state.map) fitToEvents(events);
    renderFeed();
    state.ready = true;
    document.body.dataset.loaded = `${state.query.date_from}/${state.query.date_to}/${events.length}`;
  } catch (error) {
    notice(error.message);
  }
}

// The first view frames the day's events (the basemap's default view is the whole region).
function fitToEvents(events) {
  const points = events.filter((f) => f.geometry).map((f) => f.geometry.coordinates);
  if (!points.length) return;
  const bounds = points.reduce((b, p) => b.extend(p), new maplibregl.LngLatBounds(points[0], points[0]));
  state.map.fitBounds(bounds, { padding: 80, maxZoom: 8, duration: 0 });
}

// The incident listing has no actor or outlet filter: those are applied here, on each source's telling.
function matchesClientFilters(incident, filters) {
  const has = (text, part) => (text || "").toLowerCase().includes(part.toLowerCase());
  if (filters.actor && !incident.reports.some((r) => has(r.actor1, filters.actor) || has(r.actor2, filters.actor))) return false;
  if (filters.source && !incident.reports.some((r) => has(r.source, filters.source))) return false;
  return true;
}

function inView(incident) {
  if (!state.map || incident.latitude === null || incident.longitude === null) return true;
  return state.map.getBounds().contains([incident.longitude, incident.latitude]);
}

function renderFeed() {
  const shown = state.incidents.filter(inView).reverse(); // latest first, as a feed reads
  $("summary").textContent = `${state.events.length} event(s); ${shown.length} incident(s) in view`;
  const items = shown.map((incident) => {
    const item = document.createElement("li");
    item.tabIndex = 0;
    item.dataset.incident = incident.incident_id;
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colourOf(incident.event_type);
    const title = document.createElement("strong");
    title.textContent = `${incident.sub_event_type}: ${incident.location || "unnamed place"}`;
    const when = document.createElement("div");
    when.className = "when";
    const dead = incident.fatalities_high === null ? "" : ` · killed ${incident.fatalities_low === incident.fatalities_high ? incident.fatalities_high : `${incident.fatalities_low}–${incident.fatalities_high}`}`;
    when.textContent = `${incident.event_date || "undated"}${incident.admin1 ? " · " + incident.admin1 : ""} · ${incident.sources.join(", ")}${dead}`;
    item.append(swatch, title, when);
    const openIt = () => {
      showIncident(incident.incident_id).catch((error) => notice(error.message));
      if (state.map && incident.longitude !== null) state.map.easeTo({ center: [incident.longitude, incident.latitude] });
    };
    item.addEventListener("click", openIt);
    item.addEventListener("keydown", (e) => { if (e.key === "Enter") openIt(); });
    return item;
  });
  $("feed").replaceChildren(...items);
}

// --- the slider and play ---------------------------------------------------------------------

let playing = null;
function togglePlay() {
  if (playing) { clearInterval(playing); playing = null; $("play").textContent = "▶"; return; }
  const slider = $("day");
  if (Number(slider.value) >= Number(slider.max)) slider.value = 0;
  $("play").textContent = "❚❚";
  playing = setInterval(() => {
    if (Number(slider.value) >= Number(slider.max)) { togglePlay(); return; }
    slider.value = Number(slider.value) + 1;
    reload();
  }, PLAY_STEP_MS);
}

// --- start -----------------------------------------------------------------------------------

async function start() {
  const facets = await getJSON("/facets");
  fillSelect("type", facets.event_types);
  fillSelect("source", facets.sources);
  fillSelect("admin1", facets.admin1);
  if (facets.date_min) {
    state.days = daysBetween(facets.date_min, facets.date_max);
    $("day").max = state.days.length - 1;
    $("day").value = state.days.length - 1; // the latest day: what a user opens the map for
  } else {
    notice("No dated events stored yet: ingest reports, then reload.");
  }
  $("day").addEventListener("input", reload);
  $("window").addEventListener("change", reload);
  $("play").addEventListener("click", togglePlay);
  $("panel-close").addEventListener("click", closePanel);
  form.addEventListener("change", reload);
  form.addEventListener("submit", (e) => { e.preventDefault(); reload(); });

  try {
    const map = new maplibregl.Map({ container: "map", style: await basemapStyle(), center: [38.5, 35], zoom: 5.3, attributionControl: { compact: false } });
    await new Promise((resolve) => map.on("load", resolve));
    state.map = map;
    addEventLayers(map);
  } catch (error) {
    notice(`The map cannot be drawn here (${error.message}); the feed still works.`);
  }
  await reload();
}

start().catch((error) => notice(error.message));
