// Reading the API: every request goes to this server, nothing else is fetched.

export async function getJSON(path, params = {}) {
  const response = await fetch(withParams(path, params));
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `${response.status} on ${path}`);
  }
  return response.json();
}

export function withParams(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

// Every page of a GeoJSON listing, following the Link header, up to `most` features.
export async function allFeatures(path, params, most = 20000) {
  const features = [];
  let url = withParams(path, { ...params, format: "geojson", limit: 5000 });
  while (url && features.length < most) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status} on ${path}`);
    features.push(...(await response.json()).features);
    const link = response.headers.get("Link");
    const next = link && link.match(/<([^>]+)>;\s*rel="next"/);
    url = next ? new URL(next[1]).pathname + new URL(next[1]).search : null;
  }
  return features;
}
