#!/usr/bin/env bash
# Bundle the web UI's npm dependencies into the app's static files (no CDN at run time):
# cytoscape for the graph view, Swagger UI and ReDoc for /docs and /redoc.
# The bundle is committed, so `pip install -e .` alone serves a working UI; CI rebuilds it
# from the npm registry and fails if it differs from the committed one (plain copies of the
# published files, so the same lockfile always gives the same bytes).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --prefix web --no-audit --no-fund --silent
vendor=search_api/static/vendor
modules=web/node_modules
install -m 0644 "$modules/cytoscape/dist/cytoscape.min.js" "$vendor/"
install -m 0644 "$modules/swagger-ui-dist/swagger-ui-bundle.js" "$vendor/"
install -m 0644 "$modules/swagger-ui-dist/swagger-ui.css" "$vendor/"
install -m 0644 "$modules/swagger-ui-dist/favicon-32x32.png" "$vendor/"
install -m 0644 "$modules/redoc/bundles/redoc.standalone.js" "$vendor/"
# The bundles name their source maps; the maps are not shipped, so drop the reference
# (a browser with dev tools open would otherwise ask for a file the app does not have).
sed -i '/^\/\/# sourceMappingURL=/d' "$vendor/swagger-ui-bundle.js" "$vendor/redoc.standalone.js"
# ReDoc's sidebar credit loads its logo from cdn.redoc.ly; point it at an empty image instead
# (the component hides a logo that fails to load), so /redoc makes no request outside the app.
redoc_logo='src:"https://cdn.redoc.ly/redoc/logo-mini.svg"'
grep -qF "$redoc_logo" "$vendor/redoc.standalone.js"
sed -i "s#$redoc_logo#src:\"data:,\"#" "$vendor/redoc.standalone.js"
( cd "$vendor" && sha256sum cytoscape.min.js favicon-32x32.png redoc.standalone.js \
    swagger-ui-bundle.js swagger-ui.css > SHA256SUMS )
for package in cytoscape swagger-ui-dist redoc; do
  echo "bundled: $package $(node -p "require('./$modules/$package/package.json').version")"
done
