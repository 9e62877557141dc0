// An offline reference of the API, read from /openapi.json (FastAPI's own /docs loads Swagger UI from a CDN).
const spec = await (await fetch("/openapi.json")).json();
const root = document.getElementById("operations");
for (const [path, operations] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(operations)) {
    const section = document.createElement("section");
    const title = document.createElement("h2");
    title.textContent = `${method.toUpperCase()} ${path}`;
    const summary = document.createElement("p");
    summary.textContent = op.description || op.summary || "";
    section.append(title, summary);
    for (const parameter of op.parameters || []) {
      const line = document.createElement("div");
      line.className = "param";
      const schema = parameter.schema || {};
      const type = (schema.anyOf || [schema]).map((s) => s.format || s.type || (s.enum || []).join("|")).filter(Boolean).join(" or ");
      line.textContent = `${parameter.in} ${parameter.name}${parameter.required ? " (required)" : ""}: ${type}. ${parameter.description || ""}`;
      section.append(line);
    }
    root.append(section);
  }
}
