// web_measure.js: what a page view costs, as Chromium's network panel counts
// it (DevTools protocol): requests that reached the network, those served
// from the cache, bytes transferred (headers and compressed bodies, the
// encodedDataLength of each response; data: URLs are no request), and the
// DOM element count; on a first load with an empty cache and on a second one
// with the cache warm.
'use strict';

// Follows the network events of one page.
class NetLog {
	constructor(cdp) {
		this.reqs = new Map();
		this.list = [];
		cdp.on('Network.requestWillBeSent', (e) => {
			if (!/^https?:/.test(e.request.url))
				return;
			if (e.redirectResponse) {
				// The redirect was a request of its own.
				const prev = this.reqs.get(e.requestId);
				if (prev) {
					prev.status = e.redirectResponse.status;
					prev.bytes = e.redirectResponse.encodedDataLength || 0;
					prev.done = true;
				}
			}
			const r = { url: e.request.url, cached: false, bytes: 0, done: false, status: 0, headers: {} };
			this.reqs.set(e.requestId, r);
			this.list.push(r);
		});
		cdp.on('Network.requestServedFromCache', (e) => {
			const r = this.reqs.get(e.requestId);
			if (r)
				r.cached = true;
		});
		cdp.on('Network.responseReceived', (e) => {
			const r = this.reqs.get(e.requestId);
			if (!r)
				return;
			r.status = e.response.status;
			if (e.response.fromDiskCache || e.response.fromMemoryCache || e.response.fromPrefetchCache)
				r.cached = true;
			for (const [k, v] of Object.entries(e.response.headers || {}))
				r.headers[k.toLowerCase()] = v;
		});
		cdp.on('Network.loadingFinished', (e) => {
			const r = this.reqs.get(e.requestId);
			if (r) {
				r.bytes = r.cached ? 0 : e.encodedDataLength;
				r.done = true;
			}
		});
		cdp.on('Network.loadingFailed', (e) => {
			const r = this.reqs.get(e.requestId);
			if (r) {
				r.failed = e.errorText;
				r.done = true;
			}
		});
	}

	reset() {
		this.reqs.clear();
		this.list = [];
	}

	async settle(timeoutMs) {
		const end = Date.now() + timeoutMs;
		while (this.list.some((r) => !r.done) && Date.now() < end)
			await new Promise((res) => setTimeout(res, 20));
	}

	summary() {
		const net = this.list.filter((r) => !r.cached);
		return {
			requests: this.list.length,
			network: net.length,
			cached: this.list.length - net.length,
			bytes: net.reduce((s, r) => s + r.bytes, 0),
			items: this.list.map((r) => ({
				url: r.url, status: r.status, cached: r.cached, bytes: r.bytes,
				cacheControl: r.headers['cache-control'] || '', failed: r.failed || '',
			})),
		};
	}
}

async function load(page, log, url) {
	log.reset();
	const resp = await page.goto(url, { waitUntil: 'load' });
	// Fonts are fetched once the text is laid out; wait for them too.
	await page.evaluate(() => document.fonts.ready.then(() => 0));
	await log.settle(5000);
	const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
	return { status: resp ? resp.status() : 0, dom, ...log.summary() };
}

// A page that measures loads in context (JavaScript off): its HTTP cache is
// emptied before each first load, which must then come from the network.
class Meter {
	constructor(context) {
		this.context = context;
	}

	async open() {
		this.page = await this.context.newPage();
		this.cdp = await this.context.newCDPSession(this.page);
		await this.cdp.send('Network.enable');
		this.log = new NetLog(this.cdp);
	}

	async close() {
		await this.page.close();
	}

	// Loads url with an empty cache, then again with the cache warm:
	// { cold, warm }, each { status, dom, requests, network, cached, bytes, items }.
	async measure(url) {
		await this.page.goto('about:blank');
		await this.cdp.send('Network.clearBrowserCache');
		const cold = await load(this.page, this.log, url);
		await this.page.goto('about:blank');
		const warm = await load(this.page, this.log, url);
		return { cold, warm };
	}
}

module.exports = { Meter };
