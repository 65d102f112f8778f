// web_e2e.js: the web application in Debian's headless Chromium with
// JavaScript off (every page must work without it): sign-in, dashboard,
// ministry and action pages, editing an action, the review workflow between a
// référent and the central team, importing a roadmap file, evaluating
// footprint inventories, entering a ministry's indicator values (the
// collection form: a refused jump, then confirmed by a comment), and the
// RGESN (a service's quick self-diagnosis, turned into an assessment, its
// declaration published and opened at its stable address), all through the
// forms. Every page shown gets a full
// page screenshot and an axe-core audit (serious or critical = failure); the
// main pages are measured on a first and a second load (requests, bytes,
// DOM, EcoIndex) against the bars. Exits 1 with the reasons when
// anything is missed.
//
// Environment: BASE (server URL), E2E_PASSWORD, E2E_REFERENT, E2E_ADMIN,
// E2E_DATA (tests/data), E2E_ARTIFACTS (screenshots, measures), E2E_WORK
// (scratch folder), E2E_MEASURES_DOC (also write the measures there),
// E2E_COMMAND (the command named in that file), E2E_MAX_FIRST_KB (150),
// E2E_MAX_LATER_KB (30), E2E_MAX_REQUESTS (15), E2E_MAX_DOM (1000).
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Auditor, pageFacts } = require('./web_audit');
const { Meter } = require('./web_measure');
const { ecoindex } = require('./web_ecoindex');

function need(name) {
	const v = process.env[name];
	if (!v) {
		console.error(`web_e2e.js : variable ${name} manquante`);
		process.exit(2);
	}
	return v;
}
const num = (name, d) => (process.env[name] ? Number(process.env[name]) : d);

const BASE = need('BASE').replace(/\/$/, '');
const PASSWORD = need('E2E_PASSWORD');
const DATA = need('E2E_DATA');
const ART = need('E2E_ARTIFACTS');
const REFERENT = process.env.E2E_REFERENT || 'referent@a.exemple.gouv.fr';
const ADMIN = process.env.E2E_ADMIN || 'admin@mission.exemple.gouv.fr';
const WORK = process.env.E2E_WORK || fs.mkdtempSync(path.join(os.tmpdir(), 'web-e2e-'));
const BARS = {
	firstKb: num('E2E_MAX_FIRST_KB', 150),
	laterKb: num('E2E_MAX_LATER_KB', 30),
	requests: num('E2E_MAX_REQUESTS', 15),
	dom: num('E2E_MAX_DOM', 1000),
};

const ORG = 'MIN-A';
const PERIOD = '2022';
const MIN = `/ministeres/${ORG}?periode=${PERIOD}`;
const LONG = '/ministeres/MIN-B?periode=2023'; // 120 actions
const ACT = `/ministeres/${ORG}/${PERIOD}/actions`;
const REF = 'A-03';
const NEW_TITLE = 'Former tous les acheteurs au numérique responsable (e2e)';
const RECO = 'Chiffrer le gain de la formation des acheteurs (e2e).';
// The year the indicator pages show by default: the last calendar year.
const IND_YEAR = new Date().getUTCFullYear() - 1;
const IND_NAT = `/indicateurs?annee=${IND_YEAR}`;
const IND_MIN = `/indicateurs/ministere/${ORG}`;
const IND_FORM = `${IND_MIN}/saisie`;
const IND_PART = 'part_agents_formes';
const IND_COMMENT = 'Plan de formation de tous les agents (e2e).';
const SVC = 'MIN-A-E2E';
const SVC_PAGE = `/services/${SVC}`;
const SVC_CONTACT = 'ecoconception@a.exemple.gouv.fr';

const failures = [];
const fail = (msg) => {
	failures.push(msg);
	console.log(`ÉCHEC : ${msg}`);
};
const expect = (ok, msg) => {
	if (!ok)
		fail(msg);
	return ok;
};

const started = Date.now();
const secs = (t) => ((Date.now() - t) / 1000).toFixed(1);
const pathOf = (u) => {
	const x = new URL(u);
	return x.pathname + x.search;
};

let browser, auditor, auditorReady, page, context, meter;
let audits = Promise.resolve(); // the queue of screenshots and audits
let shot = 0;
const shots = [];
const audited = new Map(); // HTML without CSRF tokens, of the pages checked
const auditLog = []; // { label, url, owner, dom, violations } of each page audited

// Checks the structure of the page shown, and queues a full-page screenshot
// and an axe audit of its HTML; label names the screenshot, owner the module
// that renders the page. A page already seen (the sign-in form, again) is
// checked once.
async function visit(label, owner, status, expected = 200) {
	const pageUrl = page.url();
	const where = `page « ${label} » (${pathOf(pageUrl)}, ${owner})`;
	if (status !== undefined)
		expect(status === expected, `${where} : statut HTTP ${status}, attendu ${expected}`);
	const html = await page.content();
	const key = html.replace(/name="csrf" value="[0-9a-f]*"/g, '');
	if (audited.has(key)) {
		console.log(`page ${label} : ${pathOf(page.url())} — déjà vue, déjà contrôlée`);
		return;
	}
	const f = await pageFacts(page);
	expect(f.h1 === 1, `${where} : ${f.h1} titres h1 (un seul attendu)`);
	expect(f.scripts === 0, `${where} : ${f.scripts} élément(s) script`);
	expect(f.styled === 0, `${where} : ${f.styled} attribut(s) style (interdits par la CSP)`);
	expect(f.lang === 'fr', `${where} : langue « ${f.lang} » au lieu de « fr »`);
	expect(f.unlabelled.length === 0, `${where} : champs sans étiquette : ${f.unlabelled.join(', ')}`);
	expect(f.dom < BARS.dom, `${where} : ${f.dom} éléments DOM (moins de ${BARS.dom} attendus)`);
	shot++;
	const file = path.join(ART, `${String(shot).padStart(2, '0')}-${label}.png`);
	shots.push(file);
	audited.set(key, []);
	// The screenshot and the audit run in the background, one page after the
	// other, while the flow goes on.
	const dom = f.dom;
	audits = audits.then(async () => {
		try {
			await auditorReady;
			const violations = await auditor.check(html, file);
			for (const v of violations) {
				const line = `axe ${v.impact} ${v.id} (${v.help}) sur ${v.targets.slice(0, 5).join(' | ')}`;
				if (v.blocking)
					fail(`${where} : ${line}`);
				else
					console.log(`  note ${label} : ${line}`);
			}
			auditLog.push({ label, url: pathOf(pageUrl), owner, dom, violations });
			console.log(`page ${label} : ${pathOf(pageUrl)} — ${dom} éléments DOM, ` +
				`${violations.length} violation(s) axe, capture ${path.basename(file)}`);
		} catch (e) {
			fail(`${where} : audit impossible : ${String(e.message || e).split('\n')[0]}`);
		}
	});
}

async function go(url) {
	const r = await page.goto(BASE + url);
	return r ? r.status() : 0;
}

// Clicks what submits a form or follows a link, waits for the next page.
async function click(locator) {
	if (await locator.count() === 0)
		throw new Error(`introuvable sur ${pathOf(page.url())} : ${locator}`);
	const [r] = await Promise.all([page.waitForNavigation(), locator.click()]);
	return r ? r.status() : 0;
}

// The text of the first match, white space collapsed (textContent: the DSFR
// badges are upper-cased by the style sheet, which innerText would show).
const text = async (sel) => (await page.locator(sel).first().textContent()).replace(/\s+/g, ' ').trim();
const query = (name) => new URL(page.url()).searchParams.get(name);

async function flash() {
	return (await page.locator('.fr-alert--success').count()) ? text('.fr-alert--success') : '';
}

async function reviewState() {
	return (await text('p:has-text("état de la revue")')).replace(/.*état de la revue : */, '').trim();
}

async function signIn(email) {
	let st = await go('/connexion');
	await visit('connexion', 'page_auth.c', st);
	await page.fill('#email', email);
	await page.fill('#password', PASSWORD);
	st = await click(page.locator('form[action="/connexion"] button[type=submit]'));
	expect(pathOf(page.url()) === '/', `connexion de ${email} : arrivée sur ${pathOf(page.url())}, attendu /`);
	expect(await page.locator('form[action="/deconnexion"]').count() === 1,
		`connexion de ${email} : pas de bouton « Se déconnecter »`);
	return st;
}

let signedOut = 0;

async function signOut() {
	await click(page.locator('form[action="/deconnexion"] button'));
	expect(new URL(page.url()).pathname === '/connexion',
		`déconnexion : arrivée sur ${pathOf(page.url())}, attendu /connexion`);
	if (signedOut++)
		return;
	await go('/');
	expect(new URL(page.url()).pathname === '/connexion',
		`après déconnexion, / mène à ${pathOf(page.url())} au lieu de la connexion`);
}

async function step(name, fn) {
	const t = Date.now();
	const before = failures.length;
	try {
		await fn();
	} catch (e) {
		fail(`${name} : ${String(e.message || e).split('\n')[0]}`);
		try {
			shot++;
			const file = path.join(ART, `${String(shot).padStart(2, '0')}-erreur.png`);
			await page.screenshot({ path: file, fullPage: true });
			shots.push(file);
			console.log(`  capture de l'erreur : ${path.basename(file)} (${pathOf(page.url())})`);
		} catch (_) { /* the page may be gone */ }
	}
	const n = failures.length - before;
	console.log(`— ${name} : ${n ? n + ' échec(s)' : 'ok'} (${secs(t)} s)`);
}

// ---- the flows ----

async function flowSignIn() {
	await go('/');
	expect(new URL(page.url()).pathname === '/connexion',
		`sans session, / mène à ${pathOf(page.url())} au lieu de la connexion`);
	await signIn(REFERENT);
	await visit('tableau-de-bord', 'page_dashboard.c', 200);
	expect((await text('h1')).includes('Tableau de bord'), 'tableau de bord : titre inattendu');
}

async function flowBrowse() {
	// The dashboard shows the latest period, 2023, with MIN-B's long roadmap:
	// 50 actions a page, a pagination marking the current page.
	let st = await click(page.locator(`a[href="${LONG}"]`).first());
	await visit('ministere-long', 'page_ministry.c', st);
	const rows = await page.locator('table a[href^="/ministeres/MIN-B/2023/actions/"]').count();
	expect(rows === 50, `page ministère longue : ${rows} actions sur la page 1, 50 attendues`);
	const current = page.locator('.fr-pagination [aria-current="page"]');
	expect(await current.count() === 1 && (await current.first().textContent()).trim() === '1',
		'page ministère longue : pas de pagination avec la page 1 en aria-current');

	// Back to the dashboard, period 2022 chosen in its form.
	await go('/');
	await page.selectOption('#periode', PERIOD);
	st = await click(page.locator('form[action="/"] button[type=submit]'));
	expect(query('periode') === PERIOD, `choix de la période : arrivée sur ${pathOf(page.url())}`);
	await visit(`tableau-de-bord-${PERIOD}`, 'page_dashboard.c', st);
	st = await click(page.locator(`a[href="${MIN}"]`).first());
	await visit('ministere', 'page_ministry.c', st);
	expect((await text('h1')).includes("Ministère de l'Exemple"), 'page ministère : titre inattendu');
	const links = await page.locator(`table a[href^="${ACT}/"]`).count();
	expect(links === 5, `page ministère : ${links} actions listées, 5 attendues`);
	st = await click(page.locator(`table a[href="${ACT}/${REF}"]`));
	await visit('action', 'page_action.c', st);
	expect((await text('h1')).includes(REF), `page action : le titre ne nomme pas ${REF}`);
}

async function flowEdit() {
	let st = await click(page.locator(`a[href="${ACT}/${REF}/modifier"]`));
	await visit('modifier', 'page_action.c / web_action_form.c', st);
	const version = await page.locator('input[name="version"]').inputValue();
	await page.fill('#titre', NEW_TITLE);
	await page.selectOption('#statut', 'en_cours');
	st = await click(page.locator(`form[action="${ACT}/${REF}/modifier"] button[type=submit]`));
	expect(new URL(page.url()).pathname === `${ACT}/${REF}` && query('ok') === 'enregistre',
		`enregistrement : arrivée sur ${pathOf(page.url())}, attendu ${ACT}/${REF}?ok=enregistre`);
	await visit('action-enregistree', 'page_action.c', st);
	expect((await flash()).includes('Modifications enregistrées'),
		'enregistrement : message « Modifications enregistrées. » absent');
	expect((await text('h1')).includes(NEW_TITLE), 'enregistrement : nouveau titre absent du h1');
	const status = await text('tr:has(th:text-is("Statut")) td');
	expect(status.includes('En cours'), `enregistrement : statut « ${status} », attendu « En cours »`);
	const caption = await text('table caption');
	expect(caption.includes(`version ${Number(version) + 1}`),
		`enregistrement : « ${caption} », version ${Number(version) + 1} attendue`);
}

async function flowReview() {
	// The référent submits the roadmap.
	await go(MIN);
	let st = await click(page.locator('button:has-text("Soumettre à l\'équipe centrale")'));
	expect(query('ok') === 'etat', `soumission : arrivée sur ${pathOf(page.url())}, attendu ?ok=etat`);
	await visit('ministere-soumise', 'page_ministry.c / page_review.c', st);
	expect((await flash()).includes('État de la feuille de route modifié'), 'soumission : message absent');
	let state = await reviewState();
	expect(state === 'Soumise', `soumission : état « ${state} », attendu « Soumise »`);
	await signOut();

	// The central team adds a recommendation and marks the roadmap reviewed.
	await signIn(ADMIN);
	st = await go(MIN);
	await visit('ministere-equipe-centrale', 'page_ministry.c / page_review.c', st);
	await page.fill('#reco-texte', RECO);
	await page.selectOption('#reco-type', 'recommandation');
	await page.fill('#reco-action', REF);
	st = await click(page.locator('form[action$="/recommandations"] button[type=submit]'));
	expect(query('ok') === 'recommandation',
		`recommandation : arrivée sur ${pathOf(page.url())}, attendu ?ok=recommandation`);
	await visit('ministere-recommandation', 'page_ministry.c / page_review.c', st);
	expect((await flash()).includes('Recommandation ajoutée'), 'recommandation : message absent');
	const row = page.locator('tr', { hasText: RECO });
	expect(await row.count() === 1, 'recommandation : absente du tableau des recommandations');
	if (await row.count())
		expect((await row.first().textContent()).includes('À traiter'), 'recommandation : pas « À traiter »');
	st = await click(page.locator('button:has-text("Marquer comme relue")'));
	expect(query('ok') === 'etat', `relecture : arrivée sur ${pathOf(page.url())}, attendu ?ok=etat`);
	await visit('ministere-relue', 'page_ministry.c / page_review.c', st);
	state = await reviewState();
	expect(state === 'Relue', `relecture : état « ${state} », attendu « Relue »`);
	await signOut();

	// The référent marks it addressed.
	await signIn(REFERENT);
	st = await go(MIN);
	await visit('ministere-relue-referent', 'page_ministry.c / page_review.c', st);
	const mine = page.locator('tr', { hasText: RECO });
	st = await click(mine.locator('button:has-text("Marquer traitée")'));
	expect(query('ok') === 'traitee', `traitement : arrivée sur ${pathOf(page.url())}, attendu ?ok=traitee`);
	await visit('ministere-traitee', 'page_ministry.c / page_review.c', st);
	expect((await flash()).includes('Recommandation mise à jour'), 'traitement : message absent');
	const after = await page.locator('tr', { hasText: RECO }).first().textContent();
	expect(after.includes('Traitée'), `traitement : ligne « ${after.replace(/\s+/g, ' ')} » sans « Traitée »`);
}

async function flowImport() {
	// The template with one action more, same encoding (UTF-8 with BOM).
	const csv = path.join(WORK, 'min-a-2022-plus.csv');
	const orig = fs.readFileSync(path.join(DATA, 'roadmaps', 'min-a-2022.csv'));
	const extra = 'A-06;Mutualiser les imprimantes des étages;;Phase d\'usage;Réflexion;À lancer;non;' +
		'MIN-A-DNUM;;31/12/2023;;Nombre d\'imprimantes;;;;\n';
	fs.writeFileSync(csv, Buffer.concat([orig, Buffer.from(extra, 'utf8')]));

	await go(MIN);
	let st = await click(page.locator(`a[href="/ministeres/${ORG}/${PERIOD}/import"]`));
	await visit('import', 'page_io.c', st);
	await page.setInputFiles('#fichier', csv);
	st = await click(page.locator(`form[action$="/import"] button[type=submit]`));
	await visit('import-resultat', 'page_io.c', st);
	const h1 = await text('h1');
	expect(h1 === 'Import terminé', `import : titre « ${h1} », attendu « Import terminé »`);
	expect((await flash()).includes('Feuille de route importée'), 'import : message de réussite absent');
	const body = await text('main');
	// A-03 was edited in the browser: the file brings its old values back.
	expect(/6 actions lues/.test(body), 'import : « 6 actions lues » absent');
	expect(/1 créée, 1 modifiée, 4 inchangées/.test(body),
		`import : comptes inattendus : ${(body.match(/\d+ créées?.*/) || ['?'])[0]}`);

	st = await click(page.locator('a:has-text("Voir la feuille de route")'));
	await visit('ministere-importe', 'page_ministry.c', st);
	expect(query('ok') === 'importe' && (await flash()).includes('Feuille de route importée'),
		`après import : ${pathOf(page.url())} sans le message « Feuille de route importée. »`);
	const n = await page.locator(`table a[href^="${ACT}/"]`).count();
	expect(n === 6, `après import : ${n} actions listées, 6 attendues`);
	expect(await page.locator(`table a[href="${ACT}/A-06"]`).count() === 1, 'après import : A-06 absente');
	const exp = await context.request.get(`${BASE}/ministeres/${ORG}/${PERIOD}/export.csv`);
	const out = await exp.text();
	expect(exp.status() === 200 && out.includes('Mutualiser les imprimantes'),
		`export CSV : statut ${exp.status()}, A-06 ${out.includes('A-06') ? 'présente' : 'absente'}`);
}

async function flowFootprint() {
	let st = await click(page.locator('header a[href="/empreinte"]'));
	await visit('empreinte', 'page_footprint.c', st);
	const s = path.join(DATA, 'footprint', 'samples');
	await page.setInputFiles('#fp-physical', path.join(s, '2-physicalEquipments.csv'));
	await page.setInputFiles('#fp-datacenters', path.join(s, '1-datacenter.csv'));
	await page.setInputFiles('#fp-virtual', path.join(s, '3-virtualEquipments.csv'));
	await page.setInputFiles('#fp-applications', path.join(s, '4-applications.csv'));
	await page.selectOption('#fp-org', ORG);
	await page.fill('#fp-annee', '2025');
	st = await click(page.locator('form[action="/empreinte"] button[type=submit]'));
	await visit('empreinte-resultat', 'page_footprint.c', st);
	const h1 = await text('h1');
	expect(h1.includes("Résultat de l'évaluation"), `empreinte : titre « ${h1} »`);
	const totals = page.locator('table:has(caption:has-text("par critère")) tbody tr');
	const rows = await totals.count();
	expect(rows >= 1, 'empreinte : tableau des totaux par critère absent ou vide');
	if (rows) {
		const cells = await totals.first().locator('td').allTextContents();
		const total = Number((cells[cells.length - 1] || '').replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
		expect(total > 0, `empreinte : total « ${cells[cells.length - 1]} » non positif`);
		console.log(`  empreinte : ${(await totals.first().locator('th, td').allTextContents()).join(' | ')}`);
	}
	const physical = await text('table:has(caption:has-text("Lignes lues")) tr:has(th:has-text("physiques")) td.nc-num');
	expect(physical === '6', `empreinte : ${physical} équipements physiques lus, 6 attendus`);
	expect((await flash()).includes('Évaluation enregistrée'), 'empreinte : enregistrement non confirmé');
	st = await click(page.locator('a[href="/empreinte/MIN-A/2025"]').first());
	await visit('empreinte-enregistree', 'page_footprint.c', st);
	st = await click(page.locator('header a[href="/compte"]'));
	await visit('compte', 'page_account.c', st);
}

// The cell of an indicator's row in the ministry's table (0: the value of
// the year), white space collapsed.
async function indicatorCell(label, col) {
	const row = page.locator('tr', { has: page.locator(`th a:text-is("${label}")`) });
	if (await row.count() !== 1)
		return `(ligne « ${label} » introuvable)`;
	return (await row.locator('td').nth(col).textContent()).replace(/\s+/g, ' ').trim();
}

async function flowIndicators() {
	// The national page, then MIN-A's, from the header's navigation.
	let st = await click(page.locator('header a[href="/indicateurs"]'));
	await visit('indicateurs', 'page_indicators.c', st);
	await page.selectOption('#annee', String(IND_YEAR - 1));
	st = await click(page.locator('form[action="/indicateurs"] button[type=submit]'));
	expect(query('annee') === String(IND_YEAR - 1), `choix de l'année : arrivée sur ${pathOf(page.url())}`);
	st = await click(page.locator(`a[href="${IND_MIN}?annee=${IND_YEAR - 1}"]`).first());
	await visit('indicateurs-ministere', 'page_indicators.c', st);
	expect((await text('h1')).includes("Ministère de l'Exemple"), 'indicateurs du ministère : titre inattendu');

	// Last year's value, through the form.
	st = await click(page.locator('a:has-text("Saisir ou modifier les valeurs")'));
	await visit('indicateurs-saisie', 'page_ind_form.c', st);
	expect(await page.locator('#v-agents[inputmode="decimal"]').count() === 1,
		'saisie : champ v-agents absent ou sans inputmode="decimal"');
	expect((await page.locator('text=Calculé par numeco').count()) > 0,
		'saisie : aucun indicateur calculé affiché en lecture seule');
	await page.fill('#v-agents', '1000');
	await page.fill(`#v-${IND_PART}`, '10,5');
	st = await click(page.locator(`form[action^="${IND_FORM}"] button[type=submit]`));
	expect(query('ok') === 'valeurs', `saisie ${IND_YEAR - 1} : arrivée sur ${pathOf(page.url())}, attendu ?ok=valeurs`);

	// This year: a value more than three times last year's is refused until
	// a comment confirms it; what was typed stays in the form.
	st = await go(`${IND_FORM}?annee=${IND_YEAR}`);
	await page.fill('#v-agents', '1000');
	await page.fill(`#v-${IND_PART}`, '50');
	st = await click(page.locator(`form[action^="${IND_FORM}"] button[type=submit]`));
	await visit('indicateurs-saisie-refusee', 'page_ind_form.c', st, 400);
	const err = await page.locator(`#v-${IND_PART}-erreur`).count() ?
		await text(`#v-${IND_PART}-erreur`) : '';
	expect(/commentaire/.test(err), `saut sans commentaire : message « ${err} » sans demande de commentaire`);
	expect(await page.locator(`.fr-alert--error a[href="#v-${IND_PART}"]`).count() === 1,
		'saut sans commentaire : pas de lien vers le champ dans le résumé des erreurs');
	expect(await page.inputValue(`#v-${IND_PART}`) === '50', 'saut sans commentaire : valeur saisie perdue');
	await page.fill(`#c-${IND_PART}`, IND_COMMENT);
	st = await click(page.locator(`form[action^="${IND_FORM}"] button[type=submit]`));
	expect(new URL(page.url()).pathname === IND_MIN && query('ok') === 'valeurs',
		`saisie ${IND_YEAR} : arrivée sur ${pathOf(page.url())}, attendu ${IND_MIN}?…&ok=valeurs`);
	await visit('indicateurs-ministere-saisi', 'page_indicators.c', st);
	expect((await flash()).includes('Valeurs enregistrées'), 'saisie : message « Valeurs enregistrées. » absent');
	const part = await indicatorCell('Part des agents formés ou sensibilisés', 0);
	const prev = await indicatorCell('Part des agents formés ou sensibilisés', 1);
	const agents = await indicatorCell('Agents du ministère', 0);
	expect(part === '50 %', `page du ministère : part des agents formés « ${part} », attendu « 50 % »`);
	expect(prev === '10,5 %', `page du ministère : valeur ${IND_YEAR - 1} « ${prev} », attendu « 10,5 % »`);
	expect(agents === '1 000 agents', `page du ministère : agents « ${agents} », attendu « 1 000 agents »`);
	const comment = await indicatorCell('Part des agents formés ou sensibilisés', 6);
	expect(comment.includes(IND_COMMENT), `page du ministère : commentaire « ${comment} »`);
	st = await click(page.locator(`a[href="/indicateurs/indicateur/${IND_PART}?annee=${IND_YEAR}"]`).first());
	await visit('indicateur', 'page_ind_def.c', st);
}

// The RGESN with JavaScript off: a service registered through its form, the
// quick self-diagnosis answered with radio buttons (a refused answer first),
// its first score, its conversion into a complete assessment, an answer
// refused then accepted in the assessment's form, the declaration published
// and opened at the service's stable address. Globals set for the measures.
let svcDiag = '', svcAssess = '';

async function flowRgesn() {
	let st = await click(page.locator('header a[href="/services"]'));
	await visit('services', 'page_services.c', st);
	st = await click(page.locator('a[href="/services/nouveau"]'));
	await visit('service-nouveau', 'page_service_form.c', st);
	await page.fill('#code', SVC);
	await page.fill('#nom', 'Démarches en ligne (e2e)');
	await page.fill('#url', 'https://demarches.exemple.gouv.fr');
	await page.selectOption('#org', 'MIN-A-DNUM');
	await page.fill('#contact', 'dnum@a.exemple.gouv.fr');
	st = await click(page.locator('form[action="/services/nouveau"] button[type=submit]'));
	expect(new URL(page.url()).pathname === SVC_PAGE && query('ok') === 'enregistre',
		`service : arrivée sur ${pathOf(page.url())}, attendu ${SVC_PAGE}?ok=enregistre`);
	await visit('service', 'page_services.c', st);

	// The quick self-diagnosis: 10 conforme, 5 non conforme, 2 non
	// applicable, 1 en cours, 2 left at « je ne sais pas ».
	st = await click(page.locator(`a[href="${SVC_PAGE}/diagnostic"]`));
	await visit('autodiagnostic', 'page_diag.c', st);
	const names = await page.locator('input[type=radio][value=conforme]')
		.evaluateAll((els) => els.map((e) => e.name));
	expect(names.length === 20, `autodiagnostic : ${names.length} questions, 20 attendues`);
	const unknown = await page.locator('input[type=radio][value=non_evalue]:checked').count();
	expect(unknown === names.length, `autodiagnostic : ${unknown} « je ne sais pas » cochés d'avance`);
	const answers = ['conforme', 'conforme', 'conforme', 'conforme', 'conforme', 'conforme', 'conforme',
		'conforme', 'conforme', 'conforme', 'non_conforme', 'non_conforme', 'non_conforme',
		'non_conforme', 'non_conforme', 'non_applicable', 'non_applicable', 'en_cours'];
	// DSFR draws the radio buttons over their labels: a click on the label
	// checks the button, as a person does.
	for (let i = 0; i < answers.length && i < names.length; i++)
		await page.click(`label[for="${names[i]}-${answers[i]}"]`);
	const checked = await page.locator('input[type=radio][value=conforme]:checked').count();
	expect(checked === 10, `autodiagnostic : ${checked} « conforme » cochés, 10 attendus`);
	const id = (n) => n.slice(2); // "r-1-2" → "1-2"
	await page.fill(`#j-${id(names[15])}`, 'Le service ne diffuse aucune vidéo (e2e).');
	await page.fill(`#d-${id(names[17])}`, '2027-06-30');
	// The second non applicable has no justification: refused, nothing kept.
	st = await click(page.locator(`form[action="${SVC_PAGE}/diagnostic"] button[type=submit]`));
	await visit('autodiagnostic-refuse', 'page_diag.c', st, 400);
	const err = await page.locator(`#${names[16]}-erreur`).count() ? await text(`#${names[16]}-erreur`) : '';
	expect(/justification/.test(err), `autodiagnostic refusé : message « ${err} » sans demande de justification`);
	expect(await page.locator(`.fr-alert--error a[href="#${names[16]}"]`).count() === 1,
		'autodiagnostic refusé : pas de lien vers la question dans le résumé');
	expect(await page.isChecked(`#${names[0]}-conforme`), 'autodiagnostic refusé : réponse perdue');
	await page.fill(`#j-${id(names[16])}`, 'Aucune notification envoyée (e2e).');
	st = await click(page.locator(`form[action="${SVC_PAGE}/diagnostic"] button[type=submit]`));
	expect(/^\/evaluations\/\d+$/.test(new URL(page.url()).pathname) && query('ok') === 'diagnostic',
		`autodiagnostic : arrivée sur ${pathOf(page.url())}, attendu /evaluations/N?ok=diagnostic`);
	svcDiag = new URL(page.url()).pathname;
	await visit('autodiagnostic-resultat', 'page_diag.c', st);
	const lead = await text('p.fr-text--lead');
	expect(lead === 'Premier score : 55,6 %', `autodiagnostic : « ${lead} », attendu « Premier score : 55,6 % »`);
	const steps = await page.locator('h2#commencer + p + ol > li').count();
	expect(steps === 5, `autodiagnostic : ${steps} critères à regarder d'abord, 5 attendus`);

	// Into a complete assessment.
	st = await click(page.locator('button:has-text("Transformer en évaluation complète")'));
	expect(query('ok') === 'convertie', `conversion : arrivée sur ${pathOf(page.url())}, attendu ?ok=convertie`);
	svcAssess = new URL(page.url()).pathname;
	await visit('evaluation', 'page_assess.c', st);
	const score = await text('p.fr-text--lead');
	expect(score === 'Score : 13,2 %', `évaluation : « ${score} », attendu « Score : 13,2 % »`);
	// The family filter (a GET form), then one answer refused and accepted.
	await page.selectOption('#famille', '1');
	st = await click(page.locator(`form[method=get][action="${svcAssess}"] button[type=submit]`));
	expect(query('famille') === '1', `filtre : arrivée sur ${pathOf(page.url())}, attendu ?famille=1`);
	await page.selectOption('#r-1-1', 'non_applicable');
	st = await click(page.locator(`form[action^="${svcAssess}/reponses"] button[type=submit]`));
	await visit('evaluation-refusee', 'page_assess.c', st, 400);
	const err2 = await page.locator('#r-1-1-erreur').count() ? await text('#r-1-1-erreur') : '';
	expect(/justification/.test(err2), `réponse refusée : message « ${err2} »`);
	await page.fill('#j-1-1', 'Service imposé par la loi (e2e).');
	st = await click(page.locator(`form[action^="${svcAssess}/reponses"] button[type=submit]`));
	expect(query('ok') === 'reponses' && query('famille') === '1',
		`réponses : arrivée sur ${pathOf(page.url())}, attendu ?famille=1&ok=reponses`);
	expect((await flash()).includes('Réponses enregistrées'), 'réponses : message absent');

	// Publishing, then the stable address of the declaration.
	await page.fill('#contact', SVC_CONTACT);
	st = await click(page.locator(`form[action="${svcAssess}/publier"] button[type=submit]`));
	expect(query('ok') === 'publiee', `publication : arrivée sur ${pathOf(page.url())}, attendu ?ok=publiee`);
	await visit('evaluation-publiee', 'page_assess.c', st);
	expect(await page.locator(`form[action="${svcAssess}/reponses"]`).count() === 0,
		'évaluation publiée : le formulaire des réponses est encore là');
	st = await go(SVC_PAGE);
	st = await click(page.locator(`a[href="${SVC_PAGE}/declaration"]`));
	expect(new URL(page.url()).pathname === `${SVC_PAGE}/declaration`,
		`déclaration : arrivée sur ${pathOf(page.url())}`);
	await visit('declaration', 'page_declaration.c / rg_declaration_html.c', st);
	const body = await text('body');
	expect(body.includes('Démarches en ligne (e2e)') && body.includes(SVC_CONTACT),
		'déclaration : service ou contact absent');
	// 10 conforming among 75 applicable: 13,3 %, written 13 % (whole percentages).
	expect(/13(,3)?\s*%/.test(body), 'déclaration : score (13 %) absent');
	st = await go('/rgesn/consolidation');
	await visit('consolidation', 'page_rgesn.c', st);
	st = await go('/rgesn');
	await visit('criteres', 'page_rgesn.c', st);
}

// ---- measures ----

// The main pages: the sign-in page is measured before signing in, the others
// at the end, signed in as référent A, on the data the flows left.
const MEASURED = [
	['connexion', '/connexion', 'page_auth.c'],
	['tableau de bord', '/', 'page_dashboard.c'],
	['ministère', MIN, 'page_ministry.c'],
	['ministère, 120 actions (page 1 sur 3)', LONG, 'page_ministry.c'],
	['action', `${ACT}/${REF}`, 'page_action.c'],
	['modification', `${ACT}/${REF}/modifier`, 'page_action.c'],
	['empreinte', '/empreinte', 'page_footprint.c'],
	['indicateurs', IND_NAT, 'page_indicators.c'],
	['indicateurs du ministère', `${IND_MIN}?annee=${IND_YEAR}`, 'page_indicators.c'],
	['saisie des indicateurs', `${IND_FORM}?annee=${IND_YEAR}`, 'page_ind_form.c'],
	['indicateur', `/indicateurs/indicateur/${IND_PART}?annee=${IND_YEAR}`, 'page_ind_def.c'],
	['services numériques', '/services', 'page_services.c'],
	['autodiagnostic', `${SVC_PAGE}/diagnostic`, 'page_diag.c'],
	['résultat de l\'autodiagnostic', () => svcDiag, 'page_diag.c'],
	['évaluation (15 critères)', () => svcAssess, 'page_assess.c'],
	['déclaration d\'écoconception', `${SVC_PAGE}/declaration`, 'page_declaration.c'],
	['critères du RGESN', '/rgesn', 'page_rgesn.c'],
	['consolidation RGESN', '/rgesn/consolidation', 'page_rgesn.c'],
];

const kb = (b) => b / 1024;
const fmt = (x, d = 1) => x.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d });

// The bars a measure misses, as messages (empty when all are met).
function missedBars(label, owner, m) {
	const out = [];
	const w = `mesure « ${label} » (${owner})`;
	if (m.cold.status !== 200)
		out.push(`${w} : statut HTTP ${m.cold.status}`);
	if (!(kb(m.cold.bytes) < BARS.firstKb))
		out.push(`${w} : premier chargement ${fmt(kb(m.cold.bytes))} Ko transférés (moins de ${BARS.firstKb} Ko attendus)`);
	if (!(kb(m.warm.bytes) < BARS.laterKb))
		out.push(`${w} : chargement suivant ${fmt(kb(m.warm.bytes))} Ko transférés (moins de ${BARS.laterKb} Ko attendus)`);
	if (!(m.cold.requests < BARS.requests))
		out.push(`${w} : ${m.cold.requests} requêtes au premier chargement (moins de ${BARS.requests} attendues)`);
	if (!(m.cold.dom < BARS.dom))
		out.push(`${w} : ${m.cold.dom} éléments DOM (moins de ${BARS.dom} attendus)`);
	for (const it of m.warm.items)
		if (!it.cached && /\/static\//.test(it.url))
			out.push(`${w} : ${pathOf(it.url)} téléchargé de nouveau au second chargement (cache)`);
	for (const it of m.cold.items)
		if (/\/static\//.test(it.url) &&
			(!/immutable/.test(it.cacheControl) || !/\.[0-9a-f]{8,}\.[a-z0-9]+$/.test(it.url)))
			out.push(`${w} : ${pathOf(it.url)} sans empreinte dans l'URL ou sans Cache-Control immutable (${it.cacheControl})`);
	return out;
}

// Measures the pages of MEASURED whose label is in labels.
async function runMeasures(labels) {
	const rows = [];
	for (const [label, where, owner] of MEASURED.filter((m) => labels.includes(m[0]))) {
		// Addresses known once the flows ran are functions.
		const url = typeof where === 'function' ? where() : where;
		if (!url) {
			fail(`mesure « ${label} » : adresse inconnue (le parcours n'est pas allé jusque-là)`);
			continue;
		}
		const m = await meter.measure(BASE + url);
		const eco = ecoindex(m.cold.dom, m.cold.requests, kb(m.cold.bytes));
		const ecoWarm = ecoindex(m.warm.dom, m.warm.network, kb(m.warm.bytes));
		rows.push({ label, url, owner, m, eco, ecoWarm });
		if (m.cold.cached)
			fail(`mesure « ${label} » invalide : ${m.cold.cached} réponse(s) du cache au premier chargement`);
		for (const msg of missedBars(label, owner, m))
			fail(msg);
		const detail = m.cold.items.map((i) => `${pathOf(i.url)} ${fmt(kb(i.bytes))} Ko`).join(', ');
		console.log(`mesure ${label} : ${detail}`);
	}
	return rows;
}

function table(rows) {
	const head = '| Page | Adresse | DOM | 1er chargement : requêtes | 1er : Ko transférés | ' +
		'Chargement suivant : requêtes réseau (en cache) | Suivant : Ko | EcoIndex (1er) | ' +
		'EcoIndex (suivant) | GES/vue (1er) | Module |\n' +
		'|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|\n';
	return head + rows.map((r) => `| ${r.label} | \`${r.url}\` | ${r.m.cold.dom} | ${r.m.cold.requests} | ` +
		`${fmt(kb(r.m.cold.bytes))} | ${r.m.warm.network} (${r.m.warm.cached}) | ${fmt(kb(r.m.warm.bytes))} | ` +
		`${fmt(r.eco.score, 0)} ${r.eco.grade} | ${fmt(r.ecoWarm.score, 0)} ${r.ecoWarm.grade} | ` +
		`${fmt(r.eco.ges, 2)} g | ${r.owner} |`).join('\n') + '\n';
}

// The composition of a first load, and the pages audited.
function details(rows) {
	const first = rows[0].m.cold.items.map((i) => `- \`${pathOf(i.url)}\` : ${fmt(kb(i.bytes))} Ko`).join('\n');
	const axeVersion = require('axe-core/package.json').version;
	const audits = auditLog.map((a) => {
		const v = a.violations;
		const summary = v.length ? v.map((x) => `${x.impact} ${x.id}`).join(', ') : 'aucune';
		return `| ${a.label} | \`${a.url}\` | ${a.dom} | ${summary} | ${a.owner} |`;
	}).join('\n');
	return `Premier chargement de la page de connexion, octets transférés :

${first}

La feuille de style (sous-ensemble du DSFR, compressée) et les deux polices
Marianne (normale et grasse) font l'essentiel du premier chargement ; ensuite
seul le HTML (compressé) transite.

## Pages parcourues (axe-core ${axeVersion})

Chaque page affichée pendant le parcours (sans JavaScript) : éléments DOM et
violations axe-core de tout niveau (le test échoue sur « serious » ou
« critical »). Captures pleine page dans le dossier d'artefacts du test.

| Page | Adresse | DOM | Violations axe | Module |
|---|---|--:|---|---|
${audits}
`;
}

function measuresDoc(rows, version) {
	const date = new Date().toISOString().slice(0, 10);
	const cmd = process.env.E2E_COMMAND || `BASE=… node tests/e2e/web_e2e.js`;
	return `# Mesures des pages web (numeco serve)

Produit par \`tests/e2e/web_e2e.js\` (test \`integration/web_e2e\`) le ${date},
${version}, sur les données de test (\`tests/data\`) : feuille de route
MIN-A 2022 de 6 actions après le parcours, une recommandation, une évaluation
d'empreinte ; feuille de route MIN-B 2023 de 120 actions, 50 par page ;
catalogue d'indicateurs par défaut (24), valeurs de MIN-A saisies par le
formulaire pour ${IND_YEAR - 1} et ${IND_YEAR} ; RGESN 2024 (78 critères), un
service de MIN-A avec son autodiagnostic (20 questions), l'évaluation complète
qui en est issue (15 critères par page) et sa déclaration publiée.
Commande :

\`\`\`sh
${cmd}
\`\`\`

Méthode : Chromium sans JavaScript ; avant chaque premier chargement, le cache
HTTP est vidé (\`Network.clearBrowserCache\`, et le test vérifie qu'aucune
réponse n'en vient) ; session de référent A (la page de connexion, sans
session). Les requêtes et les octets sont ceux du panneau réseau de Chromium (protocole
DevTools : \`encodedDataLength\`, en-têtes compris, corps compressés ; les
URL \`data:\` ne sont pas des requêtes). Le « chargement suivant » rouvre la
page dans le même contexte : les feuilles de style et polices (URL à
empreinte, \`Cache-Control: immutable\`) viennent du cache. EcoIndex selon
cnumr/ecoindex_python (quantiles HTTP Archive, Ko de 1 024 octets, note A > 80,
B > 70, C > 55, D > 40, E > 25, F > 10, sinon G ; GES = 2 + 2 × (50 − note) / 100
gCO2e par vue).

Seuils du ticket : premier chargement < ${BARS.firstKb} Ko (feuille de style et polices
comprises), chargements suivants < ${BARS.laterKb} Ko, < ${BARS.requests} requêtes, DOM < ${BARS.dom}
éléments.

${table(rows)}
${details(rows)}`;
}

// ---- self-checks: the checks must be able to fail ----

async function selfChecks() {
	const broken = '<!DOCTYPE html><html lang="fr"><head><title>Page cassée</title></head><body>' +
		'<main><h1>Page cassée</h1><img src="data:,"><form><input type="text" name="q">' +
		'</form></main></body></html>';
	await auditorReady;
	const v = await auditor.check(broken);
	const ids = v.filter((x) => x.blocking).map((x) => x.id);
	if (expect(ids.includes('image-alt') && ids.includes('label'),
		`auto-contrôle : axe ne signale pas l'image sans alt et le champ sans étiquette (${ids.join(', ')})`))
		console.log(`auto-contrôle axe : page cassée refusée (${ids.join(', ')})`);
	const heavy = {
		cold: { status: 200, dom: 1200, requests: 20, bytes: 400 * 1024, items: [] },
		warm: { status: 200, dom: 1200, requests: 20, network: 1, cached: 0, bytes: 40 * 1024,
			items: [{ url: BASE + '/static/numeco.css', cached: false }] },
	};
	const missed = missedBars('lourde', 'auto-contrôle', heavy);
	if (expect(missed.length === 5, `auto-contrôle : ${missed.length} seuils manqués sur 5 pour une page trop lourde`))
		console.log('auto-contrôle seuils : page trop lourde refusée (5 seuils manqués)');
	const e = ecoindex(2240, 254, 310182.902);
	if (expect(Math.abs(e.score - 5.64) < 0.01 && e.grade === 'G' && ecoindex(0, 0, 0).grade === 'A',
		`auto-contrôle : EcoIndex de référence ${e.score.toFixed(2)} ${e.grade}, attendu 5,64 G`))
		console.log('auto-contrôle EcoIndex : valeur de référence retrouvée (5,64 G)');
}

async function main() {
	fs.mkdirSync(ART, { recursive: true });
	for (const f of fs.readdirSync(ART))
		if (/^\d\d-.*\.png$/.test(f))
			fs.unlinkSync(path.join(ART, f));
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const version = `Chromium ${browser.version()}`;
	let rows = [];
	try {
		auditor = new Auditor(browser, BASE);
		auditorReady = auditor.open(); // axe loads while the flows start
		auditorReady.catch(() => {}); // its failure is reported where awaited
		context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
		page = await context.newPage();
		page.setDefaultTimeout(10000);
		meter = new Meter(context);
		await meter.open();

		await step('0. mesure de la page de connexion', async () => {
			rows = await runMeasures(['connexion']);
		});
		await step('1. connexion (référent A)', flowSignIn);
		await step('2. tableau de bord, ministère, action', flowBrowse);
		await step('3. modification d\'une action', flowEdit);
		await step('4. revue (soumission, recommandation, relecture, traitement)', flowReview);
		await step('5. import d\'un fichier', flowImport);
		await step('6. empreinte et compte', flowFootprint);
		await step('6 bis. indicateurs (saisie sans JavaScript)', flowIndicators);
		await step('6 ter. services numériques (autodiagnostic, évaluation, déclaration sans JavaScript)',
			flowRgesn);
		await step('7. mesures', async () => {
			rows = rows.concat(await runMeasures(MEASURED.slice(1).map((m) => m[0])));
		});
		await step('8. captures et audits axe en cours', () => audits);
		await step('9. auto-contrôles', selfChecks);
	} finally {
		await auditor.close().catch(() => {});
		await browser.close();
	}

	if (rows.length) {
		console.log('\n' + table(rows));
		const doc = measuresDoc(rows, version);
		fs.writeFileSync(path.join(ART, 'web-measures.md'), doc);
		if (process.env.E2E_MEASURES_DOC) {
			fs.writeFileSync(process.env.E2E_MEASURES_DOC, doc);
			console.log(`mesures écrites dans ${process.env.E2E_MEASURES_DOC}`);
		}
	}
	console.log(`captures (PNG, pleine page) : ${shots.length} dans ${ART}`);
	console.log(`mesures : ${path.join(ART, 'web-measures.md')}`);
	console.log(`durée : ${secs(started)} s`);
	if (failures.length) {
		console.log(`\n${failures.length} échec(s) :`);
		for (const f of failures)
			console.log(`  - ${f}`);
		process.exit(1);
	}
	console.log('web_e2e : tout est conforme');
}

main().catch((e) => {
	console.error(e);
	process.exit(3);
});
