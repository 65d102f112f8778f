# collectes.sh: the yearly collections of common indicators of the demo
# (synthetic), replayed by scripts/load-demo.sh after importing
# valeurs-2021-2024.csv, through the real CLI and as the real people of
# personnes.csv, so the audit log shows who submitted and who validated.
# Expects $nc to run numeco on the demo database.
admin=francois.lambert@mission.exemple.gouv.fr
declare -A referent=(
	[MIN-ARMEES]=jerome.benali@armees.exemple.gouv.fr
	[MIN-ECO]=emilie.benali@finances.exemple.gouv.fr
	[MIN-INT]=sandrine.bonnet@interieur.exemple.gouv.fr
	[MIN-JUST]=antoine.martin@justice.exemple.gouv.fr
	[MIN-EDUC]=emilie.garnier@education.exemple.gouv.fr
	[MIN-TE]=laure.bernard@ecologie.exemple.gouv.fr
	[MIN-SANTE]=laure.moreau@sante.exemple.gouv.fr
	[MIN-AGRI]=caroline.mercier@agriculture.exemple.gouv.fr
	[MIN-CULT]=sophie.fontaine@culture.exemple.gouv.fr
	[MIN-EUROPE]=pierre.simon@diplomatie.exemple.gouv.fr
	[MIN-TRAV]=nathalie.richard@travail.exemple.gouv.fr
)
submit() { $nc --as "${referent[$1]}" indicator submit --org "$1" --year "$2"; }
validate() { $nc --as "$admin" indicator validate --org "$1" --year "$2"; }

all=(MIN-ARMEES MIN-ECO MIN-INT MIN-JUST MIN-EDUC MIN-TE MIN-SANTE MIN-AGRI MIN-CULT MIN-EUROPE
	MIN-TRAV)
# 2021: every collection submitted and validated.
for m in "${all[@]}"; do submit "$m" 2021 && validate "$m" 2021; done
# 2022: every collection submitted, nine validated.
for m in "${all[@]}"; do submit "$m" 2022; done
for m in MIN-ARMEES MIN-ECO MIN-INT MIN-JUST MIN-EDUC MIN-TE MIN-SANTE MIN-AGRI MIN-EUROPE; do
	validate "$m" 2022
done
# 2023: ten submitted (the Culture's still in draft), seven validated.
for m in "${all[@]}"; do [ "$m" = MIN-CULT ] || submit "$m" 2023; done
for m in MIN-ARMEES MIN-ECO MIN-INT MIN-JUST MIN-TE MIN-AGRI MIN-EUROPE; do validate "$m" 2023; done
# 2024, in progress: four submitted, one validated; the others in draft, and
# three ministries have sent nothing yet.
for m in MIN-ARMEES MIN-ECO MIN-TE MIN-AGRI; do submit "$m" 2024; done
validate MIN-ECO 2024
