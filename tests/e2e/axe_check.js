// axe_check.js FILE_OR_URL...: loads each page in Debian's headless Chromium
// (playwright-core, no browser download), runs axe-core on it and prints one
// line per violation; exits 1 when any serious or critical violation is found.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

async function main() {
	const targets = process.argv.slice(2);
	if (targets.length === 0) {
		console.error('usage : node axe_check.js FICHIER.html|URL...');
		process.exit(2);
	}
	const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	let blocking = 0;
	try {
		for (const t of targets) {
			const url = /^[a-z]+:\/\//.test(t) ? t : 'file://' + path.resolve(t);
			const page = await browser.newPage();
			await page.goto(url);
			await page.addScriptTag({ content: axeSource });
			const r = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
			const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
			for (const v of r.violations) {
				console.log(`${t}: ${v.impact}: ${v.id}: ${v.help} (${v.nodes.length} éléments, ex. ${v.nodes[0].target.join(' ')})`);
				if (v.impact === 'serious' || v.impact === 'critical') blocking++;
			}
			console.log(`${t}: ${r.violations.length} violation(s), ${dom} éléments DOM`);
			await page.close();
		}
	} finally {
		await browser.close();
	}
	process.exit(blocking ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(3); });
