// Copies GOV.UK Frontend's script and images next to the compiled stylesheet.
// Fonts are left out on purpose: the portal uses Arial, not the GOV.UK typeface. The
// stylesheet still refers to the crest image, so it is copied, but no template shows it.
import fs from "node:fs";
import path from "node:path";

const root = path.join(import.meta.dirname, "..", "..");
const source = path.join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const target = path.join(root, "site", "static", "build");

fs.mkdirSync(path.join(target, "assets"), { recursive: true });
fs.copyFileSync(
  path.join(source, "govuk-frontend.min.js"),
  path.join(target, "govuk-frontend.min.js"),
);
fs.cpSync(path.join(source, "assets", "images"), path.join(target, "assets", "images"), {
  recursive: true,
});
