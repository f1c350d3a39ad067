#!/usr/bin/env bash
# Bundle the web UI's npm dependencies into the app's static files (no CDN at run time).
# The bundle is committed, so `pip install -e .` alone serves a working UI; CI rebuilds it
# from the npm registry and fails if it differs from the committed one.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --prefix web --no-audit --no-fund --silent
install -m 0644 web/node_modules/cytoscape/dist/cytoscape.min.js search_api/static/vendor/
( cd search_api/static/vendor && sha256sum cytoscape.min.js > SHA256SUMS )
echo "bundled: $(node -p "require('./web/node_modules/cytoscape/package.json').version") cytoscape"
