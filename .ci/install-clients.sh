#!/usr/bin/env bash
# Installs the third-party SPARQL clients that tests/server/sparql/test_clients.py drives against our endpoint:
#   - Comunica 5.x (@comunica/query-sparql) with Node 22 (npm package `node@22`; Comunica 5 crashes on Node 20),
#     into .ci/clients/node_modules
#   - Apache Jena ARQ from Debian (libapache-jena-java), plus a small jar that puts back the shaded Xerces
#     message bundles Debian left under the wrong package (without it every typed literal check fails),
#     written to .ci/clients/jena-xerces-messages.jar, and the class path in .ci/clients/jena.classpath
#   - Chromium from Debian (chromium, plus a font), driven headless by Python Playwright in tests/server/pages/test_pages_in_browser.py;
#     Playwright's own browser download does not work here and is never used
#   - Virtuoso open source 7.2 from Debian (virtuoso-opensource-7-bin: the server binary only, no service and no
#     prompt), which tests/atkg/test_remote_stores.py starts on loopback as a remote store
# The Oxigraph server comes from PyPI (`oxigraph`, in the project's test extra), SPARQLWrapper too.
# Safe to run again: each step is skipped when its result is already there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLIENTS="$ROOT/.ci/clients"
mkdir -p "$CLIENTS"
# Everything here is generated: keep it out of git.
echo '*' > "$CLIENTS/.gitignore"

install_comunica() {
    local node="$CLIENTS/node_modules/.bin/node"
    local query_js="$CLIENTS/node_modules/@comunica/query-sparql/bin/query.js"
    if [ -x "$node" ] && [ -f "$query_js" ] && "$node" --version | grep -q '^v22\.'; then
        echo "comunica: already installed ($("$node" --version))"
        return
    fi
    [ -f "$CLIENTS/package.json" ] || echo '{"name": "atkg-test-clients", "private": true}' > "$CLIENTS/package.json"
    npm install --prefix "$CLIENTS" --no-audit --no-fund --loglevel=error node@22 '@comunica/query-sparql@5'
    echo "comunica: installed with node $("$node" --version)"
}

install_jena() {
    if [ -f /usr/share/java/jena-cmds.jar ] && [ -f /usr/share/java/jena-arq.jar ]; then
        echo "jena: already installed"
    else
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends libapache-jena-java default-jre-headless
    fi
    build_xerces_messages_jar
    write_jena_classpath
}

build_xerces_messages_jar() {
    local jar="$CLIENTS/jena-xerces-messages.jar"
    [ -f "$jar" ] && return
    local work
    work="$(mktemp -d)"
    (cd "$work" && unzip -q -o /usr/share/java/jena-core.jar 'org/apache/jena/ext/xerces/*.properties' \
        'org/apache/jena/ext/xerces/**/*.properties' 2>/dev/null || true)
    # Debian relocated the classes to `xerces.*` but not their bundles: copy them to where the classes look.
    (cd "$work/org/apache/jena/ext" && find xerces -name '*.properties' | while read -r file; do
        mkdir -p "$work/out/$(dirname "$file")" && cp "$file" "$work/out/$file"; done)
    local count
    count="$(find "$work/out" -name '*.properties' | wc -l)"
    [ "$count" -gt 0 ] || { echo "jena: no Xerces message bundles found in jena-core.jar" >&2; exit 1; }
    (cd "$work/out" && jar cf "$jar" .)
    rm -rf "$work"
    echo "jena: wrote $jar ($count message bundles)"
}

write_jena_classpath() {
    # An explicit list: '/usr/share/java/*' drags in two SLF4J bindings and fails.
    local names="jena-cmds jena-arq jena-core jena-base jena-iri jena-rdfconnection jena-tdb jena-tdb2
        jena-dboe-base jena-dboe-index jena-dboe-storage jena-dboe-trans-data jena-dboe-transaction
        commons-cli commons-codec commons-compress commons-csv commons-io commons-lang3 dexx.collection gson
        guava httpclient httpcore jackson-core jackson-databind jackson-annotations jsonld-java
        titanium-json-ld jakarta.json-api protobuf thrift slf4j-api slf4j-simple"
    local path="$CLIENTS/jena-xerces-messages.jar"
    for name in $names; do
        local jar="/usr/share/java/$name.jar"
        [ -f "$jar" ] && path="$path:$jar"
    done
    echo "$path" > "$CLIENTS/jena.classpath"
    echo "jena: class path in $CLIENTS/jena.classpath"
}

install_chromium() {
    if [ -x /usr/bin/chromium ] && /usr/bin/chromium --version >/dev/null 2>&1; then
        echo "chromium: already installed ($(/usr/bin/chromium --version))"
        return
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
    echo "chromium: installed ($(/usr/bin/chromium --version))"
}

install_virtuoso() {
    if [ -x /usr/bin/virtuoso-t ]; then
        echo "virtuoso: already installed ($(/usr/bin/virtuoso-t -? 2>&1 | sed -n 2p))"
        return
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin
    echo "virtuoso: installed ($(/usr/bin/virtuoso-t -? 2>&1 | sed -n 2p))"
}

install_comunica
install_jena
install_chromium
install_virtuoso
echo "clients ready in $CLIENTS"
