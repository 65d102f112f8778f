#!/usr/bin/env bash
# review_log.sh: the review workflow (states, recommendations, rights) and
# the audit log, through the CLI.
source "$(dirname "$0")/lib.sh"
setup_db
nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2022 >/dev/null
ADMIN=admin@mission.exemple.gouv.fr
REF_A=referent@a.exemple.gouv.fr
REF_B=referent@b.exemple.gouv.fr

# A référent of another ministry may not submit MIN-A's roadmap; nothing changes.
before=$(db_dump)
run_status nc --as "$REF_B" review state --org MIN-A --period 2022 soumise
expect_eq "autre référent: refus" 1 "$RC"
expect_contains "autre référent: message" "n'a pas le droit de faire passer la feuille de route MIN-A 2022" "$ERR"
expect_eq "autre référent: base identique" "$before" "$(db_dump)"

# Its own référent submits; skipping a state is refused.
run_status nc --as "$REF_A" review state --org MIN-A --period 2022 soumise
expect_eq "soumission" 0 "$RC"
expect_contains "soumission: message" "Brouillon → Soumise" "$OUT"
run_status nc --as "$ADMIN" review state --org MIN-A --period 2022 validee
expect_eq "saut d'état refusé" 1 "$RC"
expect_contains "saut d'état: message" "est « Soumise » : elle ne peut pas passer à « Validée »" "$ERR"
# The référent cannot mark it read; the admin can.
run_status nc --as "$REF_A" review state --org MIN-A --period 2022 relue
expect_eq "référent: relue refusée" 1 "$RC"

# Recommendations: admin only; on the roadmap or one action.
run_status nc --as "$REF_A" review add --org MIN-A --period 2022 --text "Auto-recommandation"
expect_eq "référent: recommandation refusée" 1 "$RC"
run_status nc --as "$ADMIN" review add --org MIN-A --period 2022 --text "Chiffrer les gains de l'action A-02 avec la méthode de la DINUM."
expect_eq "recommandation" 0 "$RC"
expect_contains "recommandation: numéro" "Recommandation n° 1 ajoutée à MIN-A 2022" "$OUT"
run_status nc --as "$ADMIN" review add --org MIN-A --period 2022 --action A-04 --kind commentaire --text "Belle action."
expect_eq "commentaire sur action" 0 "$RC"
run_status nc --as "$ADMIN" review add --org MIN-A --period 2022 --action ZZZ --text "x"
expect_eq "action inconnue" 1 "$RC"
expect_contains "action inconnue: message" "action inconnue « ZZZ »" "$ERR"
run_status nc --as "$ADMIN" review state --org MIN-A --period 2022 relue
expect_eq "relue" 0 "$RC"

# The référent addresses the recommendation; the list shows it.
run_status nc --as "$REF_A" review done --org MIN-A --period 2022 1
expect_eq "traitée" 0 "$RC"
run_status nc review list --org MIN-A --period 2022
expect_contains "liste: état" "état : Relue" "$OUT"
expect_contains "liste: traitée" "[traitée]" "$OUT"
expect_contains "liste: commentaire d'action" "Commentaire — 2026-01-15T10:00:00Z — $ADMIN — action A-04" "$OUT"

run_status nc --as "$ADMIN" review state --org MIN-A --period 2022 validee
expect_eq "validée" 0 "$RC"
# A validated roadmap is frozen for imports.
before=$(db_dump)
run_status nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2022
expect_eq "import sur validée refusé" 1 "$RC"
expect_contains "import sur validée: message" "est validée" "$ERR"
expect_eq "import sur validée: base identique" "$before" "$(db_dump)"

# A lecteur may not import at all.
run_status nc --as lecteur@a.exemple.gouv.fr import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2023
expect_eq "lecteur: refus" 1 "$RC"
# Unknown --as is refused.
run_status nc --as nobody@x.fr review list --org MIN-A --period 2022
expect_eq "personne inconnue" 1 "$RC"

# The log names who did what, newest first, with before and after.
run_status nc log --org MIN-A --period 2022 --limit 0
expect_contains "journal: validation" "$ADMIN  changement d'état roadmap MIN-A/2022"$'\n'"    État : Relue → Validée" "$OUT"
expect_contains "journal: soumission" "$REF_A  changement d'état roadmap MIN-A/2022"$'\n'"    État : Brouillon → Soumise" "$OUT"
expect_contains "journal: recommandation traitée" "Traitée : non → oui" "$OUT"
expect_contains "journal: création" "cli:testeur  création roadmap MIN-A/2022" "$OUT"
expect_eq "journal: plus récent d'abord" "$ADMIN" "$(nc log --limit 1 | head -1 | awk '{print $2}')"

finish
