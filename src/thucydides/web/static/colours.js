// One colour per ACLED event type, shared by the markers, the feed and the panel.
export const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};
export const OTHER_COLOUR = "#34495e";

export function colourOf(type) {
  return TYPE_COLOURS[type] || OTHER_COLOUR;
}

// A MapLibre expression giving each event's colour from its event_type.
export function typeColourExpression() {
  const pairs = Object.entries(TYPE_COLOURS).flat();
  return ["match", ["get", "event_type"], ...pairs, OTHER_COLOUR];
}

// A stable colour per controller name, for the control layer.
export function controllerColour(name) {
  let hash = 0;
  for (const char of name || "") hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360}, 55%, 40%)`;
}
