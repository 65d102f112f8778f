// web_audit.js: axe-core on the pages the JavaScript-less browser saw. axe is
// a script, so it runs in a second browser context with JavaScript on (and the
// page's CSP bypassed, or the injected script would be refused): one page at
// the server's origin gets axe once, then each audited page's HTML is written
// into it (document.open/write keeps the window, hence axe), its style sheet
// loads from the server, it is photographed, and axe runs. Injecting axe anew
// for each page costs seconds; and a page answering a POST (an import's
// result) has no URL to load again, so the HTML is taken from the page as
// shown. Without scripts, the same HTML and style sheet render the same.
'use strict';
const fs = require('fs');

const BLOCKING = new Set(['serious', 'critical']);

class Auditor {
	constructor(browser, base) {
		this.browser = browser;
		this.base = base;
		this.axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
	}

	async open() {
		this.context = await this.browser.newContext({ javaScriptEnabled: true, bypassCSP: true });
		this.page = await this.context.newPage();
		this.page.setDefaultTimeout(15000);
		await this.page.goto(this.base + '/connexion');
		await this.page.addScriptTag({ content: this.axeSource });
	}

	async close() {
		if (this.context)
			await this.context.close();
	}

	// Runs axe on html, after a full-page screenshot into the PNG file shot
	// when given; returns the violations as
	// { id, impact, help, blocking, targets: [selector...] }.
	async check(html, shot) {
		const p = this.page;
		await p.evaluate((h) => {
			document.open();
			document.write(h);
			document.close();
		}, html);
		await p.waitForFunction(() => document.readyState === 'complete' &&
			[...document.querySelectorAll('link[rel=stylesheet]')].every((l) => l.sheet));
		if (shot)
			await p.screenshot({ path: shot, fullPage: true });
		if (await p.evaluate(() => typeof window.axe === 'undefined'))
			await p.addScriptTag({ content: this.axeSource });
		const r = await p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
		return r.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			blocking: BLOCKING.has(v.impact),
			targets: v.nodes.map((n) => n.target.join(' ')),
		}));
	}
}

// Facts about the page shown (script-less): element count, h1 count, scripts,
// style attributes, language, the visible form fields without a label.
async function pageFacts(page) {
	return page.evaluate(() => {
		const unlabelled = [];
		for (const el of document.querySelectorAll('input, select, textarea')) {
			if (el.type === 'hidden' || el.type === 'submit')
				continue;
			const byFor = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
			if (!byFor && !el.closest('label') && !el.getAttribute('aria-label'))
				unlabelled.push(el.name || el.id || el.tagName.toLowerCase());
		}
		return {
			dom: document.getElementsByTagName('*').length,
			h1: document.getElementsByTagName('h1').length,
			scripts: document.getElementsByTagName('script').length,
			styled: document.querySelectorAll('[style]').length,
			lang: document.documentElement.lang,
			title: document.title,
			unlabelled,
		};
	});
}

module.exports = { Auditor, pageFacts };
