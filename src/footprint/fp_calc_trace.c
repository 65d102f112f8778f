/* fp_calc_trace.c: the French traces of computed indicators (formula with the values used) and the
 * number form they use. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "footprint/fp_calc_int.h"
#include "footprint/fp_run_int.h"

/* ---- numbers: fp_num ----
 *
 * The form is printf's %.15g, or %.16g, or %.17g: the first that reads back
 * (strtod) to the same double. The detailed output formats tens of millions
 * of numbers, and printf + strtod of a double cost over a microsecond, so
 * the same digits are computed exactly here with small big integers: for
 * v = m·2^-s, the P digits are m·10^k / 2^s correctly rounded (ties to
 * even, as printf does), and they read back to v when their distance to v
 * is within half the gap to the neighbouring doubles (the rounding interval
 * of strtod, ties to the even mantissa). Values out of that range (huge,
 * tiny, subnormal, non-finite) take the printf path. */

/* Unsigned big integer, 32-bit limbs, least significant first: m·10^k for
 * m < 2^53 and k <= NUM_KMAX takes at most 53 + 200 bits. */
#define BIG_LIMBS 10
#define NUM_KMAX  60
#define NUM_SMAX  260

struct big {
	uint32_t w[BIG_LIMBS];
	int n; /* limbs in use, w[n - 1] != 0 */
};

static void big_set(struct big *a, uint64_t v)
{
	a->n = 0;
	for (; v; v >>= 32)
		a->w[a->n++] = (uint32_t)v;
}

/* a = 2^e */
static void big_pow2(struct big *a, int e)
{
	a->n = e / 32 + 1;
	memset(a->w, 0, (size_t)a->n * sizeof(a->w[0]));
	a->w[e / 32] = 1u << (e % 32);
}

static void big_mul(struct big *a, uint32_t f)
{
	uint64_t carry = 0;
	for (int i = 0; i < a->n; i++) {
		uint64_t t = (uint64_t)a->w[i] * f + carry;
		a->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry)
		a->w[a->n++] = (uint32_t)carry;
}

static void big_mul_pow10(struct big *a, int k)
{
	static const uint32_t p10[9] = { 1,	 10,	  100,	    1000,     10000,
					 100000, 1000000, 10000000, 100000000 };
	for (; k >= 9; k -= 9)
		big_mul(a, 1000000000u);
	if (k)
		big_mul(a, p10[k]);
}

/* a = a·2^sh, 0 < sh < 32. */
static void big_shl(struct big *a, int sh)
{
	uint32_t carry = 0;
	for (int i = 0; i < a->n; i++) {
		uint32_t w = a->w[i];
		a->w[i] = (w << sh) | carry;
		carry = w >> (32 - sh);
	}
	if (carry)
		a->w[a->n++] = carry;
}

static void big_add(struct big *a, const struct big *b)
{
	uint64_t carry = 0;
	int n = a->n > b->n ? a->n : b->n;
	for (int i = 0; i < n; i++) {
		uint64_t t = carry + (i < a->n ? a->w[i] : 0) + (i < b->n ? b->w[i] : 0);
		a->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
	a->n = n;
	if (carry)
		a->w[a->n++] = (uint32_t)carry;
}

static int big_cmp(const struct big *a, const struct big *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

/* a >> s (*over set when it has more than 64 bits); lo = a mod 2^s. */
static uint64_t big_split(const struct big *a, int s, struct big *lo, int *over)
{
	int full = s / 32, bits = s % 32;
	uint32_t w[3];
	for (int i = 0; i < 3; i++)
		w[i] = full + i < a->n ? a->w[full + i] : 0;
	uint64_t low = (uint64_t)w[1] << 32 | w[0];
	uint64_t hi = bits ? low >> bits | (uint64_t)w[2] << (64 - bits) : low;
	*over = a->n - full > 3 || (w[2] >> bits) != 0;
	*lo = *a;
	if (lo->n > full) {
		lo->n = full + (bits != 0);
		if (bits)
			lo->w[full] &= (1u << bits) - 1;
	}
	while (lo->n && !lo->w[lo->n - 1])
		lo->n--;
	return hi;
}

static const uint64_t pow10_u64[18] = { 1ULL,
					10ULL,
					100ULL,
					1000ULL,
					10000ULL,
					100000ULL,
					1000000ULL,
					10000000ULL,
					100000000ULL,
					1000000000ULL,
					10000000000ULL,
					100000000000ULL,
					1000000000000ULL,
					10000000000000ULL,
					100000000000000ULL,
					1000000000000000ULL,
					10000000000000000ULL,
					100000000000000000ULL };

/* The p significant digits of m·2^-s correctly rounded: *q in
 * [10^(p-1), 10^p), *x the decimal exponent of the rounded value (an
 * estimate on entry), *back whether they read back to the same double
 * (low_half: the gap to the double below is half the gap above). 0, or -1
 * out of range. */
static int num_digits(uint64_t m, int s, int low_half, int p, int *x, uint64_t *q, int *back)
{
	for (int tries = 0; tries < 4; tries++) {
		int k = p - 1 - *x, up = 0;
		uint64_t q0 = 0;
		if (k < 0 || k > NUM_KMAX)
			return -1;
		struct big n, r;
		big_set(&n, m);
		big_mul_pow10(&n, k);
		int over;
		q0 = big_split(&n, s, &r, &over);
		if (over || q0 >= pow10_u64[p]) {
			(*x)++;
			continue;
		}
		if (q0 < pow10_u64[p - 1]) {
			(*x)--;
			continue;
		}
		/* Rounding: r against half of 2^s. */
		struct big t;
		big_pow2(&t, s - 1);
		int c = big_cmp(&r, &t);
		up = c > 0 || (c == 0 && (q0 & 1));
		/* Distance to v within the rounding interval: below, r·10^-k·2^-s
		 * <= 2^-s/2 (/4 when low_half); above, (2^s - r)·10^-k·2^-s <=
		 * 2^-s/2. Equality reads back to v only when m is even. */
		struct big lim;
		big_set(&lim, 1);
		big_mul_pow10(&lim, k);
		if (up) {
			/* 2(2^s - r) <= 10^k  <=>  2^(s+1) <= 10^k + 2r */
			big_pow2(&t, s + 1);
			if (r.n)
				big_shl(&r, 1);
			big_add(&r, &lim);
			c = big_cmp(&t, &r);
		} else {
			if (r.n)
				big_shl(&r, low_half ? 2 : 1);
			c = big_cmp(&r, &lim);
		}
		*back = c < 0 || (c == 0 && !(m & 1));
		*q = q0 + (uint64_t)up;
		if (*q == pow10_u64[p]) {
			*q = pow10_u64[p - 1];
			(*x)++;
		}
		return 0;
	}
	return -1;
}

/* printf's %.<p>g of the digits q (p of them) and exponent x. */
static void num_put(struct buf *out, int neg, uint64_t q, int p, int x)
{
	static const char pairs[] =
		"00010203040506070809101112131415161718192021222324252627282930313233"
		"34353637383940414243444546474849505152535455565758596061626364656667"
		"6869707172737475767778798081828384858687888990919293949596979899";
	char dig[20], s[48];
	/* Two digits at a time, in 32-bit halves: the last 8 digits, then the
	 * p - 8 before them. */
	uint32_t lo = (uint32_t)(q % 100000000), hi = (uint32_t)(q / 100000000);
	for (int i = p - 2; i >= p - 8; i -= 2, lo /= 100)
		memcpy(dig + i, pairs + 2 * (lo % 100), 2);
	int at = p - 10;
	for (; at >= 0; at -= 2, hi /= 100)
		memcpy(dig + at, pairs + 2 * (hi % 100), 2);
	if (at == -1)
		dig[0] = (char)('0' + hi);
	int nd = p, n = 0;
	while (nd > 1 && dig[nd - 1] == '0')
		nd--;
	if (neg)
		s[n++] = '-';
	if (x < -4 || x >= p) {
		s[n++] = dig[0];
		if (nd > 1) {
			s[n++] = '.';
			memcpy(s + n, dig + 1, (size_t)nd - 1);
			n += nd - 1;
		}
		s[n++] = 'e';
		s[n++] = x < 0 ? '-' : '+';
		int ax = x < 0 ? -x : x;
		if (ax >= 100)
			s[n++] = (char)('0' + ax / 100);
		s[n++] = (char)('0' + ax / 10 % 10);
		s[n++] = (char)('0' + ax % 10);
	} else if (x >= 0) {
		for (int i = 0; i <= x; i++)
			s[n++] = i < nd ? dig[i] : '0';
		if (nd > x + 1) {
			s[n++] = '.';
			memcpy(s + n, dig + x + 1, (size_t)(nd - x - 1));
			n += nd - x - 1;
		}
	} else {
		s[n++] = '0';
		s[n++] = '.';
		for (int i = 0; i < -x - 1; i++)
			s[n++] = '0';
		memcpy(s + n, dig, (size_t)nd);
		n += nd;
	}
	buf_add(out, s, (size_t)n);
}

/* 10^i as a double (exact up to 10^22, close enough beyond for an estimate). */
static double pow10_d(int i)
{
	static const double t[23] = { 1e0,  1e1,  1e2,	1e3,  1e4,  1e5,  1e6,	1e7,
				      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
				      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
	if (i >= 0 && i <= 22)
		return t[i];
	if (i < 0 && i >= -22)
		return 1 / t[-i];
	return pow(10, i);
}

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 num_u128;

/* The common case in one pass with 128-bit integers: the 17 digits of
 * m·2^-s (floor q and remainder r of n = m·10^k / 2^s), from which the 15
 * and 16 digits are q / D rounded with the same remainder, D = 100 or 10:
 * at that scale v is (q + r/2^s) / D, and a candidate c is off by
 * e / (D·2^s) with e = |c·D·2^s - (q·2^s + r)|; it reads back to v when
 * 2e <= 10^k (4e below a power of two), as in num_digits. -1 when out of
 * range: k <= 21 and s <= 120 keep every product below 2^128. */
static int num_fast128(struct buf *out, int neg, uint64_t m, int s, int low_half, int x)
{
	static const uint64_t d[3] = { 100, 10, 1 };
	if (s > 120)
		return -1;
	for (int tries = 0; tries < 4; tries++) {
		int k = 16 - x;
		if (k < 0 || k > 21)
			return -1;
		num_u128 lim = k <= 17 ? (num_u128)pow10_u64[k]
				       : (num_u128)pow10_u64[17] * pow10_u64[k - 17];
		num_u128 n = lim * m;
		num_u128 hi = n >> s;
		if (hi >= pow10_u64[17]) {
			x++;
			continue;
		}
		if (hi < pow10_u64[16]) {
			x--;
			continue;
		}
		uint64_t q = (uint64_t)hi;
		num_u128 r = n & (((num_u128)1 << s) - 1);
		for (int p = 15; p <= 17; p++) {
			uint64_t dp = d[p - 15], c = q / dp;
			num_u128 fr = ((num_u128)(q % dp) << s) + r, unit = (num_u128)dp << s;
			num_u128 half = unit >> 1;
			int up = fr > half || (fr == half && (c & 1));
			num_u128 e = up ? unit - fr : fr;
			e <<= up || !low_half ? 1 : 2;
			if (p < 17 && !(e < lim || (e == lim && !(m & 1))))
				continue;
			c += (uint64_t)up;
			int xr = x;
			if (c == pow10_u64[p]) {
				c = pow10_u64[p - 1];
				xr++;
			}
			num_put(out, neg, c, p, xr);
			return 0;
		}
	}
	return -1;
}
#endif

/* fp_num without printf; -1 when v is out of its range. */
static int num_fast(struct buf *out, double v)
{
	uint64_t bits;
	memcpy(&bits, &v, sizeof(bits));
	int ex = (int)(bits >> 52 & 0x7ff);
	uint64_t frac = bits & ((1ULL << 52) - 1);
	if (ex == 0 || ex == 0x7ff)
		return -1;
	int s = 1075 - ex; /* v = ±m·2^-s */
	if (s <= 0 || s > NUM_SMAX)
		return -1;
	uint64_t m = frac | 1ULL << 52, q = 0;
	int low_half = frac == 0 && ex > 1;
	/* floor(log10 |v|) is floor(e·log10 2) or one more, e = ex - 1023;
	 * num_digits moves it when the digits say so. */
	int e2 = ex - 1023;
	int x0 = e2 >= 0 ? e2 * 1233 / 4096 : -((-e2 * 1233 + 4095) / 4096);
	if (fabs(v) >= pow10_d(x0 + 1))
		x0++;
#ifdef __SIZEOF_INT128__
	if (num_fast128(out, (int)(bits >> 63), m, s, low_half, x0) == 0)
		return 0;
#endif
	for (int p = 15; p <= 17; p++) {
		int x = x0, back = 0;
		if (num_digits(m, s, low_half, p, &x, &q, &back) < 0)
			return -1;
		if (back || p == 17) {
			num_put(out, (int)(bits >> 63), q, p, x);
			return 0;
		}
	}
	return -1;
}

static void num_int(struct buf *out, long long v)
{
	char s[24];
	int n = (int)sizeof(s);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		s[--n] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		s[--n] = '-';
	buf_add(out, s + n, sizeof(s) - (size_t)n);
}

/* The printf form, for what num_fast leaves. */
static void num_printf(struct buf *out, double v)
{
	char s[40];
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(s, sizeof(s), "%.*g", prec, v);
		if (prec == 17 || strtod(s, NULL) == v)
			break;
	}
	buf_adds(out, s);
}

void fp_num(struct buf *out, double v)
{
	if (v == 0) {
		buf_addc(out, '0');
		return;
	}
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v) {
		num_int(out, (long long)v);
		return;
	}
	if (num_fast(out, v) < 0)
		num_printf(out, v);
}

static void life_part(const struct fp_calc_ctx *c, const struct fp_physical *row,
		      const struct fp_phys_result *res, struct buf *out)
{
	buf_adds(out, "L(");
	fp_num(out, res->lifespan);
	buf_adds(out, " ; ");
	switch (res->life_src) {
	case FP_LIFE_REAL: buf_addf(out, "réelle : %s → %s", row->purchase, row->retire); break;
	case FP_LIFE_REAL_DATE:
		buf_addf(out, "réelle : %s → date d'évaluation %s", row->purchase, c->date);
		break;
	case FP_LIFE_FIXED:
		buf_adds(out, "fixe : interne ");
		fp_num(out, row->internal);
		if (row->has_upstream) {
			buf_adds(out, " + amont ");
			fp_num(out, row->upstream);
		}
		if (row->has_downstream) {
			buf_adds(out, " + aval ");
			fp_num(out, row->downstream);
		}
		break;
	case FP_LIFE_TYPE: buf_addf(out, "défaut du type %s", res->type->type); break;
	case FP_LIFE_HYPOTHESIS: buf_adds(out, "hypothèse " FP_HYP_LIFESPAN); break;
	case FP_LIFE_NONE: buf_adds(out, "inconnue"); break;
	}
	if (res->lifespan_raw < 1) {
		buf_adds(out, " ; portée à 1 an, calculée ");
		fp_num(out, res->lifespan_raw);
	}
	buf_addc(out, ')');
}

static void usage_part(const struct fp_phys_result *res, struct buf *out)
{
	buf_adds(out, "U(");
	fp_num(out, res->usage);
	switch (res->usage_src) {
	case FP_USAGE_RATE: buf_adds(out, " ; tauxUtilisation"); break;
	case FP_USAGE_COPE: buf_adds(out, " ; hypothèse " FP_HYP_COPE); break;
	case FP_USAGE_BYOD: buf_adds(out, " ; hypothèse " FP_HYP_BYOD); break;
	case FP_USAGE_DEFAULT: break;
	}
	buf_addc(out, ')');
}

static void source_part(struct buf *out, const char *source)
{
	if (source && source[0])
		buf_addf(out, ", %s", source);
}

void fp_trace_parts_init(struct fp_trace_parts *t)
{
	buf_init(&t->q);
	buf_init(&t->tail);
	buf_init(&t->use_e);
	buf_init(&t->use_m);
}

void fp_trace_parts_free(struct fp_trace_parts *t)
{
	buf_free(&t->q);
	buf_free(&t->tail);
	buf_free(&t->use_e);
	buf_free(&t->use_m);
}

void fp_trace_parts_line(struct fp_trace_parts *t, const struct fp_calc_ctx *c,
			 const struct fp_physical *row, const struct fp_phys_result *res)
{
	buf_reset(&t->q);
	buf_reset(&t->tail);
	buf_reset(&t->use_e);
	buf_reset(&t->use_m);
	buf_adds(&t->q, "I = Q(");
	fp_num(&t->q, row->quantity);
	buf_addc(&t->q, ')');
	if (res->life_src != FP_LIFE_NONE) {
		usage_part(res, &t->tail);
		buf_adds(&t->tail, " / ");
		life_part(c, row, res, &t->tail);
	}
	if (res->elec_src == FP_ELEC_NONE)
		return;
	buf_adds(&t->use_e, " × E(");
	fp_num(&t->use_e, res->kwh);
	if (res->kwh_from_item)
		buf_addf(&t->use_e, " ; moyenne de l'élément %s)", res->item->name);
	else
		buf_adds(&t->use_e, " ; consoElecAnnuelle)");
	buf_adds(&t->use_e, " × M(");
	struct buf *m = &t->use_m;
	if (res->elec_src == FP_ELEC_DC || res->elec_src == FP_ELEC_DC_PUE_HYP) {
		buf_adds(m, " × PUE ");
		fp_num(m, res->pue);
		if (res->elec_src == FP_ELEC_DC_PUE_HYP)
			buf_adds(m, " (hypothèse " FP_HYP_PUE ")");
		buf_addf(m, " ; centre de données %s, mix %s", row->datacenter, res->elec_country);
	} else {
		buf_addf(m, " ; mix %s", res->elec_country);
		if (res->dc_unknown)
			buf_addf(m, " (centre de données %s inconnu)", res->dc_unknown);
	}
	source_part(m, res->mix->source);
	buf_adds(m, ") × ");
	usage_part(res, m);
}

/* What comes before and after the factor in the trace of an indicator of
 * the line: the use phase (use) or another phase. */
static void frame_pre(const struct fp_trace_parts *t, int use, struct buf *out)
{
	buf_add(out, t->q.ptr, t->q.len);
	if (use)
		buf_add(out, t->use_e.ptr, t->use_e.len);
	else
		buf_adds(out, " × F(");
}

static void frame_post(const struct fp_trace_parts *t, const struct fp_phys_result *res, int use,
		       struct buf *out)
{
	if (use) {
		buf_add(out, t->use_m.ptr, t->use_m.len);
		return;
	}
	if (res->item)
		source_part(out, res->item->source);
	buf_adds(out, ") × ");
	buf_add(out, t->tail.ptr, t->tail.len);
}

void fp_trace_parts_frame(const struct fp_trace_parts *t, const struct fp_phys_result *res, int use,
			  struct buf *pre, struct buf *post)
{
	frame_pre(t, use, pre);
	frame_post(t, res, use, post);
}

void fp_trace_parts_ind(const struct fp_trace_parts *t, const struct fp_phys_result *res,
			size_t crit, enum fp_phase p, const char *factor, struct buf *out)
{
	if (crit >= res->ind.ncrit || res->ind.st[crit][p] != FP_OK)
		return;
	frame_pre(t, p == FP_UTILISATION, out);
	buf_adds(out, factor);
	frame_post(t, res, p == FP_UTILISATION, out);
}

void fp_phys_trace(const struct fp_calc_ctx *c, const struct fp_physical *row,
		   const struct fp_phys_result *res, size_t crit, enum fp_phase p, struct buf *out)
{
	if (crit >= res->ind.ncrit || res->ind.st[crit][p] != FP_OK)
		return;
	struct fp_trace_parts t;
	fp_trace_parts_init(&t);
	fp_trace_parts_line(&t, c, row, res);
	struct buf f = BUF_INIT;
	fp_num(&f, p == FP_UTILISATION ? res->mix->f[crit] : res->item->f[crit][p]);
	fp_trace_parts_ind(&t, res, crit, p, f.ptr, out);
	buf_free(&f);
	fp_trace_parts_free(&t);
}

void fp_vm_trace(const struct fp_virtual *vm, const struct fp_inds *host,
		 const struct fp_host_vms *h, const struct fp_vm_result *res, size_t crit,
		 enum fp_phase p, struct buf *out)
{
	if (!host || crit >= res->ind.ncrit || res->ind.st[crit][p] != FP_OK)
		return;
	buf_adds(out, "I = I_hôte(");
	fp_num(out, host->v[crit][p]);
	buf_addf(out, " ; %s) × A(", vm->host);
	switch (res->alloc) {
	case FP_ALLOC_KEY: fp_num(out, res->share); break;
	case FP_ALLOC_VCPU:
		fp_num(out, vm->vcpu);
		buf_addc(out, '/');
		fp_num(out, h->sum_vcpu);
		break;
	case FP_ALLOC_STORAGE:
		fp_num(out, vm->storage);
		buf_addc(out, '/');
		fp_num(out, h->sum_storage);
		break;
	case FP_ALLOC_EVEN: buf_addf(out, "1/%zu", h->nvms ? h->nvms : 1); break;
	}
	buf_addf(out, " ; %s)", fp_alloc_code(res->alloc));
}
