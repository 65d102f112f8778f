#!/usr/bin/env bash
# gen-inventaires.sh [OUT]: writes the synthetic IT inventories of the demo
# (NumEcoEval format, docs/formats/inventory.md) for three ministries, under
# OUT (default: data/demo/inventaires/<CODE>/). Synthetic: no real data of
# any ministry. Deterministic: a fixed-seed generator (Park-Miller, in bash
# arithmetic, no awk rand(), no locale), so running it again gives the same
# bytes. scripts/demo.sh imports the committed files; re-run this only after
# changing it, and commit what it writes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/inventaires}
export LC_ALL=C

# --- deterministic generator -------------------------------------------------
state=1
rnd() { # rnd LO HI: R = an integer in [LO, HI]
	state=$((state * 48271 % 2147483647))
	R=$(($1 + state % ($2 - $1 + 1)))
}
pick() { # pick WORD…: P = one of the words
	local a=("$@")
	rnd 0 $(($# - 1))
	P=${a[$R]}
}
rdate() { # rdate Y0 Y1: D = a date between 1 Jan Y0 and 28 Dec Y1
	local y m d
	rnd "$1" "$2"
	y=$R
	rnd 1 12
	m=$R
	rnd 1 28
	d=$R
	printf -v D '%04d-%02d-%02d' "$y" "$m" "$d"
}

# --- writers -----------------------------------------------------------------
DC_HEAD='nomCourtDatacenter;nomLongDatacenter;pue;localisation;nomEntite'
PH_HEAD='nomEquipementPhysique;modele;quantite;nomCourtDatacenter;dateAchat;dateRetrait;type;statut;paysDUtilisation;consoElecAnnuelle;utilisateur;nomSourceDonnee;nomEntite;nbCoeur;modeUtilisation'
VM_HEAD='nomEquipementVirtuel;nomEquipementPhysique;cleRepartition;vCPU;cluster;consoElecAnnuelle;typeEqv;capaciteStockage;nomEntite'
AP_HEAD='nomApplication;typeEnvironnement;nomEquipementVirtuel;domaine;sousDomaine;nomEntite;nomEquipementPhysique'

n_line=0
# phys NAME MODEL QTY DC BOUGHT RETIRED TYPE STATUS COUNTRY ENTITY CORES MODE
phys() {
	printf '%s;%s;%s;%s;%s;%s;%s;%s;%s;;;inventaire-demo;%s;%s;%s\n' \
		"$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$9" "${10}" "${11}" "${12}" >>"$PH"
	n_line=$((n_line + 1))
}

# Models by type (names only: matched to the referential by type, except the
# servers and thin clients, whose models the open referential knows).
M_Laptop=("Dell Latitude 5420" "Lenovo ThinkPad T14" "HP EliteBook 840 G8" "Dell Latitude 7400")
M_Desktop=("Dell OptiPlex 7080" "HP EliteDesk 800 G6" "Lenovo ThinkCentre M70q")
M_Monitor=("Dell P2422H" "HP E24 G4" "iiyama ProLite XUB2492HSU" "Lenovo ThinkVision T24i")
M_Smartphone=("Samsung Galaxy A52" "Apple iPhone SE" "Crosscall Core-X4")
M_Tablet=("Apple iPad 9" "Samsung Galaxy Tab S7")
M_Printer=("HP LaserJet Pro M404" "Brother HL-L5100DN" "Canon i-SENSYS LBP223")
M_Vp=("Epson EB-W51" "BenQ MW560")
M_Thin=("Dell Wyse 5070 Thin Client" "Dell Wyse 3040 Thin Client")
M_Rack=("Dell PowerEdge R640" "Dell PowerEdge R740" "Dell PowerEdge R650" "Dell PowerEdge R740XD" "Dell PowerEdge R630")
M_Blade=("Dell PowerEdge M640" "Dell PowerEdge FC640")
M_Tower=("Dell PowerEdge T440" "Dell PowerEdge T340")

# lots PREFIX ENTITY COUNTRY TYPE LINES QMIN QMAX Y0 Y1 [MODE]: LINES lines of
# QMIN–QMAX devices of TYPE bought Y0–Y1, one line per delivery.
lots() {
	local pre=$1 ent=$2 country=$3 type=$4 n=$5 qmin=$6 qmax=$7 y0=$8 y1=$9 mode=${10:-}
	local i models tag name
	case $type in
	Laptop) models=("${M_Laptop[@]}") tag=PORT ;;
	Desktop) models=("${M_Desktop[@]}") tag=FIXE ;;
	Monitor) models=("${M_Monitor[@]}") tag=ECR ;;
	Smartphone) models=("${M_Smartphone[@]}") tag=TEL ;;
	Tablet) models=("${M_Tablet[@]}") tag=TAB ;;
	Printer) models=("${M_Printer[@]}") tag=IMP ;;
	"Video projector") models=("${M_Vp[@]}") tag=VP ;;
	"Thin client") models=("${M_Thin[@]}") tag=CL ;;
	esac
	for ((i = 1; i <= n; i++)); do
		pick "${models[@]}"
		local model=$P
		rnd "$qmin" "$qmax"
		local q=$R
		rdate "$y0" "$y1"
		seq_no=$((seq_no + 1))
		printf -v name '%s-%s-%04d' "$pre" "$tag" "$seq_no"
		phys "$name" "$model" "$q" "" "$D" "" \
			"$type" "En service" "$country" "$ent" "" "$mode"
	done
}

# servers PREFIX DC ENTITY COUNTRY N KIND: N servers (quantite 1) in DC.
servers() {
	local pre=$1 dc=$2 ent=$3 country=$4 n=$5 kind=$6 i type models cores
	case $kind in
	rack) type=Server models=("${M_Rack[@]}") ;;
	blade) type="Blade Server" models=("${M_Blade[@]}") ;;
	tower) type="Tower Server" models=("${M_Tower[@]}") ;;
	esac
	for ((i = 1; i <= n; i++)); do
		pick "${models[@]}"
		local model=$P
		rdate 2016 2022
		pick 16 24 32 48
		cores=$P
		srv_no=$((srv_no + 1))
		local name
		printf -v name '%s-SRV-%03d' "$pre" "$srv_no"
		phys "$name" "$model" 1 "$dc" "$D" "" "$type" "En service" "$country" \
			"$ent" "$cores" ""
		SRV+=("$name")
	done
}

# storage PREFIX DC ENTITY COUNTRY N: N storage bays in DC.
storage() {
	local i
	for ((i = 1; i <= $5; i++)); do
		rdate 2017 2021
		bay_no=$((bay_no + 1))
		local name
		printf -v name '%s-BAIE-%02d' "$1" "$bay_no"
		phys "$name" "NetApp AFF A400" 1 "$2" "$D" "" "Storage" "En service" "$4" "$3" "" ""
		BAYS+=("$name")
	done
}

# vms PREFIX ENTITY HOSTS…: 2–4 compute VMs on each host (vCPU sets the share).
vms() {
	local pre=$1 ent=$2 h k n cl
	shift 2
	for h in "$@"; do
		rnd 2 4
		n=$R
		cl="cluster-${h##*-SRV-}"
		for ((k = 1; k <= n; k++)); do
			vm_no=$((vm_no + 1))
			pick 2 4 4 8 16
			local name
			printf -v name '%s-VM-%03d' "$pre" "$vm_no"
			printf '%s;%s;;%s;%s;;calcul;;%s\n' "$name" "$h" "$P" "$cl" "$ent" >>"$VM"
			VMS+=("$name|$h")
		done
	done
}

# volumes PREFIX ENTITY BAY SIZE…: storage volumes (capacity sets the share).
volumes() {
	local pre=$1 ent=$2 bay=$3 s
	shift 3
	for s in "$@"; do
		vol_no=$((vol_no + 1))
		printf '%s-VOL-%02d;%s;;;;;stockage;%s;%s\n' "$pre" "$vol_no" "$bay" "$s" "$ent" >>"$VM"
	done
}

# apps ENTITY DOMAIN "NAME|SUBDOMAIN"…: each application runs in production on
# two VMs and in recette on one, taken in turn from VMS.
apps() {
	local ent=$1 dom=$2 a name sub env vm host
	shift 2
	for a in "$@"; do
		name=${a%%|*} sub=${a#*|}
		for env in Production Production Recette; do
			vm=${VMS[$app_vm]%%|*} host=${VMS[$app_vm]#*|}
			app_vm=$(((app_vm + 1) % ${#VMS[@]}))
			printf '%s;%s;%s;%s;%s;%s;%s\n' "$name" "$env" "$vm" "$dom" "$sub" "$ent" "$host" >>"$AP"
		done
	done
}

start() { # start CODE SEED: new files for ministry CODE
	dir=$out/$1
	mkdir -p "$dir"
	DC=$dir/1-datacenter.csv PH=$dir/2-physicalEquipments.csv
	VM=$dir/3-virtualEquipments.csv AP=$dir/4-applications.csv
	echo "$DC_HEAD" >"$DC"
	echo "$PH_HEAD" >"$PH"
	echo "$VM_HEAD" >"$VM"
	echo "$AP_HEAD" >"$AP"
	state=$2 seq_no=0 srv_no=0 bay_no=0 vm_no=0 vol_no=0 app_vm=0 n_line=0
	SRV=() BAYS=() VMS=()
}

done_msg() {
	echo "${dir#"$here"/} : $n_line lignes d'équipements physiques, $(($(wc -l <"$VM") - 1)) équipements virtuels, $(($(wc -l <"$AP") - 1)) lignes d'applications"
}

# workstations PREFIX ENTITY COUNTRY SCALE: the fleet of one direction (SCALE
# 1 = small, 2 = medium, 3 = large).
workstations() {
	local pre=$1 ent=$2 c=$3 s=$4
	lots "$pre" "$ent" "$c" Laptop $((3 * s + 2)) 8 45 2017 2022
	lots "$pre" "$ent" "$c" Desktop $((2 * s + 2)) 8 40 2015 2021
	lots "$pre" "$ent" "$c" Monitor $((3 * s + 2)) 15 70 2015 2022
	lots "$pre" "$ent" "$c" Smartphone $((2 * s + 1)) 10 40 2019 2022 COPE
	lots "$pre" "$ent" "$c" Tablet 1 2 8 2019 2022 COPE
	lots "$pre" "$ent" "$c" Printer $((s + 1)) 1 6 2015 2021
	lots "$pre" "$ent" "$c" "Video projector" 1 1 4 2016 2021
}

# --- Ministère de l'Intérieur et des Outre-mer --------------------------------
start MIN-INT 20221001
cat >>"$DC" <<'EOF'
INT-DC1;Centre de données ministériel n° 1;1.45;France;MIN-INT-DNUM-SDI
INT-DC2;Centre de données ministériel n° 2;1.6;France;MIN-INT-DNUM-SDI
INT-SR-SG;Salle serveurs du secrétariat général;;France;MIN-INT-SG
EOF
workstations INT MIN-INT-DNUM France 3
workstations INT MIN-INT-DNUM-SDI France 2
workstations INT MIN-INT-SG France 3
workstations INT MIN-INT-DA France 2
workstations INT MIN-INT-DIMMO France 2
lots INT MIN-INT-SG France "Thin client" 4 20 60 2018 2021
servers INT INT-DC1 MIN-INT-DNUM-SDI France 18 rack
servers INT INT-DC1 MIN-INT-DNUM-SDI France 8 blade
servers INT INT-DC2 MIN-INT-DNUM-SDI France 12 rack
servers INT INT-SR-SG MIN-INT-SG France 4 tower
storage INT INT-DC1 MIN-INT-DNUM-SDI France 2
storage INT INT-DC2 MIN-INT-DNUM-SDI France 1
vms INT MIN-INT-DNUM-SDI "${SRV[@]:0:4}" "${SRV[@]:26:3}"
volumes INT MIN-INT-DNUM-SDI "${BAYS[0]}" 2048 4096 8192
volumes INT MIN-INT-DNUM-SDI "${BAYS[1]}" 1024 3072
apps MIN-INT-DNUM "Applications métier" \
	"Portail des agents|Intranet" "Gestion des ressources humaines|Ressources humaines" \
	"Gestion électronique des documents|Documents" "Suivi budgétaire et comptable|Finances" \
	"Messagerie collaborative|Bureautique" "Réservation des salles et des véhicules|Logistique"
done_msg

# --- Ministère de la Transition écologique ------------------------------------
start MIN-TE 20221002
cat >>"$DC" <<'EOF'
TE-DC1;Centre de données ministériel;1.5;France;MIN-TE-DNUM
TE-SR1;Salle serveurs historique de l'administration centrale;2.1;France;MIN-TE-SG
EOF
workstations TE MIN-TE-DNUM France 2
workstations TE MIN-TE-SG France 3
workstations TE MIN-TE-DA France 1
workstations TE MIN-TE-DCOM France 1
servers TE TE-DC1 MIN-TE-DNUM France 14 rack
servers TE TE-SR1 MIN-TE-SG France 6 tower
storage TE TE-DC1 MIN-TE-DNUM France 1
vms TE MIN-TE-DNUM "${SRV[@]:0:5}"
volumes TE MIN-TE-DNUM "${BAYS[0]}" 2048 6144
apps MIN-TE-DNUM "Applications métier" \
	"Portail des agents|Intranet" "Suivi des autorisations environnementales|Instruction" \
	"Cartographie des territoires|Données géographiques" "Gestion des ressources humaines|Ressources humaines"
done_msg

# --- Ministère de l'Europe et des Affaires étrangères -------------------------
start MIN-EUROPE 20221003
cat >>"$DC" <<'EOF'
EUR-DC-MUT;Centre de données interministériel mutualisé;1.4;France;MIN-EUROPE-DNUM
EUR-SR-COURNEUVE;Salle serveurs du site des archives;1.9;France;MIN-EUROPE-DIMMO
EUR-SR-DAKAR;Salle technique de l'ambassade à Dakar;;Senegal;Ambassade à Dakar
EOF
workstations EUR MIN-EUROPE-DNUM France 2
workstations EUR MIN-EUROPE-SG France 2
workstations EUR MIN-EUROPE-DIMMO France 1
for post in "Ambassade à Berlin|Germany" "Ambassade à Washington|United States" \
	"Ambassade à Dakar|Senegal" "Ambassade à Tokyo|Japan" "Ambassade à Rabat|Morocco" \
	"Ambassade à Brasilia|Brazil"; do
	ent=${post%%|*} c=${post#*|}
	lots EUR "$ent" "$c" Laptop 3 4 15 2017 2022
	lots EUR "$ent" "$c" Desktop 1 3 10 2015 2020
	lots EUR "$ent" "$c" Monitor 2 5 20 2015 2022
	lots EUR "$ent" "$c" Smartphone 1 5 15 2019 2022 COPE
	lots EUR "$ent" "$c" Printer 1 1 3 2015 2021
done
servers EUR EUR-DC-MUT MIN-EUROPE-DNUM France 10 rack
servers EUR EUR-SR-COURNEUVE MIN-EUROPE-DIMMO France 3 tower
servers EUR EUR-SR-DAKAR "Ambassade à Dakar" Senegal 2 tower
storage EUR EUR-DC-MUT MIN-EUROPE-DNUM France 1
vms EUR MIN-EUROPE-DNUM "${SRV[@]:0:4}"
volumes EUR MIN-EUROPE-DNUM "${BAYS[0]}" 4096 2048
apps MIN-EUROPE-DNUM "Applications métier" \
	"Portail des agents|Intranet" "Gestion des visas|Affaires consulaires" \
	"Télégrammes diplomatiques|Correspondance" "Gestion des ressources humaines|Ressources humaines"
# Three deliberately faulty lines, so that the demo shows the ERREUR status:
# a type the referential does not know, and two countries written in French
# (the referential names countries in English: United States, Morocco).
phys EUR-VISIO-0001 "Poly Studio X50" 6 "" 2021-03-15 "" "Borne de visioconférence" "En service" France MIN-EUROPE-SG "" ""
phys EUR-PORT-9001 "Dell Latitude 5420" 12 "" 2022-02-10 "" Laptop "En service" "Etats-Unis" "Consulat général à New York" "" ""
phys EUR-ECR-9002 "Dell P2422H" 8 "" 2021-09-20 "" Monitor "En service" Maroc "Consulat général à Casablanca" "" ""
done_msg
