#!/usr/bin/env bash
# build-open-referential.sh: rebuilds numeco's default open referential
# (data/referentials/numeco-ouvert/, NumEcoEval French dialect) from a copy
# of the shared open factor files. Bash + POSIX awk (mawk) only.
#
#   bash scripts/build-open-referential.sh FACTORS_DIR [OUT_DIR]
#
# FACTORS_DIR is the `data/factors` folder of the shared steering data (the
# one holding ademe/, boavizta/, electricity/, defaults/). OUT_DIR defaults to
# data/referentials/numeco-ouvert/ next to this script. Only the six CSV files
# are rewritten; README.md in OUT_DIR is left alone. numeco never reads
# FACTORS_DIR at run time: the CSV files written here are what ships.
#
# Every row written carries `source` (dataset, commit, file, row key, column)
# and `licence` (last column). The method is documented in
# docs/referentiel-ouvert.md; keep both in step when changing a rule here.
set -euo pipefail
export LC_ALL=C # '.' as decimal point in awk's printf, byte-wise sorting

die() {
	echo "build-open-referential: $*" >&2
	exit 1
}
if [ $# -lt 1 ] || [ $# -gt 2 ]; then die "usage: $0 FACTORS_DIR [OUT_DIR]"; fi
FACTORS=${1%/}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${2:-$(dirname "$HERE")/data/referentials/numeco-ouvert}

# ---- inputs (paths relative to FACTORS_DIR) ---------------------------------
ADEME_DEVICES=$FACTORS/ademe/ademe_acv_numerique_devices.csv
FR_MIX=$FACTORS/electricity/ademe_base_empreinte_france_mix_history.csv
EMBER=$FACTORS/electricity/ember_average_intensities_co2js.csv
PCF=$FACTORS/boavizta/environmental-footprint-data/boavizta-data-us.csv
BZ_SERVER=$FACTORS/boavizta/boaviztapi/archetypes/server.csv
for f in "$ADEME_DEVICES" "$FR_MIX" "$EMBER" "$PCF" "$BZ_SERVER"; do
	[ -r "$f" ] || die "cannot read $f (is $FACTORS the shared data/factors folder?)"
done

# ---- provenance, as recorded in the READMEs of the factors folders ---------
# ademe/README.md: publicodes-acv-numerique, version v2.2.0 (latest "bdd
# numérique" of ADEME Base Empreinte), commit 70676e4 (2026-08-19).
ADEME_VERSION=v2.2.0_current
ADEME_ORIGIN="ADEME per-device figures (ADEME-Arcep 2022 study updated with Base Empreinte bdd numérique v2.0.0) via github.com/incubateur-ademe/publicodes-acv-numerique v2.2.0 commit 70676e4 src/acv-terminaux.publicodes"
# boavizta/README.md: environmental-footprint-data commit 61323eb (2023-02-23).
PCF_ORIGIN="Boavizta environmental-footprint-data (manufacturer PCF database) commit 61323eb (2023-02-23) boavizta-data-us.csv"
# boavizta/README.md: boaviztapi commit 15878f0 (2026-08-21, v2.4.1).
BZ_ORIGIN="Boavizta boaviztapi v2.4.1 commit 15878f0 boaviztapi/data/archetypes/server.csv"
# electricity/README.md: co2.js commit 27cbe83 (2026-06-29).
EMBER_ORIGIN="Ember yearly electricity data (life-cycle emissions intensity of generation) via github.com/thegreenwebfoundation/co2.js commit 27cbe83 data/output/average-intensities.json"

# ---- licences (last column of every row) ------------------------------------
LIC_ADEME="MIT (incubateur-ademe/publicodes-acv-numerique) - ADEME data - cite ADEME"
LIC_ADEME_MIX="MIT (incubateur-ademe/publicodes-commun) - ADEME Base Empreinte data - cite ADEME"
LIC_PCF="ODbL-1.0 (derived database of Boavizta environmental-footprint-data - attribution Boavizta - share-alike)"
LIC_BZ="AGPL-3.0 repository Boavizta/boaviztapi - data value cited as a fact - attribution Boavizta"
LIC_EMBER="CC-BY-4.0 Ember (attribution: Ember) - copy taken from co2.js which labels it CC-BY-SA-4.0"
LIC_G4IT="Apache-2.0 (G4IT/NumEcoEval referential ref_hypothesis.csv) - value cited"
LIC_NONE="n/a (label only - no data value)"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
: >"$TMP/life_pcf"
: >"$TMP/match"

# Helpers shared by every awk program below (prepended to the program text).
AWKLIB='
# Splits one CSV line (comma separator, "" quoting) into a[1..n]; returns n.
function csvsplit(s, a,    n, i, c, f, q) {
	split("", a); n = 0; f = ""; q = 0
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (q) {
			if (c == "\"") {
				if (substr(s, i + 1, 1) == "\"") { f = f "\""; i++ } else q = 0
			} else f = f c
		} else if (c == "\"") q = 1
		else if (c == ",") { a[++n] = f; f = "" }
		else f = f c
	}
	a[++n] = f
	return n
}
# Column index by header name: col[name] = i.
function header(a, n, col,    i) { for (i = 1; i <= n; i++) col[a[i]] = i }
# Plain decimal number, "." separator, no exponent, no trailing zeros.
function fmt(x,    s) {
	s = sprintf("%.6f", x); sub(/0+$/, "", s); sub(/\.$/, "", s)
	if (s == "-0") s = "0"
	return s
}
# Median of v[1..n] (sorts v in place; insertion sort: n is small).
function median(v, n,    i, j, t) {
	for (i = 2; i <= n; i++) {
		t = v[i]
		for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]
		v[j + 1] = t
	}
	return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
# One characterizationFactors.csv row (13 columns), without the newline.
function cf(nom, etape, desc, niveau, tiers, cat, kwh, loc, val, unite, src, lic) {
	return sprintf("%s;%s;Climate change;%s;%s;%s;%s;%s;%s;%s;%s;%s;%s", nom, etape, desc, niveau, tiers, cat, kwh, loc, val, unite, src, lic)
}
# Values must not carry the separator: ";" becomes ",".
function clean(s) { gsub(/;/, ",", s); gsub(/\r/, "", s); return s }
'

# =============================================================================
# 1. ADEME end-user devices -> characterizationFactors rows + lifespans
# =============================================================================
# ademe/ademe_acv_numerique_devices.csv, rows with version=v2.2.0_current:
#   FABRICATION  = manufacturing_kgco2e      (kg CO2 eq per device)
#   DISTRIBUTION = distribution_kgco2e
#   FIN_DE_VIE   = end_of_life_kgco2e
#   consoElecMoyenne = annual_kwh (= active_power_w x hours_per_day x 365 / 1000)
#   lifespan (itemTypes) = lifespan_years
# No UTILISATION row: numeco computes use as kWh x mix of the country.
# Mapping: device_fr (row key) | item name | French description.
cat >"$TMP/ademe_map" <<'EOF'
smartphone|ademe-smartphone|Smartphone, configuration moyenne ADEME (écran 6,6 pouces LCD/OLED, 7,3 Go de RAM, 180 Go de stockage)
tablette|ademe-tablette|Tablette, configuration moyenne ADEME (écran 10,4 pouces LCD, 4 Go de RAM, 121 Go de stockage)
ordinateur portable|ademe-ordinateur-portable|Ordinateur portable, configuration moyenne ADEME (écran 14,6 pouces, 11 Go de RAM, SSD 497 Go)
TV|ademe-television|Téléviseur, taille et technologie moyennes (48 pouces, LCD/OLED), usage domestique
ordinateur fixe|ademe-ordinateur-fixe-particulier|Ordinateur fixe sans écran, usage particulier (10 Go de RAM, HDD 1173 Go, SSD 442 Go)
ordinateur fixe pro|ademe-ordinateur-fixe-pro|Ordinateur fixe sans écran, usage professionnel (8 Go de RAM, HDD 1000 Go, SSD 256 Go, carte graphique séparée)
écran|ademe-ecran|Écran d'ordinateur, taille et technologie moyennes (24 pouces, LCD à 98,6 %)
casque de réalité virtuelle|ademe-casque-realite-virtuelle|Casque de réalité virtuelle (moyenne LCD et OLED)
manette casque de réalité virtuelle|ademe-manette-realite-virtuelle|Manette de casque de réalité virtuelle
enceinte|ademe-enceinte-connectee|Enceinte connectée ou Bluetooth (chiffres antérieurs à la Base Empreinte v2.0.0)
console de salon|ademe-console-salon|Console de jeu de salon (chiffres antérieurs à la Base Empreinte v2.0.0)
console portable|ademe-console-portable|Console de jeu portable (chiffres antérieurs à la Base Empreinte v2.0.0)
imprimante|ademe-imprimante|Imprimante domestique (chiffres antérieurs à la Base Empreinte v2.0.0, non représentative des copieurs multifonctions)
chargeur ordinateur|ademe-chargeur-ordinateur|Chargeur (alimentation externe) d'ordinateur portable, consommation comptée avec l'ordinateur
chargeur smartphone|ademe-chargeur-smartphone|Chargeur (alimentation externe) de smartphone ou tablette, consommation comptée avec l'appareil
clé USB|ademe-cle-usb|Clé USB, capacité moyenne 59 Go
disque dur externe|ademe-disque-dur-externe|Disque dur externe (HDD), capacité moyenne 1700 Go
SSD externe|ademe-ssd-externe|SSD externe, capacité moyenne 870 Go
box|ademe-box-internet|Box internet (modem-routeur xDSL ou fibre), usage particulier et professionnel
videoprojecteur|ademe-videoprojecteur|Vidéoprojecteur ou rétroprojecteur (données du service SONUM de l'ADEME)
EOF

awk -v version="$ADEME_VERSION" -v origin="$ADEME_ORIGIN" -v lic="$LIC_ADEME" \
	-v cfout="$TMP/cf_ademe" -v lifeout="$TMP/life_ademe" "$AWKLIB"'
FNR == 1 { file++ }
file == 1 { split($0, m, "|"); item[m[1]] = m[2]; desc[m[1]] = m[3]; order[++nmap] = m[1]; next }
FNR == 1 { n = csvsplit($0, h); header(h, n, col); next }
{
	sub(/\r$/, "")
	csvsplit($0, a)
	if (a[col["version"]] != version) next
	d = a[col["device_fr"]]
	if (!(d in item)) { printf "warning: ADEME device \"%s\" has no mapping: skipped\n", d > "/dev/stderr"; next }
	seen[d] = 1
	it = item[d]
	key = "shared file ademe/ademe_acv_numerique_devices.csv version=" version " device_fr=" d
	kwh = a[col["annual_kwh"]]
	if (kwh == "") {
		# Chargers: ADEME gives no use figure, their losses are in the
		# consumption of the device they power.
		kwh = 0
		kwhsrc = "consoElecMoyenne=0 because ADEME counts the charger use in the device it powers"
	} else
		kwhsrc = "consoElecMoyenne = column annual_kwh = active_power_w " a[col["active_power_w"]] " W x hours_per_day " a[col["hours_per_day"]] " h x 365 / 1000"
	kwh = fmt(kwh)
	split("FABRICATION DISTRIBUTION FIN_DE_VIE", ph, " ")
	split("manufacturing_kgco2e distribution_kgco2e end_of_life_kgco2e", cn, " ")
	for (i = 1; i <= 3; i++) {
		v = a[col[cn[i]]]
		if (v == "") { printf "error: %s: empty %s\n", d, cn[i] > "/dev/stderr"; bad = 1; continue }
		print cf(it, ph[i], clean(desc[d]), "2-Equipement", "End-user/Terminals", "Terminal", kwh, "", fmt(v), "Item",
		   clean(origin ", " key ", column " cn[i] " (kg CO2 eq per device). " kwhsrc), lic) > cfout
	}
	if (a[col["lifespan_years"]] != "")
		printf "%s|%s|%s|%s\n", it, fmt(a[col["lifespan_years"]]), clean(origin ", " key ", column lifespan_years"), lic > lifeout
}
END {
	for (i = 1; i <= nmap; i++) if (!(order[i] in seen)) { printf "error: ADEME device \"%s\" not found in version %s\n", order[i], version > "/dev/stderr"; bad = 1 }
	exit bad
}' "$TMP/ademe_map" "$ADEME_DEVICES" || die "ADEME devices: see errors above"

# =============================================================================
# 2. Servers, storage and thin clients: medians of the Boavizta PCF database
# =============================================================================
# boavizta/environmental-footprint-data/boavizta-data-us.csv (1 row per
# product; gwp_total in kg CO2 eq over the life cycle, *_ratio shares 0-1,
# yearly_tec in kWh/yr, lifetime in years). For each family:
#   FABRICATION      = median of gwp_total x gwp_manufacturing_ratio
#   DISTRIBUTION     = median of gwp_total x gwp_transport_ratio, over the
#                      family rows giving it (servers: over every
#                      subcategory=Server row giving it, since the Dell rows
#                      that carry server_type give no transport ratio)
#   FIN_DE_VIE       = median of gwp_total x gwp_eol_ratio, same rule
#   consoElecMoyenne = median of yearly_tec
# Storage bay (subcategory=SAN/NAS): the one product gives no manufacturing
# ratio, so FABRICATION = gwp_total x (1 - gwp_use_ratio), every non-use
# phase together, and DISTRIBUTION = FIN_DE_VIE = 0 (already included).
awk -v origin="$PCF_ORIGIN" -v lic="$LIC_PCF" -v cfout="$TMP/cf_pcf" \
	-v lifeout="$TMP/life_pcf" -v matchout="$TMP/match" "$AWKLIB"'
function family(    sub_, st) {
	sub_ = tolower(a[col["subcategory"]]); st = tolower(a[col["server_type"]])
	if (sub_ == "server" && st == "rack") return "rack"
	if (sub_ == "server" && st == "blade") return "blade"
	if (sub_ == "server" && st == "tower") return "tower"
	if (sub_ == "thin client") return "thin"
	if (sub_ == "san/nas") return "storage"
	return ""
}
function push(arr, cnt, k, v) { arr[k, ++cnt[k]] = v + 0 }
# Median of the values pushed under key k (copied out, as median sorts).
function med(arr, cnt, k,    i, v) { for (i = 1; i <= cnt[k]; i++) v[i] = arr[k, i]; return median(v, cnt[k]) }
function num(c) { return a[col[c]] != "" }
NR == 1 {
	ncol = csvsplit($0, h); header(h, ncol, col)
	# family | item | French description | criterion of selection
	split("rack|blade|tower|thin|storage", fams, "|")
	item["rack"] = "boavizta-serveur-rack"; sel["rack"] = "subcategory=Server and server_type=Rack"
	desc["rack"] = "Serveur rack, valeur médiane des fiches PCF constructeur de la base Boavizta"
	item["blade"] = "boavizta-serveur-lame"; sel["blade"] = "subcategory=Server and server_type=Blade"
	desc["blade"] = "Serveur lame (hors châssis), valeur médiane des fiches PCF constructeur de la base Boavizta"
	item["tower"] = "boavizta-serveur-tour"; sel["tower"] = "subcategory=Server and server_type=Tower"
	desc["tower"] = "Serveur tour, valeur médiane des fiches PCF constructeur de la base Boavizta"
	item["thin"] = "boavizta-client-leger"; sel["thin"] = "subcategory=Thin Client or Thin client"
	desc["thin"] = "Client léger (sans écran), valeur médiane des fiches PCF constructeur de la base Boavizta"
	item["storage"] = "boavizta-baie-stockage"; sel["storage"] = "subcategory=SAN/NAS"
	desc["storage"] = "Baie de stockage (SAN/NAS), un seul produit dans la base Boavizta : ordre de grandeur"
	next
}
{
	sub(/\r$/, "")
	if ((n = csvsplit($0, a)) != ncol) { printf "error: %s line %d: %d fields, %d expected\n", FILENAME, NR, n, ncol > "/dev/stderr"; bad = 1; next }
	gwp = a[col["gwp_total"]] + 0
	if (tolower(a[col["subcategory"]]) == "server") {
		if (num("gwp_transport_ratio")) push(V, C, "server_tr", gwp * a[col["gwp_transport_ratio"]])
		if (num("gwp_eol_ratio")) push(V, C, "server_eol", gwp * a[col["gwp_eol_ratio"]])
	}
	f = family()
	if (f == "") next
	rows[f]++
	if (num("gwp_manufacturing_ratio")) push(V, C, f "_mfg", gwp * a[col["gwp_manufacturing_ratio"]])
	if (f == "storage" && num("gwp_use_ratio")) push(V, C, f "_mfg", gwp * (1 - a[col["gwp_use_ratio"]]))
	if (num("gwp_transport_ratio")) push(V, C, f "_tr", gwp * a[col["gwp_transport_ratio"]])
	if (num("gwp_eol_ratio")) push(V, C, f "_eol", gwp * a[col["gwp_eol_ratio"]])
	if (num("yearly_tec")) push(V, C, f "_tec", a[col["yearly_tec"]])
	if (num("lifetime")) push(V, C, f "_life", a[col["lifetime"]])
	# Model -> item matching, for the products whose family is known
	# (not the single storage product: one product is no category).
	if (f != "storage") {
		m = a[col["name"]]; mm = a[col["manufacturer"]] " " m
		srcm = "Boavizta PCF boavizta-data-us.csv row manufacturer=" a[col["manufacturer"]] " name=" m " (" sel[f] "): model mapped to the family median item"
		if (!(m in done)) { done[m] = 1; printf "%s;%s;;%s;%s\n", m, item[f], clean(srcm), lic > matchout }
		if (!(mm in done)) { done[mm] = 1; printf "%s;%s;;%s;%s\n", mm, item[f], clean(srcm), lic > matchout }
	}
}
END {
	for (i = 1; i <= 5; i++) {
		f = fams[i]; it = item[f]
		if (!C[f "_mfg"] || !C[f "_tec"]) { printf "error: no PCF data for %s (%s)\n", it, sel[f] > "/dev/stderr"; bad = 1; continue }
		base = origin ", rows " sel[f] " (" rows[f] " products)"
		tec = fmt(med(V, C, f "_tec"))
		tecsrc = "consoElecMoyenne = median of yearly_tec over " C[f "_tec"] " products"
		if (f == "storage") {
			mfgsrc = base ", FABRICATION = gwp_total x (1 - gwp_use_ratio) over " C[f "_mfg"] " product(s): all non-use phases together (no manufacturing ratio given)"
			tr = 0; eol = 0
			trsrc = base ", DISTRIBUTION = 0: included in FABRICATION (the source gives only the non-use share)"
			eolsrc = base ", FIN_DE_VIE = 0: included in FABRICATION (the source gives only the non-use share)"
		} else {
			mfgsrc = base ", FABRICATION = median of gwp_total x gwp_manufacturing_ratio over " C[f "_mfg"] " products"
			k = (f == "thin") ? f : "server"
			scope = (f == "thin") ? sel[f] : "subcategory=Server"
			if (!C[k "_tr"] || !C[k "_eol"]) { printf "error: no transport/end-of-life ratio for %s\n", it > "/dev/stderr"; bad = 1; continue }
			tr = med(V, C, k "_tr"); eol = med(V, C, k "_eol")
			trsrc = origin ", DISTRIBUTION = median of gwp_total x gwp_transport_ratio over the " C[k "_tr"] " rows " scope " giving it"
			eolsrc = origin ", FIN_DE_VIE = median of gwp_total x gwp_eol_ratio over the " C[k "_eol"] " rows " scope " giving it"
		}
		cat = (f == "thin") ? "Terminal" : "IT equipment"
		tiers = (f == "thin") ? "End-user/Terminals" : "Datacenter"
		print cf(it, "FABRICATION", desc[f], "2-Equipement", tiers, cat, tec, "", fmt(med(V, C, f "_mfg")), "Item", clean(mfgsrc ". " tecsrc), lic) > cfout
		print cf(it, "DISTRIBUTION", desc[f], "2-Equipement", tiers, cat, tec, "", fmt(tr), "Item", clean(trsrc ". " tecsrc), lic) > cfout
		print cf(it, "FIN_DE_VIE", desc[f], "2-Equipement", tiers, cat, tec, "", fmt(eol), "Item", clean(eolsrc ". " tecsrc), lic) > cfout
		# Thin clients: lifespan = median PCF lifetime (servers: see 3.)
		if (f == "thin")
			printf "%s|%s|%s|%s\n", it, fmt(med(V, C, f "_life")), clean(base ", median of column lifetime over " C[f "_life"] " products (manufacturer assumption)"), lic > lifeout
	}
	exit bad
}' "$PCF" || die "Boavizta PCF: see errors above"

# =============================================================================
# 3. Server and storage lifespan: BoaviztAPI generic platform archetypes
# =============================================================================
# boavizta/boaviztapi/archetypes/server.csv: median of USAGE.hours_life_time
# over the 12 generic platform_{compute,memory,ssdstorage,hddstorage}_{low,
# medium,high} archetypes, / 8760 h -> years. (The PCF rows give the same 4
# years. The platform_aws_* archetypes, 6 years, describe cloud hosts.)
awk -v origin="$BZ_ORIGIN" -v lic="$LIC_BZ" "$AWKLIB"'
NR == 1 { n = csvsplit($0, h); header(h, n, col); next }
{
	sub(/\r$/, ""); csvsplit($0, a)
	if (a[col["id"]] !~ /^platform_(compute|memory|ssdstorage|hddstorage)_(low|medium|high)$/) next
	split(a[col["USAGE.hours_life_time"]], hrs, ";") # "default;min;max" or a single value
	v[++cnt] = hrs[1] + 0
}
END {
	if (!cnt) { print "error: no generic platform archetype in server.csv" > "/dev/stderr"; exit 1 }
	y = fmt(median(v, cnt) / 8760)
	src = origin ", median of USAGE.hours_life_time over the " cnt " generic platform_{compute,memory,ssdstorage,hddstorage}_{low,medium,high} archetypes / 8760 h"
	split("boavizta-serveur-rack boavizta-serveur-lame boavizta-serveur-tour boavizta-baie-stockage", it, " ")
	for (i = 1; i <= 4; i++) printf "%s|%s|%s|%s\n", it[i], y, clean(src), lic
}' "$BZ_SERVER" >"$TMP/life_bz" || die "BoaviztAPI archetypes: see errors above"

# =============================================================================
# 4. Electricity mixes (kg CO2 eq per kWh), one row per country
# =============================================================================
# France: the latest year of "Electricité YYYY - mix moyen - consommation" in
#   electricity/ademe_base_empreinte_france_mix_history.csv (column
#   value_kgco2e_per_kwh). ADEME Base Empreinte, life-cycle, consumption mix.
# Every other country: Ember latest year, electricity/ember_average_intensities_co2js.csv,
#   column emissions_intensity_gco2_per_kwh / 1000, joined on country_code (ISO3).
# "Non spécifié" (NumEcoEval's name for an unknown country): Ember "World".
# Country list: ISO2 | ISO3 | name as NumEcoEval/G4IT inventories write it
# (the 137 countries of the NumEcoEval referential), then French overseas
# territories that Ember covers (names as Ember writes them; their grids are
# not the mainland one). A country Ember does not cover is skipped (warning).
cat >"$TMP/countries" <<'EOF'
AE|ARE|United Arab Emirates
AL|ALB|Albania
AM|ARM|Armenia
AN|ANT|Netherlands Antilles
AO|AGO|Angola
AR|ARG|Argentina
AT|AUT|Austria
AU|AUS|Australia
AZ|AZE|Azerbaijan
BA|BIH|Bosnia and Herzegovina
BD|BGD|Bangladesh
BE|BEL|Belgium
BG|BGR|Bulgaria
BH|BHR|Bahrain
BJ|BEN|Benin
BN|BRN|Brunei Darussalam
BO|BOL|Bolivia
BR|BRA|Brazil
BW|BWA|Botswana
BY|BLR|Belarus
CA|CAN|Canada
CD|COD|Congo The Democratic Republic Of The
CG|COG|Congo
CH|CHE|Switzerland
CI|CIV|Cote Divoire
CL|CHL|Chile
CM|CMR|Cameroon
CN|CHN|China
CO|COL|Colombia
CR|CRI|Costa Rica
CU|CUB|Cuba
CY|CYP|Cyprus
CZ|CZE|Czech Republic
DE|DEU|Germany
DK|DNK|Denmark
DO|DOM|Dominican Republic
DZ|DZA|Algeria
EC|ECU|Ecuador
EE|EST|Estonia
EG|EGY|Egypt
ER|ERI|Eritrea
ES|ESP|Spain
ET|ETH|Ethiopia
FI|FIN|Finland
FR|FRA|France
GA|GAB|Gabon
GB|GBR|United Kingdom
GE|GEO|Georgia
GH|GHA|Ghana
GI|GIB|Gibraltar
GR|GRC|Greece
GT|GTM|Guatemala
HK|HKG|Hong Kong
HN|HND|Honduras
HR|HRV|Croatia
HT|HTI|Haiti
HU|HUN|Hungary
ID|IDN|Indonesia
IE|IRL|Ireland
IL|ISR|Israel
IN|IND|India
IQ|IRQ|Iraq
IR|IRN|Iran Islamic Republic Of
IS|ISL|Iceland
IT|ITA|Italy
JM|JAM|Jamaica
JO|JOR|Jordan
JP|JPN|Japan
KE|KEN|Kenya
KG|KGZ|Kyrgyzstan
KH|KHM|Cambodia
KP|PRK|Korea Democratic Peoples Republic Of
KR|KOR|Korea Republic Of
KW|KWT|Kuwait
KZ|KAZ|Kazakhstan
LB|LBN|Lebanon
LK|LKA|Sri Lanka
LT|LTU|Lithuania
LU|LUX|Luxembourg
LV|LVA|Latvia
LY|LBY|Libyan Arab Jamahiriya
MA|MAR|Morocco
MD|MDA|Moldova Republic Of
MK|MKD|Macedonia The Former Yugoslav Republic Of
MM|MMR|Myanmar
MN|MNG|Mongolia
MT|MLT|Malta
MX|MEX|Mexico
MY|MYS|Malaysia
MZ|MOZ|Mozambique
NA|NAM|Namibia
NG|NGA|Nigeria
NI|NIC|Nicaragua
NL|NLD|Netherlands
NO|NOR|Norway
NP|NPL|Nepal
NZ|NZL|New Zealand
OM|OMN|Oman
PA|PAN|Panama
PE|PER|Peru
PH|PHL|Philippines
PK|PAK|Pakistan
PL|POL|Poland
PT|PRT|Portugal
PY|PRY|Paraguay
QA|QAT|Qatar
RO|ROU|Romania
RS|SRB|Serbia
RU|RUS|Russian Federation
SA|SAU|Saudi Arabia
SD|SDN|Sudan
SE|SWE|Sweden
SG|SGP|Singapore
SI|SVN|Slovenia
SK|SVK|Slovakia
SN|SEN|Senegal
SV|SLV|El Salvador
SY|SYR|Syrian Arab Republic
TG|TGO|Togo
TH|THA|Thailand
TJ|TJK|Tajikistan
TM|TKM|Turkmenistan
TN|TUN|Tunisia
TR|TUR|Turkey
TT|TTO|Trinidad and Tobago
TW|TWN|Taiwan Province Of China
TZ|TZA|Tanzania United Republic Of
UA|UKR|Ukraine
US|USA|United States
UY|URY|Uruguay
UZ|UZB|Uzbekistan
VE|VEN|Venezuela
VN|VNM|Vietnam
YE|YEM|Yemen
ZA|ZAF|South Africa
ZM|ZMB|Zambia
ZW|ZWE|Zimbabwe
GF|GUF|French Guiana
GP|GLP|Guadeloupe
MQ|MTQ|Martinique
NC|NCL|New Caledonia
PF|PYF|French Polynesia
PM|SPM|Saint Pierre and Miquelon
RE|REU|Reunion
EOF

awk -v ember_origin="$EMBER_ORIGIN" -v lic_ember="$LIC_EMBER" -v lic_fr="$LIC_ADEME_MIX" "$AWKLIB"'
function mix(iso2, name, v, desc, src, lic) {
	print cf("Electricity Mix " iso2, "UTILISATION", desc, "0-Base data", "", "electricity-mix", "", name, fmt(v), "kWh", clean(src), lic)
	count++
}
FNR == 1 { file++ }
file == 1 { split($0, c, "|"); iso2[++nc] = c[1]; iso3[nc] = c[2]; cname[nc] = c[3]; next }
# electricity/ademe_base_empreinte_france_mix_history.csv: keep the latest year.
file == 2 && FNR == 1 { n = csvsplit($0, h); header(h, n, fc); next }
file == 2 {
	sub(/\r$/, ""); csvsplit($0, a)
	lab = a[fc["base_empreinte_label"]]
	if (lab !~ /^Electricit.* 20[0-9][0-9] - mix moyen - consommation$/) next
	match(lab, /20[0-9][0-9]/); y = substr(lab, RSTART, 4) + 0
	if (y > fr_year) {
		fr_year = y; fr_val = a[fc["value_kgco2e_per_kwh"]]
		fr_src = "ADEME Base Empreinte " lab " (" a[fc["scope_note"]] ") via github.com/" a[fc["source_repo"]] " commit " substr(a[fc["source_commit"]], 1, 7) " " a[fc["source_path"]] ", shared file electricity/ademe_base_empreinte_france_mix_history.csv column value_kgco2e_per_kwh"
	}
	next
}
# electricity/ember_average_intensities_co2js.csv
file == 3 && FNR == 1 { n = csvsplit($0, h); header(h, n, ec); next }
file == 3 {
	sub(/\r$/, ""); csvsplit($0, a)
	k = a[ec["key"]]
	g[k] = a[ec["emissions_intensity_gco2_per_kwh"]]; yr[k] = a[ec["year"]]; en[k] = a[ec["country_or_region"]]
	next
}
function ember_src(k) {
	return ember_origin " key " k " (" en[k] ") year " yr[k] " " g[k] " gCO2e/kWh / 1000, shared file electricity/ember_average_intensities_co2js.csv"
}
END {
	if (!fr_year) { print "error: no ADEME French mix in the history file" > "/dev/stderr"; exit 1 }
	for (i = 1; i <= nc; i++) {
		if (iso3[i] == "FRA") {
			mix(iso2[i], cname[i], fr_val, "Mix électrique moyen de consommation, France métropolitaine (ADEME Base Empreinte " fr_year ")", fr_src, lic_fr)
			continue
		}
		k = iso3[i]
		if (!(k in g) || g[k] == "") { printf "warning: no Ember value for %s (%s): no mix row\n", cname[i], k > "/dev/stderr"; continue }
		mix(iso2[i], cname[i], g[k] / 1000, "Mix électrique moyen du pays, intensité carbone annuelle de la production (Ember " yr[k] ")", ember_src(k), lic_ember)
	}
	if (!("World" in g)) { print "error: no Ember World value" > "/dev/stderr"; exit 1 }
	mix("non spécifié", "Non spécifié", g["World"] / 1000, "Pays non spécifié : moyenne mondiale (Ember " yr["World"] ")", ember_src("World"), lic_ember)
	printf "%d\n", count > "/dev/stderr"
}' "$TMP/countries" "$FR_MIX" "$EMBER" >"$TMP/cf_mix" 2>"$TMP/mix_log" || { cat "$TMP/mix_log" >&2; die "electricity mixes: see errors above"; }
grep -v '^[0-9]*$' "$TMP/mix_log" >&2 || true

# =============================================================================
# 5. Write the referential files
# =============================================================================
mkdir -p "$TMP/out"
O=$TMP/out

{
	echo "nom;etapeacv;critere;description;niveau;tiers;categorie;consoElecMoyenne;localisation;valeur;unite;source;licence"
	cat "$TMP/cf_ademe" "$TMP/cf_pcf" "$TMP/cf_mix"
} >"$O/characterizationFactors.csv"

# Only the climate-change criterion: the open per-device data (ADEME
# publicodes model, Boavizta PCF) is GHG only. Label and unit as NumEcoEval.
{
	echo "nomCritere;description;unite;licence"
	echo "Climate change;Changement climatique : émissions de gaz à effet de serre sur le cycle de vie (indicateur GWP100 de la méthode Environmental Footprint);kg CO2 eq;$LIC_NONE"
} >"$O/criteria.csv"

{
	echo "code;libelle;licence"
	echo "FABRICATION;Fabrication;$LIC_NONE"
	echo "DISTRIBUTION;Distribution;$LIC_NONE"
	echo "UTILISATION;Utilisation;$LIC_NONE"
	echo "FIN_DE_VIE;Fin de vie;$LIC_NONE"
} >"$O/lifecycleSteps.csv"

# No open source in FACTORS_DIR gives these four: they are NumEcoEval's
# documented defaults, as shipped in the G4IT referential (ref_hypothesis.csv,
# source "SSG"). See docs/referentiel-ouvert.md for the discussion of each.
G4IT_HYP="NumEcoEval default as shipped in G4IT ref_hypothesis.csv (github.com/teamg4it/g4it commit 57b9a16, source column SSG) - no open source in the shared factors"
{
	echo "cle;valeur;source;description;licence"
	echo "PUEParDefaut;1.75;$G4IT_HYP;PUE appliqué aux serveurs d'un centre de données qui ne donne pas son PUE;$LIC_G4IT"
	echo "dureeVieParDefaut;2;$G4IT_HYP;Durée de vie en années quand ni l'inventaire ni le type d'équipement n'en donnent;$LIC_G4IT"
	echo "taux_utilisation_COPE;0.8;$G4IT_HYP;Part d'usage professionnel d'un équipement COPE (fourni par l'employeur, usage personnel permis);$LIC_G4IT"
	echo "taux_utilisation_BYOD;0.57;$G4IT_HYP;Part d'usage professionnel d'un équipement personnel BYOD;$LIC_G4IT"
} >"$O/hypotheses.csv"

# Item types: type | serveur | default item | comment. The default lifespan
# is the one of the default item (section 1: ADEME lifespan_years, section 2:
# PCF lifetime for thin clients, section 3: BoaviztAPI archetypes for servers
# and storage). Types without open per-device data get no item and no
# lifespan: the evaluation then reports an error unless the inventory line
# matches a model, which is better than a silent wrong value.
cat >"$TMP/types" <<'EOF'
Laptop|false|ademe-ordinateur-portable|Ordinateur portable
Ordinateur portable|false|ademe-ordinateur-portable|Ordinateur portable
Desktop|false|ademe-ordinateur-fixe-pro|Ordinateur fixe sans écran, usage professionnel
Ordinateur fixe|false|ademe-ordinateur-fixe-pro|Ordinateur fixe sans écran, usage professionnel
Monitor|false|ademe-ecran|Écran d'ordinateur
Screen|false|ademe-ecran|Écran d'ordinateur (nom de type G4IT)
Écran|false|ademe-ecran|Écran d'ordinateur
Ecran|false|ademe-ecran|Écran d'ordinateur
Smartphone|false|ademe-smartphone|Smartphone
Mobile Phone|false|ademe-smartphone|Smartphone (nom de type G4IT)
Téléphone mobile|false|ademe-smartphone|Smartphone
Tablet|false|ademe-tablette|Tablette
Tablette|false|ademe-tablette|Tablette
Printer|false|ademe-imprimante|Imprimante domestique ADEME : sous-estime les copieurs multifonctions
Imprimante|false|ademe-imprimante|Imprimante domestique ADEME : sous-estime les copieurs multifonctions
Television|false|ademe-television|Téléviseur
Télévision|false|ademe-television|Téléviseur
Video projector|false|ademe-videoprojecteur|Vidéoprojecteur
Vidéoprojecteur|false|ademe-videoprojecteur|Vidéoprojecteur
Internet box|false|ademe-box-internet|Box internet (modem-routeur)
Box internet|false|ademe-box-internet|Box internet (modem-routeur)
USB key|false|ademe-cle-usb|Clé USB
Clé USB|false|ademe-cle-usb|Clé USB
External HDD|false|ademe-disque-dur-externe|Disque dur externe
Disque dur externe|false|ademe-disque-dur-externe|Disque dur externe
External SSD|false|ademe-ssd-externe|SSD externe
SSD externe|false|ademe-ssd-externe|SSD externe
Connected speaker|false|ademe-enceinte-connectee|Enceinte connectée (nom de type G4IT)
VR headset|false|ademe-casque-realite-virtuelle|Casque de réalité virtuelle
Thin client|false|boavizta-client-leger|Client léger
Client léger|false|boavizta-client-leger|Client léger
Server|true|boavizta-serveur-rack|Serveur (serveur rack par défaut)
Serveur|true|boavizta-serveur-rack|Serveur (serveur rack par défaut)
Dedicated Server|true|boavizta-serveur-rack|Serveur dédié (type G4IT, serveur rack par défaut)
Shared Server|true|boavizta-serveur-rack|Serveur partagé (type G4IT, serveur rack par défaut)
Rack Server|true|boavizta-serveur-rack|Serveur rack
Serveur rack|true|boavizta-serveur-rack|Serveur rack
Blade Server|true|boavizta-serveur-lame|Serveur lame
Serveur lame|true|boavizta-serveur-lame|Serveur lame
Tower Server|true|boavizta-serveur-tour|Serveur tour
Serveur tour|true|boavizta-serveur-tour|Serveur tour
Storage|true|boavizta-baie-stockage|Baie de stockage (un seul produit source : ordre de grandeur)
Storage Bay|true|boavizta-baie-stockage|Baie de stockage (un seul produit source : ordre de grandeur)
Baie de stockage|true|boavizta-baie-stockage|Baie de stockage (un seul produit source : ordre de grandeur)
Switch|false||Aucune donnée ouverte par équipement : renseigner le modèle (table de correspondance) et consoElecAnnuelle
Commutateur|false||Aucune donnée ouverte par équipement : renseigner le modèle (table de correspondance) et consoElecAnnuelle
Router|false||Aucune donnée ouverte par équipement : renseigner le modèle (table de correspondance) et consoElecAnnuelle
Routeur|false||Aucune donnée ouverte par équipement : renseigner le modèle (table de correspondance) et consoElecAnnuelle
Firewall|false||Aucune donnée ouverte par équipement : renseigner le modèle (table de correspondance) et consoElecAnnuelle
Pare-feu|false||Aucune donnée ouverte par équipement : renseigner le modèle (table de correspondance) et consoElecAnnuelle
EOF

cat "$TMP/life_ademe" "$TMP/life_pcf" "$TMP/life_bz" >"$TMP/life"
awk -v cfile="$O/characterizationFactors.csv" '
BEGIN { FS = "|"; while ((getline l < cfile) > 0) { split(l, x, ";"); known[x[1]] = 1 } }
FNR == 1 { file++ }
file == 1 { life[$1] = $2; lsrc[$1] = $3; llic[$1] = $4; next }
{
	if ($3 != "" && !($3 in known)) { printf "error: type %s: unknown item %s\n", $1, $3 > "/dev/stderr"; bad = 1 }
	if ($3 != "" && !($3 in life)) { printf "error: type %s: no lifespan for %s\n", $1, $3 > "/dev/stderr"; bad = 1 }
	src = $3 == "" ? "" : "default lifespan of " $3 ": " lsrc[$3]
	lic = $3 == "" ? "n/a (no value)" : llic[$3]
	printf "%s;EquipementPhysique;%s;%s;%s;;%s;%s;%s\n", $1, $2, $4, life[$3], src, $3, lic
}
END { exit bad }' "$TMP/life" "$TMP/types" >"$TMP/types.csv" || die "item types: see errors above"
{
	echo "type;categorie;serveur;commentaire;dureeVieDefaut;refHypothese;source;refItemParDefaut;licence"
	cat "$TMP/types.csv"
} >"$O/itemTypes.csv"

# Model -> item: server and thin-client models of the PCF database (section 2),
# with and without the manufacturer name, sorted for stable diffs.
{
	echo "modeleEquipementSource;refEquipementCible;nomOrganisation;source;licence"
	sort -t ';' -k1,1 "$TMP/match"
} >"$O/equipmentRefMatching.csv"

# =============================================================================
# 6. Shape checks, then install
# =============================================================================
for f in "$O"/*.csv; do
	awk -F ';' -v f="$(basename "$f")" '
	NR == 1 { n = NF; if (substr($0, 1, 3) == "\357\273\277") { print f ": BOM" > "/dev/stderr"; bad = 1 } }
	/\r/ { printf "%s:%d: CR\n", f, NR > "/dev/stderr"; bad = 1 }
	/"/ { printf "%s:%d: quote character\n", f, NR > "/dev/stderr"; bad = 1 }
	NF != n { printf "%s:%d: %d fields, %d in the header\n", f, NR, NF, n > "/dev/stderr"; bad = 1 }
	END { exit bad }' "$f" || die "shape check failed for $f"
done
# Decimal point, no comma, no exponent in the numeric columns of the factors.
awk -F ';' 'NR > 1 && ($10 !~ /^-?[0-9]+(\.[0-9]+)?$/ || ($8 != "" && $8 !~ /^[0-9]+(\.[0-9]+)?$/)) {
	printf "characterizationFactors.csv:%d: bad number\n", NR > "/dev/stderr"; bad = 1 } END { exit bad }' \
	"$O/characterizationFactors.csv" || die "number check failed"

mkdir -p "$OUT"
for f in characterizationFactors criteria lifecycleSteps hypotheses itemTypes equipmentRefMatching; do
	mv "$O/$f.csv" "$OUT/$f.csv"
done

items=$(awk -F ';' 'NR > 1 && $7 != "electricity-mix" { print $1 }' "$OUT/characterizationFactors.csv" | sort -u | wc -l)
mixes=$(awk -F ';' 'NR > 1 && $7 == "electricity-mix"' "$OUT/characterizationFactors.csv" | wc -l)
types=$(($(wc -l <"$OUT/itemTypes.csv") - 1))
models=$(($(wc -l <"$OUT/equipmentRefMatching.csv") - 1))
echo "build-open-referential: wrote $OUT: $items reference items, $mixes electricity mixes, $types item types, $models model matches"
