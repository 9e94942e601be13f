// The portal's own JavaScript is one dialect: ES modules, `const`/`let`, strict equality.
// Browser scripts live in each app's static folder; the build scripts run on Node.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", ".venv/", "var/", "site/static/build/"] },
  js.configs.recommended,
  {
    rules: {
      "no-var": "error",
      "prefer-const": "error",
      eqeqeq: "error",
    },
  },
  {
    files: ["**/static/**/*.js"],
    languageOptions: { sourceType: "module", globals: globals.browser },
  },
  {
    files: ["eslint.config.js", "site/assets/**/*.js"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
