# evaluations.sh: the RGESN part of the demo (synthetic): 16 digital
# services of five ministries, their ecodesign assessments in 2025 (several
# over time for some, one quick self-diagnosis turned into a complete
# assessment, one diagnosis left as it is) and two published declarations.
# Replayed by scripts/load-demo.sh through the real CLI, as the real people
# of ../personnes.csv, with the clock pinned to each step's day, so the
# audit log and the dates read the same on every run.
# Expects $nc to run numeco on the demo database.
# shellcheck shell=bash disable=SC2154

# at DAY PERSON COMMAND…: runs numeco as PERSON, on DAY (09:30 UTC).
at() {
	local day=$1 as=$2
	shift 2
	NUMECO_NOW="${day}T09:30:00Z" $nc --as "$as" "$@"
}

# answers DAY PERSON ASSESSMENT "CONFORMES" "NON CONFORMES" [CSV LINES…]:
# imports answers (criterion ids, then full lines Critère;Réponse;
# Justification;Date prévue;Note for the others).
answers() {
	local day=$1 as=$2 id=$3 yes=$4 no=$5 k
	shift 5
	{
		echo "Critère;Réponse;Justification;Date prévue;Note"
		for k in $yes; do echo "$k;Conforme;;;"; done
		for k in $no; do echo "$k;Non conforme;;;"; done
		if [ $# -gt 0 ]; then printf '%s\n' "$@"; fi
	} | at "$day" "$as" assessment import "$id" -
}

# new DAY PERSON SERVICE [OPTIONS…]: starts an assessment; sets $id.
new() {
	local day=$1 as=$2 svc=$3
	shift 3
	id=$(at "$day" "$as" assessment new "$svc" --date "$day" "$@")
}

eco=emilie.benali@finances.exemple.gouv.fr eco_dnum=emilie.bertrand@finances.exemple.gouv.fr
int=sandrine.bonnet@interieur.exemple.gouv.fr int_dnum=chloe.robin@interieur.exemple.gouv.fr
educ=emilie.garnier@education.exemple.gouv.fr educ_dnum=nicolas.clement@education.exemple.gouv.fr
te=laure.bernard@ecologie.exemple.gouv.fr te_dnum=agnes.henry@ecologie.exemple.gouv.fr
te_dcom=anais.leroy@ecologie.exemple.gouv.fr
cult=sophie.fontaine@culture.exemple.gouv.fr cult_snum=thomas.michel@culture.exemple.gouv.fr

# ---- the register, by each ministry's référent (6 January 2025)
svc() { # svc PERSON ORG CODE NAME DIRECTION AUDIENCE STATUS URL
	at 2025-01-06 "$1" service add --org "$2" --code "$3" --name "$4" --direction "$5" \
		--audience "$6" --status "$7" --url "$8" --contact "numerique@${1#*@}"
}
svc "$eco" MIN-ECO ECO-IMPOTS "Espace particulier des impôts" MIN-ECO-DNUM particuliers \
	en_production https://impots.exemple.gouv.fr
svc "$eco" MIN-ECO ECO-DOUANE "Dédouanement en ligne" MIN-ECO-DNUM entreprises en_production \
	https://douane.exemple.gouv.fr
svc "$eco" MIN-ECO ECO-MARCHES "Place des marchés publics" MIN-ECO-DA entreprises en_production \
	https://marches.exemple.gouv.fr
svc "$eco" MIN-ECO ECO-INTRANET "Intranet des agents" MIN-ECO-SG agents en_production \
	https://intranet.finances.exemple.gouv.fr
svc "$int" MIN-INT INT-TITRES "Demande de titres en ligne" MIN-INT-DNUM particuliers \
	en_production https://titres.interieur.exemple.gouv.fr
svc "$int" MIN-INT INT-PLAINTE "Pré-plainte en ligne" MIN-INT-DNUM particuliers en_production \
	https://plainte.interieur.exemple.gouv.fr
svc "$int" MIN-INT INT-CATALOGUE "Catalogue des achats" MIN-INT-DA agents en_projet \
	https://achats.interieur.exemple.gouv.fr
svc "$educ" MIN-EDUC EDUC-ENT "Espace numérique de travail" MIN-EDUC-DNUM "élèves et familles" \
	en_production https://ent.education.exemple.gouv.fr
svc "$educ" MIN-EDUC EDUC-BOURSES "Demande de bourses" MIN-EDUC-DAF familles en_production \
	https://bourses.education.exemple.gouv.fr
svc "$educ" MIN-EDUC EDUC-CONCOURS "Inscription aux concours" MIN-EDUC-DRH candidats \
	en_production https://concours.education.exemple.gouv.fr
svc "$te" MIN-TE TE-RISQUES "Carte des risques naturels" MIN-TE-DNUM public en_production \
	https://risques.ecologie.exemple.gouv.fr
svc "$te" MIN-TE TE-RENOVATION "Aides à la rénovation" MIN-TE-DNUM particuliers en_production \
	https://renovation.ecologie.exemple.gouv.fr
svc "$te" MIN-TE TE-SITE "Site du ministère" MIN-TE-DCOM public en_production \
	https://www.ecologie.exemple.gouv.fr
svc "$cult" MIN-CULT CULT-PATRIMOINE "Base du patrimoine" MIN-CULT-SNUM public en_production \
	https://patrimoine.culture.exemple.gouv.fr
svc "$cult" MIN-CULT CULT-BILLETTERIE "Billetterie des musées" MIN-CULT-SNUM public en_projet \
	https://billetterie.culture.exemple.gouv.fr
svc "$cult" MIN-CULT CULT-ARCHIVES "Archives en ligne" MIN-CULT-SNUM public retire \
	https://archives.culture.exemple.gouv.fr

# Criteria that do not apply to a service without machine learning or
# blockchain, with their justification.
no_ai=("9.1;Non applicable;Le service n'utilise pas d'apprentissage automatique;;"
	"9.2;Non applicable;Le service n'utilise pas d'apprentissage automatique;;"
	"9.3;Non applicable;Le service n'utilise pas d'apprentissage automatique;;"
	"9.4;Non applicable;Le service n'utilise pas d'apprentissage automatique;;"
	"9.5;Non applicable;Le service n'utilise pas d'apprentissage automatique;;"
	"9.6;Non applicable;Le service n'utilise pas d'apprentissage automatique;;"
	"9.7;Non applicable;Le service n'utilise pas d'apprentissage automatique;;")
no_chain="7.4;Non applicable;Pas de chaîne de blocs;;"
no_video="5.3;Non applicable;Le service ne diffuse pas de vidéo;;"
no_video2="5.4;Non applicable;Le service ne diffuse pas de vidéo;;"
no_video3="5.5;Non applicable;Le service ne diffuse pas de vidéo;;"

# ---- ECO-IMPOTS: three assessments through the year, the last published
new 2025-01-20 "$eco_dnum" ECO-IMPOTS
answers 2025-01-20 "$eco_dnum" "$id" "1.2 1.9 2.1 2.5 3.4 3.5 6.3 8.1 8.2" \
	"1.1 1.3 1.4 1.5 2.2 2.4 2.7 4.1 4.2 5.1 5.2 6.1 6.4 6.5 7.2" \
	"$no_chain" "$no_video" "$no_video2" "$no_video3" "${no_ai[@]}" \
	"4.3;Non conforme;;;Sept écrans pour une déclaration simple"
new 2025-06-16 "$eco_dnum" ECO-IMPOTS
answers 2025-06-16 "$eco_dnum" "$id" \
	"1.2 1.3 1.4 1.9 2.1 2.5 3.4 3.5 4.1 4.2 5.1 5.2 6.3 6.4 8.1 8.2" \
	"1.1 2.2 2.4 2.7 6.5 7.2 4.3" "$no_chain" "$no_video" "$no_video2" "$no_video3" \
	"${no_ai[@]}" "1.5;En cours;;2025-12-31;Objectifs soumis au comité numérique" \
	"6.1;En cours;;2025-10-31;Budget de 1 Mo et 40 requêtes par écran"
new 2025-11-17 "$eco_dnum" ECO-IMPOTS
answers 2025-11-17 "$eco_dnum" "$id" \
	"1.1 1.2 1.3 1.4 1.5 1.9 2.1 2.5 2.6 3.1 3.4 3.5 4.1 4.2 4.3 4.8 5.1 5.2 6.1 6.2 6.3 6.4 7.1 8.1 8.2 8.3" \
	"2.2 2.7 6.5" "$no_chain" "$no_video" "$no_video2" "$no_video3" "${no_ai[@]}" \
	"2.4;En cours;;2026-03-31;Prise en charge des navigateurs de plus de cinq ans" \
	"7.2;En cours;;2026-01-31;Durées de conservation en cours de validation par le DPO"
at 2025-11-24 "$eco" assessment publish "$id" --contact ecoconception@finances.exemple.gouv.fr

# ---- ECO-DOUANE: one assessment
new 2025-04-14 "$eco_dnum" ECO-DOUANE
answers 2025-04-14 "$eco_dnum" "$id" "1.2 1.9 2.1 3.4 3.5 6.3 8.1" \
	"1.1 1.3 1.4 1.5 2.2 2.4 2.5 4.2 4.3 6.1 6.5" "$no_chain" "$no_video" "$no_video2" \
	"$no_video3" "${no_ai[@]}"

# ---- TE-SITE: a quick self-diagnosis, turned into a complete assessment,
# completed, then published
new 2025-03-10 "$te_dcom" TE-SITE --diagnostic
diag=$id
answers 2025-03-10 "$te_dcom" "$diag" "1.2 2.1 2.5 4.1 4.2 5.3 8.1" \
	"1.4 1.9 2.2 2.4 2.7 3.4 4.13 5.4 8.2 8.3" "$no_chain" "9.1;Non applicable;Pas d'IA;;" \
	"9.7;Non applicable;Pas d'IA;;"
id=$(at 2025-04-02 "$te_dcom" assessment convert "$diag")
answers 2025-04-30 "$te_dcom" "$id" "1.1 1.3 3.1 4.3 4.5 5.1 5.2 5.7 6.3 6.4 6.7" "6.1 6.5 5.8" \
	"${no_ai[@]}" "1.4;En cours;;2025-09-30;Revue semestrielle à instituer" \
	"4.13;En cours;;2025-07-31;Lettre d'information : abonnement explicite" \
	"8.2;Non conforme;;;Hébergeur sans engagement sur le réemploi"
at 2025-05-20 "$te" assessment publish "$id" --contact site-ecoconception@ecologie.exemple.gouv.fr

# ---- TE-RISQUES: a quick self-diagnosis only, for now
new 2025-09-22 "$te_dnum" TE-RISQUES --diagnostic
answers 2025-09-22 "$te_dnum" "$id" "1.2 1.9 2.1 2.5 4.1 4.2 8.1 8.3" "2.2 2.4 3.4 5.3 5.4" \
	"$no_chain" "9.1;Non applicable;Pas d'IA;;" "9.7;Non applicable;Pas d'IA;;"

# ---- INT-TITRES: two assessments
new 2025-02-03 "$int_dnum" INT-TITRES
answers 2025-02-03 "$int_dnum" "$id" "1.2 2.1 3.4 6.3 8.1" \
	"1.1 1.3 1.4 1.5 1.9 2.2 2.4 2.5 2.7 4.1 4.2 4.3 6.1 6.4 6.5" "$no_chain" "$no_video" \
	"$no_video2" "$no_video3"
new 2025-09-15 "$int_dnum" INT-TITRES
answers 2025-09-15 "$int_dnum" "$id" "1.2 1.3 1.9 2.1 2.5 3.4 4.1 4.2 6.3 6.4 8.1 8.2" \
	"1.1 1.4 2.2 2.4 2.7 4.3 6.5" "$no_chain" "$no_video" "$no_video2" "$no_video3" \
	"1.5;En cours;;2026-02-28;Objectifs à fixer avec la DNUM" \
	"6.1;En cours;;2025-12-15;Budget de poids en cours de définition"

# ---- EDUC-ENT and CULT-PATRIMOINE: one assessment each
new 2025-05-12 "$educ_dnum" EDUC-ENT
answers 2025-05-12 "$educ_dnum" "$id" "1.2 1.3 1.9 2.1 2.2 2.4 2.5 3.4 3.5 4.1 4.2 6.3 8.1" \
	"1.1 1.4 1.5 2.7 4.3 4.13 5.1 5.2 6.1 6.5" "$no_chain" \
	"3.6;En cours;;2025-12-31;Mises à jour différentielles des applications mobiles"
new 2025-10-06 "$cult_snum" CULT-PATRIMOINE
answers 2025-10-06 "$cult_snum" "$id" \
	"1.1 1.2 1.3 1.9 2.1 2.2 2.4 2.5 3.1 3.4 4.1 4.2 4.3 5.1 5.2 5.7 5.8 6.3 6.4 8.1 8.2 8.3" \
	"1.4 1.5 2.7 6.1 6.5" "$no_chain" "${no_ai[@]}"
