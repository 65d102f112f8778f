#!/usr/bin/env bash
# gen-indicateurs.sh [OUT]: writes the synthetic values of the common
# indicators of the demo (docs/formats/indicators.md) for the 11 demo
# ministries and the years 2021–2024, to OUT (default:
# data/demo/indicateurs/valeurs-2021-2024.csv). Synthetic: no real data of
# any ministry. Deterministic: a fixed-seed generator (Park-Miller, in bash
# arithmetic, no awk rand(), no locale), so running it again gives the same
# bytes. Only the indicators people enter are written; numeco computes the
# others (share of actions realised, key actions, workstations and fleet
# footprint) from the roadmaps and the stored footprint evaluations.
# scripts/load-demo.sh imports the committed file; re-run this only after
# changing it, and commit what it writes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/indicateurs/valeurs-2021-2024.csv}
export LC_ALL=C

state=20240101
rnd() { # rnd LO HI: R = an integer in [LO, HI]
	state=$((state * 48271 % 2147483647))
	R=$(($1 + state % ($2 - $1 + 1)))
}
grow() { # grow VALUE LO% HI% CAP: R = VALUE × [LO, HI] %, at most CAP
	local v=$1
	rnd "$2" "$3"
	R=$((v * R / 100))
	[ "$R" -le "$4" ] || R=$4
}
dec() { # dec N DIGITS: D = N / 10^DIGITS written with a decimal comma
	local n=$1 p=$((10 ** $2))
	printf -v D '%d,%0*d' $((n / p)) "$2" $((n % p))
	D=${D%%,0} D=${D%%,00}
}

# The 11 ministries of data/demo/organisations.csv and their number of
# agents (orders of magnitude only).
ministries=(MIN-ARMEES MIN-ECO MIN-INT MIN-JUST MIN-EDUC MIN-TE MIN-SANTE MIN-AGRI MIN-CULT
	MIN-EUROPE MIN-TRAV)
agents0=(265000 125000 300000 92000 1050000 38000 11000 30000 11500 14000 9500)
# Ministries that have not reported 2024 yet, and one that reported only part of it.
late2024=" MIN-SANTE MIN-CULT MIN-TRAV "
partial2024=MIN-JUST

lines=()
row() { # row MIN YEAR CODE VALUE [COMMENT [SOURCE]]
	lines+=("$1;$2;$3;$4;${5:-};${6:-}")
}

for m in "${!ministries[@]}"; do
	min=${ministries[$m]}
	base=${agents0[$m]}
	# Starting points (2021); shares and decimals in tenths, the PUE in hundredths.
	rnd 20 50
	formed=$R
	rnd 30 120
	recond=$R
	rnd 150 350
	clauses=$R
	rnd 400 700
	ecolabel=$R
	rnd 0 3
	rgesn=$R
	rnd 20 100
	declared=$R
	rnd 1200 3500
	page_ko=$R
	rnd 30 80
	dc_mwh=$((base * R / 1000))
	rnd 170 220
	pue=$R
	rnd 4000 9000
	rooms=$((base / R + 2))
	rnd 40 52
	lifespan=$R
	rnd 2500 5500
	pages=$R
	rnd 80 220
	reuse=$R
	rnd 600 850
	deee=$R
	for year in 2021 2022 2023 2024; do
		if [ "$year" = 2024 ] && [[ $late2024 == *" $min "* ]]; then
			continue
		fi
		if [ "$year" != 2021 ]; then
			grow "$formed" 140 190 600
			formed=$R
			grow "$recond" 115 190 900
			recond=$R
			grow "$clauses" 110 150 1000
			clauses=$R
			grow "$ecolabel" 100 110 1000
			ecolabel=$R
			if [ "$rgesn" -eq 0 ]; then
				rnd 1 3
			else
				rnd 1 "$rgesn"
				R=$((rgesn + R))
			fi
			rgesn=$R
			grow "$declared" 120 190 800
			declared=$R
			grow "$page_ko" 80 95 100000
			page_ko=$R
			grow "$dc_mwh" 92 99 100000000
			dc_mwh=$R
			rnd 2 8
			pue=$((pue - R < 130 ? 130 : pue - R))
			rnd 0 2
			rooms=$((rooms - R < 1 ? 1 : rooms - R))
			rnd 0 4
			lifespan=$((lifespan + R))
			grow "$pages" 85 96 50000
			pages=$R
			grow "$reuse" 115 170 900
			reuse=$R
			grow "$deee" 100 108 1000
			deee=$R
		fi
		rnd 990 1010
		agents=$((base * R / 1000))
		ref=1
		if [ "$year" = 2021 ] && { [ "$min" = MIN-CULT ] || [ "$min" = MIN-TRAV ]; }; then
			ref=0
		fi
		row "$min" "$year" referent_designe "$ref"
		row "$min" "$year" agents "$agents" "" "Bilan social $year"
		row "$min" "$year" agents_formes $((agents * formed / 1000))
		dec "$formed" 1
		row "$min" "$year" part_agents_formes "$D"
		rnd 45 75
		row "$min" "$year" postes_achetes $((agents * R / 1000))
		dec "$recond" 1
		row "$min" "$year" part_achats_reconditionnes "$D"
		dec "$clauses" 1
		row "$min" "$year" part_marches_clauses_env "$D"
		dec "$ecolabel" 1
		row "$min" "$year" part_achats_ecolabel "$D"
		partial=$([ "$year" = 2024 ] && [ "$min" = "$partial2024" ] && echo 1 || echo 0)
		if [ "$partial" = 0 ]; then
			row "$min" "$year" services_evalues_rgesn "$rgesn"
			dec "$declared" 1
			row "$min" "$year" part_services_declaration "$D"
			row "$min" "$year" poids_pages_accueil "$page_ko"
		fi
		row "$min" "$year" conso_electrique_it_dc "$dc_mwh" "" "Relevés des compteurs"
		dec "$pue" 2
		row "$min" "$year" pue_moyen "$D" "" "Relevés des compteurs"
		if [ "$min" = MIN-INT ] && [ "$year" = 2023 ]; then
			# The one jump of the data set (÷4): confirmed by a comment.
			rooms=$((rooms / 4))
			row "$min" "$year" salles_serveurs "$rooms" \
				"Fermeture de salles après la migration vers le centre de données mutualisé"
		else
			row "$min" "$year" salles_serveurs "$rooms"
		fi
		dec "$lifespan" 1
		row "$min" "$year" duree_vie_postes "$D"
		rnd 18 30
		row "$min" "$year" conso_electrique_si $((dc_mwh * R / 10))
		row "$min" "$year" pages_imprimees_agent "$pages"
		if [ "$partial" = 0 ]; then
			rnd 50 90
			row "$min" "$year" equipements_reformes $((agents * R / 1000))
			dec "$reuse" 1
			row "$min" "$year" part_reemploi_reformes "$D"
			dec "$deee" 1
			row "$min" "$year" taux_collecte_deee "$D"
		fi
	done
done

mkdir -p "$(dirname "$out")"
{
	printf '\xef\xbb\xbfMinistère;Année;Indicateur;Valeur;Commentaire;Source\r\n'
	printf '%s\r\n' "${lines[@]}"
} >"$out"
echo "${#lines[@]} valeurs écrites dans $out"
