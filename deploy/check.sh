#!/usr/bin/env bash
# Checks the deployment files without a Docker engine: the compose setups validate, the
# Dockerfile lints and installs every workspace, and the Prometheus config and alert rules
# hold (with their unit tests). Needs `docker-compose` (v1, or v2's plugin) and `promtool`.
set -euo pipefail
cd "$(dirname "$0")/.."

compose() {
  if command -v docker-compose >/dev/null; then docker-compose "$@"; else docker compose "$@"; fi
}

echo "compose: production services"
compose -f docker-compose.yml config -q
echo "compose: demo (override file and profile)"
compose -f docker-compose.yml -f docker-compose.demo.yml --profile demo config -q
echo "compose: monitoring profile"
compose -f docker-compose.yml --profile monitoring config -q

echo "Dockerfile: every workspace's package.json (and patches/) is copied before npm install"
node --input-type=module -e '
  import { existsSync, readdirSync, readFileSync } from "node:fs";
  const { workspaces } = JSON.parse(readFileSync("package.json", "utf8"));
  const dockerfile = readFileSync("Dockerfile", "utf8");
  const lines = dockerfile.split("\n");
  const lineOf = (instruction) => lines.findIndex((l) => l.startsWith(instruction));
  const installStep = lineOf("RUN npm install --no-audit");
  const missing = workspaces
    .flatMap((glob) => {
      const dir = glob.replace(/\/\*$/, "");
      return readdirSync(dir).map((name) => `${dir}/${name}/package.json`);
    })
    .filter((manifest) => existsSync(manifest))
    .filter((manifest) => {
      const at = lineOf(`COPY ${manifest} `);
      return at < 0 || at > installStep;
    });
  const { scripts = {} } = JSON.parse(readFileSync("package.json", "utf8"));
  const patchesCopied = lineOf("COPY patches patches");
  if (/patch-package/.test(scripts.postinstall ?? "") && !(patchesCopied >= 0 && patchesCopied < installStep))
    missing.push("patches/ (the postinstall applies them)");
  if (missing.length > 0) {
    console.error(`Dockerfile does not copy ${missing.join(", ")} before npm install`);
    process.exit(1);
  }
'

echo "Dockerfile: instructions and flags (dockerfile-utils, the Docker language server's linter)"
npx --yes dockerfile-utils@0.16.3 lint Dockerfile

echo "prometheus: config, rules and rule tests"
promtool check config deploy/prometheus/prometheus.yml
promtool test rules deploy/prometheus/alerts.test.yml
