// Copies GOV.UK Frontend's script and images next to the compiled stylesheet.
// Fonts are left out on purpose: the portal uses Arial, not the GOV.UK typeface. The
// stylesheet still refers to the crest image, so it is copied, but no template shows it.
const fs = require("fs");
const path = require("path");

const source = path.join(__dirname, "..", "..", "node_modules", "govuk-frontend", "dist", "govuk");
const target = path.join(__dirname, "..", "static", "build");

fs.mkdirSync(path.join(target, "assets"), { recursive: true });
fs.copyFileSync(path.join(source, "govuk-frontend.min.js"), path.join(target, "govuk-frontend.min.js"));
fs.cpSync(path.join(source, "assets", "images"), path.join(target, "assets", "images"), { recursive: true });
