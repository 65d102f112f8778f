#!/usr/bin/env bash
# build-assets.sh: builds the static assets of `numeco serve` (DSFR subset CSS, subset Marianne fonts).
#
#   bash scripts/build-assets.sh SRC_DIR OUT_DIR
#
# SRC_DIR is the numeco source tree (holding node_modules/@gouvfr/dsfr and
# src/web/static/); OUT_DIR receives numeco.css, Marianne-Regular.woff2 and
# Marianne-Bold.woff2. Run at build time by cmake/assets.cmake, which embeds
# the files into the binary under content-hashed URLs. The CSS refers to the
# fonts by those same URLs (/static/NAME.HASH.EXT, HASH = first 12 hex digits
# of the file's SHA-256), so fonts are built first and hashed here too.
#
# What is kept and why: docs/web-assets.md. To add a DSFR component, add it
# to COMPONENTS and decide for each icon it draws (the build stops on an
# icon listed in neither ICONS_INLINE nor ICONS_DROP).
set -euo pipefail
export LC_ALL=C

die() {
	echo "build-assets : $*" >&2
	exit 1
}
[ $# -eq 2 ] || die "usage : $0 SRC_DIR OUT_DIR"
SRC=${1%/}
OUT=${2%/}

# ---- what is shipped ---------------------------------------------------------
# DSFR components (dist/component/NAME/NAME.main.min.css + NAME.print.min.css),
# in DSFR's own order; every one works without JavaScript.
COMPONENTS="link button tag badge form checkbox radio select input upload
	logo skiplink breadcrumb pagination callout notice alert table header footer"
# Icons drawn by the kept rules, inlined once as data: URIs (custom properties
# --nc-icon-NAME); paths are relative to dist/icons/, without .svg.
ICONS_INLINE="system/fr--info-fill system/fr--success-fill system/fr--warning-fill
	system/fr--error-fill system/error-warning-fill system/external-link-line
	system/download-line arrows/arrow-right-s-line arrows/arrow-left-s-line
	arrows/fr--arrow-left-s-first-line arrows/fr--arrow-right-s-last-line"
# Icons whose rules are removed: variants that need JavaScript (close buttons,
# header menu and search, pressed tags, sorting, tooltip, display settings) or
# that numeco does not use (decorative buttons, weather and attack notices,
# "new" badge).
ICONS_DROP="system/close-line system/menu-fill system/search-line system/question-line
	system/fr--theme-fill system/checkbox-circle-line media/fullscreen-line
	user/account-circle-fill user/team-line business/briefcase-fill arrows/arrow-up-down-line
	arrows/arrow-up-line weather/flashlight-fill weather/heavy-showers-fill weather/typhoon-fill
	system/fr--alert-warning-fill system/fr--alert-warning-2-fill"
# Font weights shipped (Marianne, normal style); other weights fall back to the
# nearest one, italics are synthesised by the browser.
FONTS="Regular:400 Bold:700"
# Characters kept in the fonts: Basic Latin, Latin-1, Latin Extended-A, and the
# punctuation of French typography (quotes ‘ ’ ‚ “ ” „ « » ‹ ›, dashes, …, •,
# no-break spaces U+00A0/U+202F, thin spaces, ‰, €, ™, −, ×).
UNICODES="U+0020-007E,U+00A0-00FF,U+0100-017F,U+0192,U+02C6,U+02C7,U+02D8-02DD,U+2007-200B,U+2010-2027,U+202F,U+2030,U+2032,U+2033,U+2039,U+203A,U+2044,U+205F,U+20AC,U+2116,U+2122,U+2212"
# OpenType features kept: kerning, ligatures and contextual forms, localised
# forms, case-sensitive forms, lining and tabular figures (tables of numbers).
FEATURES="kern,liga,clig,calt,ccmp,locl,mark,mkmk,case,lnum,tnum"

# ---- tools and inputs ----------------------------------------------------------
DSFR=$SRC/node_modules/@gouvfr/dsfr
OWN_CSS=$SRC/src/web/static/numeco.css
[ -f "$DSFR/dist/core/core.main.min.css" ] ||
	die "le Système de design de l'État (npm @gouvfr/dsfr) est absent de $DSFR : lancez scripts/install-deps.sh (il exécute npm ci)."
command -v pyftsubset >/dev/null 2>&1 ||
	die "pyftsubset est introuvable (paquet Debian fonttools) : lancez scripts/install-deps.sh."
# The python that runs pyftsubset (#!/usr/bin/python3 in Debian), else python3.
PY=$(sed -n '1s/^#! *\(\/[^ ]*python[0-9.]*\) *$/\1/p' "$(command -v pyftsubset)")
if [ -z "$PY" ] || [ ! -x "$PY" ]; then
	PY=$(command -v python3) ||
		die "python3 est introuvable (paquet Debian fonttools) : lancez scripts/install-deps.sh."
fi
command -v gzip >/dev/null 2>&1 || die "gzip est introuvable."
command -v sha256sum >/dev/null 2>&1 || die "sha256sum est introuvable (coreutils)."
[ -f "$OWN_CSS" ] || die "feuille de style de numeco absente : $OWN_CSS"
version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$DSFR/package.json" | head -n1)

mkdir -p "$OUT"
tmp=$(mktemp -d "$OUT/.build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The URL under which cmake/assets.cmake serves a file: /static/STEM.HASH.EXT.
hashed_url() {
	local name hash
	name=$(basename "$2")
	hash=$(sha256sum "$1" | cut -c1-12)
	printf '/static/%s.%s.%s' "${name%.*}" "$hash" "${name##*.}"
}

# ---- fonts ---------------------------------------------------------------------
font_urls=""
for f in $FONTS; do
	style=${f%%:*}
	weight=${f##*:}
	in=$DSFR/dist/fonts/Marianne-$style.woff2
	[ -f "$in" ] || die "police absente : $in (lancez scripts/install-deps.sh)"
	# No hinting: current rasterisers do well without it, and it is nearly half the file.
	pyftsubset "$in" --unicodes="$UNICODES" --layout-features="$FEATURES" \
		--flavor=woff2 --no-hinting --name-IDs='*' --name-languages='*' \
		--output-file="$tmp/Marianne-$style.woff2" 2>"$tmp/pyftsubset.log" ||
		{
			cat "$tmp/pyftsubset.log" >&2
			die "pyftsubset a échoué sur $in"
		}
	font_urls="$font_urls $weight=$(hashed_url "$tmp/Marianne-$style.woff2" "Marianne-$style.woff2")"
done

# ---- stylesheet ----------------------------------------------------------------
# A small CSS tree rewriter (python3 comes with fonttools): keeps the Marianne
# faces shipped, points them at the hashed fonts, inlines or drops icons,
# removes custom properties nothing reads, and appends numeco's own sheet.
DSFR_DIST=$DSFR/dist DSFR_VERSION=$version COMPONENTS=$COMPONENTS ICONS_INLINE=$ICONS_INLINE \
	ICONS_DROP=$ICONS_DROP FONT_URLS=$font_urls OWN_CSS=$OWN_CSS \
	"$PY" - "$tmp/numeco.css" <<'PY'
import os, re, sys

dist = os.environ["DSFR_DIST"]
out_path = sys.argv[1]
inline = os.environ["ICONS_INLINE"].split()
drop = set(os.environ["ICONS_DROP"].split())
font_urls = dict(kv.split("=", 1) for kv in os.environ["FONT_URLS"].split())

def fail(msg):
    sys.stderr.write("build-assets : " + msg + "\n")
    sys.exit(1)

# -- parsing: nodes are ("comment", text), ("at", prelude, children or None,
#    body or None) and ("rule", prelude, body); bodies are declaration text.
def skip_string(s, i):
    q = s[i]
    i += 1
    while i < len(s) and s[i] != q:
        i += 2 if s[i] == "\\" else 1
    return i + 1

def scan_until(s, i, stops):
    """Index of the first char of stops at nesting depth 0 (strings, comments, parens skipped)."""
    depth = 0
    while i < len(s):
        c = s[i]
        if c in "\"'":
            i = skip_string(s, i)
            continue
        if s.startswith("/*", i):
            i = s.index("*/", i + 2) + 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0 and c in stops:
            return i
        i += 1
    return i

def block_end(s, i):
    """s[i] is '{': index of the matching '}'."""
    depth = 0
    while i < len(s):
        c = s[i]
        if c in "\"'":
            i = skip_string(s, i)
            continue
        if s.startswith("/*", i):
            i = s.index("*/", i + 2) + 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    fail("CSS : accolade non fermée")

NESTED = ("@media", "@supports", "@-moz-document", "@document", "@layer", "@container",
          "@keyframes", "@-webkit-keyframes")

def parse(s, i=0):
    nodes = []
    while True:
        while i < len(s) and s[i].isspace():
            i += 1
        if i >= len(s) or s[i] == "}":
            return nodes, i
        if s.startswith("/*", i):
            j = s.index("*/", i + 2) + 2
            nodes.append(("comment", s[i:j]))
            i = j
            continue
        j = scan_until(s, i, "{;")
        prelude = " ".join(s[i:j].split())
        if j >= len(s) or s[j] == ";":
            nodes.append(("at", prelude, None, None))
            i = j + 1
            continue
        if prelude.startswith("@"):
            name = prelude.split()[0].split("(")[0]
            if name in NESTED:
                children, k = parse(s, j + 1)
                nodes.append(("at", prelude, children, None))
                i = k + 1
                continue
            k = block_end(s, j)
            nodes.append(("at", prelude, None, s[j + 1:k]))
            i = k + 1
            continue
        k = block_end(s, j)
        nodes.append(("rule", prelude, s[j + 1:k]))
        i = k + 1

def decls(body):
    out, i = [], 0
    while i < len(body):
        j = scan_until(body, i, ";")
        d = body[i:j].strip()
        if d and not d.startswith("/*"):
            p = scan_until(d, 0, ":")
            out.append((d[:p].strip(), " ".join(d[p + 1:].split())))
        i = j + 1
    return out

def body_of(ds):
    return ";".join(p + ":" + v for p, v in ds)

def serialize(nodes):
    parts = []
    for n in nodes:
        if n[0] == "rule":
            parts.append(n[1] + "{" + n[2] + "}")
        elif n[0] == "at":
            if n[2] is not None:
                parts.append(n[1] + "{" + serialize(n[2]) + "}")
            elif n[3] is not None:
                parts.append(n[1] + "{" + n[3] + "}")
            else:
                parts.append(n[1] + ";")
    return "".join(parts)

def walk(nodes, fn):
    """Rebuilds nodes, replacing each rule or leaf at-rule by fn(node) (None drops it)."""
    out = []
    for n in nodes:
        if n[0] == "comment":
            continue
        if n[0] == "at" and n[2] is not None:
            children = walk(n[2], fn)
            if children:
                out.append(("at", n[1], children, None))
            continue
        m = fn(n)
        if m is not None:
            out.append(m)
    return out

# -- the DSFR subset
URL = re.compile(r"(?<![\w-])url\(\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|[^)\s]*)\s*\)")
ICON = re.compile(r"^(?:\.\./)+icons/(.+)\.svg$")
removed_faces, dropped_rules, used_icons = [], {}, set()

def font_face(n):
    ds = dict(decls(n[3]))
    family = ds.get("font-family", "").strip("\"'")
    weight = ds.get("font-weight", "400")
    style = ds.get("font-style", "normal")
    if family != "Marianne" or style != "normal" or weight not in font_urls:
        removed_faces.append("%s %s %s" % (family, weight, style))
        return None
    keep = [(p, v) for p, v in decls(n[3]) if p != "src"]
    keep.append(("src", "url(%s) format(\"woff2\")" % font_urls[weight]))
    return ("at", n[1], None, body_of(keep))

def icon_var(name):
    return "--nc-icon-" + name.split("/")[-1].replace("fr--", "")

def rewrite(n, origin):
    if n[0] == "at":
        if n[1].split()[0] == "@font-face":
            return font_face(n)
        return n
    body = n[2]
    verdict = []
    def sub(m):
        ref = m.group(1).strip("\"'")
        if ref.startswith("data:"):
            return m.group(0)
        icon = ICON.match(ref)
        if not icon:
            fail("%s : url(%s) inattendue (ni police, ni icône, ni data:)" % (origin, ref))
        name = icon.group(1)
        if name in drop:
            verdict.append(name)
            return m.group(0)
        if name not in inline:
            fail("%s : icône %s ni dans ICONS_INLINE ni dans ICONS_DROP (scripts/build-assets.sh)" % (origin, name))
        used_icons.add(name)
        return "var(%s)" % icon_var(name)
    body = URL.sub(sub, body)
    if verdict:
        dropped_rules.setdefault(verdict[0], []).append(n[1])
        return None
    return ("rule", n[1], body)

def load(path):
    with open(path, encoding="utf-8") as f:
        return f.read()

modules = [("core", "core/core")]
modules += [(c, "component/%s/%s" % (c, c)) for c in os.environ["COMPONENTS"].split()]
sheet = []
for name, stem in modules:
    for part in ("main", "print"):
        path = os.path.join(dist, "%s.%s.min.css" % (stem, part))
        if not os.path.isfile(path):
            fail("fichier DSFR absent : " + path)
        nodes, _ = parse(load(path))
        sheet += walk(nodes, lambda n, o=path: rewrite(n, o))

# -- numeco's own sheet (light minification: its comments and spaces go)
def tidy(n):
    if n[0] == "rule":
        sel = re.sub(r"\s*([,>+~])\s*", r"\1", n[1])
        return ("rule", sel, body_of(decls(n[2])))
    if n[0] == "at" and n[3] is not None:
        return ("at", n[1], None, body_of(decls(n[3])))
    return n

own_nodes, _ = parse(load(os.environ["OWN_CSS"]))
own = walk(own_nodes, tidy)
for n in own:
    if URL.search(serialize([n])) and not all(
            m.group(1).strip("\"'").startswith("data:") for m in URL.finditer(serialize([n]))):
        fail("numeco.css : seules les URL data: sont permises")

# -- the icons, once each, as custom properties on :root
def svg_uri(name):
    svg = load(os.path.join(dist, "icons", name + ".svg"))
    svg = re.sub(r"<\?xml.*?\?>", "", svg)
    svg = " ".join(svg.split())
    svg = re.sub(r'\s(width|height)="[^"]*"', "", svg, count=2)
    svg = svg.replace('"', "'").replace("%", "%25").replace("#", "%23")
    svg = svg.replace("<", "%3C").replace(">", "%3E")
    return 'url("data:image/svg+xml;charset=utf-8,%s")' % svg

icons = [("rule", ":root", body_of([(icon_var(i), svg_uri(i)) for i in inline if i in used_icons]))]

# -- custom properties nobody reads are removed (to a fixed point)
VAR = re.compile(r"var\(\s*(--[\w-]+)")
all_nodes = icons + sheet + own
while True:
    text = serialize(all_nodes)
    read = set(VAR.findall(text))
    changed = []
    def prune(n):
        if n[0] != "rule":
            return n
        ds = decls(n[2])
        keep = [(p, v) for p, v in ds if not p.startswith("--") or p in read]
        if len(keep) != len(ds):
            changed.append(1)
        return ("rule", n[1], body_of(keep)) if keep else None
    all_nodes = walk(all_nodes, prune)
    if not changed:
        break

# DSFR's own notice, kept word for word (its terms forbid removing it), then ours.
notice = re.match(r"\s*(/\*!.*?\*/)", load(os.path.join(dist, "core/core.main.min.css")), re.S)
if not notice:
    fail("mention de licence du DSFR introuvable dans core.main.min.css")
banner = notice.group(1) + ("\n/*! numeco.css: subset of DSFR v%s (only the modules numeco uses, "
          "see docs/web-assets.md) followed by numeco's own styles */\n" % os.environ["DSFR_VERSION"])
with open(out_path, "w", encoding="utf-8") as f:
    f.write(banner + serialize(all_nodes) + "\n")

# what the build removed (docs/web-assets.md explains why)
print("@font-face retirées : %d ; règles retirées (icônes non embarquées) : %d ; icônes en data: : %d"
      % (len(removed_faces), sum(len(v) for v in dropped_rules.values()), len(used_icons)))
PY

# ---- check, move into place, sizes ----------------------------------------------
outputs="numeco.css"
for f in $FONTS; do
	style=${f%%:*}
	url=$(hashed_url "$tmp/Marianne-$style.woff2" "Marianne-$style.woff2")
	grep -qF "url($url)" "$tmp/numeco.css" || die "numeco.css ne référence pas $url"
	outputs="$outputs Marianne-$style.woff2"
done
printf '%-24s %9s %9s\n' fichier octets gzip
total=0
for f in $outputs; do
	raw=$(wc -c <"$tmp/$f")
	gz=$(gzip -9n <"$tmp/$f" | wc -c)
	case $f in *.css) total=$((total + gz)) ;; *) total=$((total + raw)) ;; esac
	printf '%-24s %9d %9d\n' "$f" "$raw" "$gz"
	mv -f "$tmp/$f" "$OUT/$f"
done
printf '%-24s %19d  (transféré : CSS gzip + polices woff2)\n' total "$total"
