// web_ecoindex.js: the EcoIndex of a page view, as cnumr/ecoindex_python
// computes it: each of DOM size, requests and KB transferred is placed among
// the quantiles of the HTTP Archive, score = 100 - 5 * (3 q_dom + 2 q_req +
// q_size) / 6, grade A (> 80) to G; greenhouse gases and water per view too.
'use strict';

const QUANTILES = {
	dom: [0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237,
		1459, 1801, 2479, 594601],
	req: [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281,
		3920],
	size: [0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32,
		1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54,
		223212.26],
};

const GRADES = [['A', 80], ['B', 70], ['C', 55], ['D', 40], ['E', 25], ['F', 10]];

// The position of v among the quantiles q: i - 1 plus the fraction of the
// way from q[i-1] to q[i], for the first i with v < q[i].
function quantile(q, v) {
	for (let i = 1; i < q.length; i++)
		if (v < q[i])
			return i - 1 + (v - q[i - 1]) / (q[i] - q[i - 1]);
	return q.length - 1;
}

function grade(score) {
	for (const [g, min] of GRADES)
		if (score > min)
			return g;
	return 'G';
}

// dom: element count; requests: HTTP requests; sizeKb: KB (1 024 bytes)
// transferred. Returns { score, grade, ges (gCO2e), water (cl) }.
function ecoindex(dom, requests, sizeKb) {
	const s = 100 - (5 * (3 * quantile(QUANTILES.dom, dom) + 2 * quantile(QUANTILES.req, requests) +
		quantile(QUANTILES.size, sizeKb))) / 6;
	const score = Math.max(0, Math.min(100, s));
	return {
		score,
		grade: grade(score),
		ges: 2 + (2 * (50 - score)) / 100,
		water: 3 + (3 * (50 - score)) / 100,
	};
}

module.exports = { QUANTILES, quantile, grade, ecoindex };
