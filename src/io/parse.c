/* parse.c: French numbers, amounts, dates and yes/no answers, and their canonical forms.
 *
 * No locale is involved: numbers are scanned by hand into a C-locale string
 * ("-1234.5e3") which strtod then converts. strtod only honours LC_NUMERIC,
 * and numeco never calls setlocale, so the decimal point it expects is
 * always '.'. The same holds for the "%g" formatting of fmt_number_fr. */
#include "io/parse.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* Exponents are saturated here while scanning: far beyond any double's range
 * and any amount's, and no overflow of int64_t arithmetic. */
#define EXP_SAT 1000000000

/* Largest amount accepted, in cents (10^15 €). */
#define EUROS_MAX_CENTS 100000000000000000LL

/* What the scanner read of one number. */
struct num {
	int neg;
	struct buf digits;    /* mantissa digits, integer part then fraction, no separator */
	size_t nint;	      /* how many of them come before the decimal separator */
	size_t nfrac;	      /* how many after it */
	const char *exp_text; /* exponent as written (sign and digits), or NULL */
	size_t exp_len;
	int64_t exp; /* its value, saturated to ±EXP_SAT */
};

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Byte length of the thousands separator at s (space, U+00A0, U+202F,
 * apostrophe, U+2019), 0 when there is none. s is NUL-terminated, so the
 * look-ahead stops at the terminator. */
static size_t group_sep_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] == ' ' || u[0] == '\'')
		return 1;
	if (u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xAF || u[2] == 0x99))
		return 3;
	return 0;
}

/* Scans the number at *ps and leaves *ps just after it. Returns 0, or -1 on a
 * malformed number (groups that are not of three digits, a separator without
 * digits after it, no digit at all…). */
static int scan_number(const char **ps, struct num *nm)
{
	const char *p = *ps;
	nm->neg = 0;
	if (*p == '-' || *p == '+') {
		nm->neg = *p == '-';
		p++;
	} else if (strncmp(p, "\xE2\x88\x92", 3) == 0) { /* U+2212 minus sign */
		nm->neg = 1;
		p += 3;
	}

	size_t run = 0;
	while (is_digit(p[run]))
		run++;
	buf_add(&nm->digits, p, run);
	p += run;
	nm->nint = run;
	int grouped = 0;
	for (;;) {
		size_t g = group_sep_len(p);
		if (g == 0 || !is_digit(p[g]))
			break; /* maybe the space before "€": the caller decides */
		if (run == 0 || (!grouped && run > 3))
			return -1;
		const char *q = p + g;
		size_t k = 0;
		while (is_digit(q[k]))
			k++;
		if (k != 3)
			return -1;
		buf_add(&nm->digits, q, 3);
		nm->nint += 3;
		p = q + 3;
		run = 3;
		grouped = 1;
	}

	nm->nfrac = 0;
	if (*p == ',' || *p == '.') {
		if (!is_digit(p[1]))
			return -1;
		p++;
		while (is_digit(p[nm->nfrac]))
			nm->nfrac++;
		buf_add(&nm->digits, p, nm->nfrac);
		p += nm->nfrac;
	}
	if (nm->nint + nm->nfrac == 0)
		return -1;

	nm->exp = 0;
	nm->exp_text = NULL;
	nm->exp_len = 0;
	if (*p == 'e' || *p == 'E') {
		const char *q = p + 1;
		int eneg = 0;
		if (*q == '+' || *q == '-') {
			eneg = *q == '-';
			q++;
		}
		if (!is_digit(*q)) {
			*ps = p; /* not an exponent: maybe "EUR", else junk for the caller */
			return 0;
		}
		int64_t e = 0;
		while (is_digit(*q)) {
			if (e < EXP_SAT)
				e = e * 10 + (*q - '0');
			q++;
		}
		if (e > EXP_SAT)
			e = EXP_SAT;
		nm->exp = eneg ? -e : e;
		nm->exp_text = p + 1;
		nm->exp_len = (size_t)(q - (p + 1));
		p = q;
	}
	*ps = p;
	return 0;
}

/* The input as shown in a message: cut (visibly, with "…") when long, at a
 * UTF-8 character boundary. */
static const char *shown(const char *s, struct buf *tmp)
{
	const size_t max = 60;
	size_t n = strlen(s);
	if (n <= max)
		return s;
	size_t cut = max;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	buf_add(tmp, s, cut);
	buf_adds(tmp, "…");
	return tmp->ptr;
}

static const char *skip_spaces(const char *p)
{
	while (is_space(*p))
		p++;
	return p;
}

/* 1 when only ASCII white space is left at p. */
static int at_end(const char *p)
{
	return *skip_spaces(p) == '\0';
}

static int number_error(const char *s, struct err *err)
{
	struct buf tmp = BUF_INIT;
	if (*skip_spaces(s) == '\0')
		err_set(err, "nombre manquant (attendu : 1 234,5 ou 1234.5)");
	else if (strchr(s, '.') && strchr(s, ','))
		err_set(err,
			"nombre ambigu « %s » : le point et la virgule ne peuvent servir tous "
			"les deux (écrire 1234,5 ou 1 234,5)",
			shown(s, &tmp));
	else
		err_set(err, "nombre invalide « %s » (attendu : 1 234,5 ou 1234.5)",
			shown(s, &tmp));
	buf_free(&tmp);
	return -1;
}

int parse_number(const char *s, double *out, struct err *err)
{
	struct num nm = { 0, BUF_INIT, 0, 0, NULL, 0, 0 };
	const char *p = skip_spaces(s);
	if (scan_number(&p, &nm) != 0 || !at_end(p)) {
		buf_free(&nm.digits);
		return number_error(s, err);
	}

	struct buf c = BUF_INIT;
	if (nm.neg)
		buf_addc(&c, '-');
	buf_add(&c, nm.digits.ptr, nm.nint);
	if (nm.nfrac) {
		buf_addc(&c, '.');
		buf_add(&c, nm.digits.ptr + nm.nint, nm.nfrac);
	}
	if (nm.exp_text) {
		buf_addc(&c, 'e');
		buf_add(&c, nm.exp_text, nm.exp_len);
	}
	buf_free(&nm.digits);
	char *end;
	double v = strtod(c.ptr, &end);
	int whole = *end == '\0';
	buf_free(&c);
	if (!whole)
		return number_error(s, err);
	if (!isfinite(v)) {
		struct buf tmp = BUF_INIT;
		err_set(err, "nombre trop grand « %s »", shown(s, &tmp));
		buf_free(&tmp);
		return -1;
	}
	*out = v;
	return 0;
}

/* Skips spaces, tabs, U+00A0 and U+202F between an amount and its currency. */
static const char *skip_currency_spaces(const char *p)
{
	for (;;) {
		if (is_space(*p))
			p++;
		else if (strncmp(p, "\xC2\xA0", 2) == 0)
			p += 2;
		else if (strncmp(p, "\xE2\x80\xAF", 3) == 0)
			p += 3;
		else
			return p;
	}
}

int parse_euros(const char *s, int64_t *cents, struct err *err)
{
	struct num nm = { 0, BUF_INIT, 0, 0, NULL, 0, 0 };
	struct buf tmp = BUF_INIT;
	const char *p = skip_spaces(s);
	int ok = scan_number(&p, &nm) == 0;
	if (ok) {
		p = skip_currency_spaces(p);
		if (strncmp(p, "\xE2\x82\xAC", 3) == 0)
			p += 3;
		else if ((p[0] == 'E' || p[0] == 'e') && (p[1] == 'U' || p[1] == 'u') &&
			 (p[2] == 'R' || p[2] == 'r'))
			p += 3;
		ok = at_end(p);
	}
	if (!ok) {
		if (*skip_spaces(s) == '\0')
			err_set(err, "montant manquant (attendu : 1 234,56 ou 1234.56)");
		else
			err_set(err, "montant invalide « %s » (attendu : 1 234,56 ou 1234.56)",
				shown(s, &tmp));
		goto fail;
	}

	/* Exact decimal arithmetic: an amount must not pick up binary rounding. */
	int64_t decimals = (int64_t)nm.nfrac - nm.exp;
	if (decimals > 2) {
		err_set(err, "montant invalide « %s » : pas plus de deux décimales (centimes)",
			shown(s, &tmp));
		goto fail;
	}
	int64_t shift = 2 - decimals;
	const char *dg = nm.digits.ptr;
	size_t nd = nm.digits.len;
	while (nd > 0 && *dg == '0') {
		dg++;
		nd--;
	}
	uint64_t v = 0;
	if (nd > 0) {
		if ((int64_t)nd + shift > 18)
			goto range;
		for (size_t i = 0; i < nd; i++)
			v = v * 10 + (uint64_t)(dg[i] - '0');
		for (int64_t i = 0; i < shift; i++)
			v *= 10;
		if (v > (uint64_t)EUROS_MAX_CENTS)
			goto range;
	}
	*cents = nm.neg ? -(int64_t)v : (int64_t)v;
	buf_free(&nm.digits);
	buf_free(&tmp);
	return 0;
range:
	err_set(err, "montant hors limites « %s » (au plus un million de milliards d'euros)",
		shown(s, &tmp));
fail:
	buf_free(&nm.digits);
	buf_free(&tmp);
	return -1;
}

/* Reads between min and max digits at *pp; returns the count (0 if fewer than min). */
static int read_int(const char **pp, int min, int max, int *out)
{
	const char *p = *pp;
	int n = 0, v = 0;
	while (n < max && is_digit(p[n])) {
		v = v * 10 + (p[n] - '0');
		n++;
	}
	if (n < min || is_digit(p[n]))
		return 0;
	*pp = p + n;
	*out = v;
	return n;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int parse_date(const char *s, char iso[11], struct err *err)
{
	const char *p = skip_spaces(s);
	int y = 0, m = 0, d = 0, ok = 0;
	size_t run = 0;
	while (is_digit(p[run]))
		run++;
	if (run == 8) { /* AAAAMMJJ */
		y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		m = (p[4] - '0') * 10 + (p[5] - '0');
		d = (p[6] - '0') * 10 + (p[7] - '0');
		p += 8;
		ok = 1;
	} else if (run == 4) { /* AAAA-MM-JJ, also AAAA/MM/JJ */
		char sep;
		ok = read_int(&p, 4, 4, &y) && (*p == '-' || *p == '/');
		if (ok) {
			sep = *p++;
			ok = read_int(&p, 1, 2, &m) && *p == sep;
			if (ok) {
				p++;
				ok = read_int(&p, 1, 2, &d) != 0;
			}
		}
	} else if (run == 1 || run == 2) { /* JJ/MM/AAAA, J/M/AAAA, JJ-MM-AAAA */
		char sep;
		ok = read_int(&p, 1, 2, &d) && (*p == '/' || *p == '-');
		if (ok) {
			sep = *p++;
			ok = read_int(&p, 1, 2, &m) && *p == sep;
			if (ok) {
				p++;
				ok = read_int(&p, 4, 4, &y) != 0;
			}
		}
	}
	struct buf tmp = BUF_INIT;
	if (!ok || !at_end(p) || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
		if (*skip_spaces(s) == '\0')
			err_set(err, "date manquante (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)");
		else
			err_set(err, "date invalide « %s » (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)",
				shown(s, &tmp));
		buf_free(&tmp);
		return -1;
	}
	if (y < 1900 || y > 2199) {
		err_set(err, "date invalide « %s » (année attendue entre 1900 et 2199)",
			shown(s, &tmp));
		buf_free(&tmp);
		return -1;
	}
	/* Written by hand: the ranges are checked, and snprintf would make the
	 * compiler warn about truncation it cannot rule out. */
	iso[0] = (char)('0' + y / 1000);
	iso[1] = (char)('0' + y / 100 % 10);
	iso[2] = (char)('0' + y / 10 % 10);
	iso[3] = (char)('0' + y % 10);
	iso[4] = '-';
	iso[5] = (char)('0' + m / 10);
	iso[6] = (char)('0' + m % 10);
	iso[7] = '-';
	iso[8] = (char)('0' + d / 10);
	iso[9] = (char)('0' + d % 10);
	iso[10] = '\0';
	return 0;
}

int parse_bool(const char *s, int *out, struct err *err)
{
	static const char *const yes[] = { "oui", "o", "yes", "y", "vrai", "true", "1", "x" };
	static const char *const no[] = { "non", "n", "no", "faux", "false", "0" };
	/* Folding forgives case and accents; punctuation is refused first so
	 * that "-1" or "o.k" do not fold into an answer. */
	int found = -1;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x80 && !is_space(*p) && !is_digit(*p) &&
		    !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			found = -2;
	struct buf f = BUF_INIT;
	if (found == -1)
		text_fold(s, &f);
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]) && found == -1; i++)
		if (strcmp(f.ptr, yes[i]) == 0)
			found = 1;
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]) && found == -1; i++)
		if (strcmp(f.ptr, no[i]) == 0)
			found = 0;
	buf_free(&f);
	if (found < 0) {
		struct buf tmp = BUF_INIT;
		if (*skip_spaces(s) == '\0')
			err_set(err, "réponse manquante (attendu : oui ou non)");
		else
			err_set(err, "réponse invalide « %s » (attendu : oui ou non)",
				shown(s, &tmp));
		buf_free(&tmp);
		return -1;
	}
	*out = found;
	return 0;
}

void fmt_number_fr(struct buf *out, double v)
{
	if (!isfinite(v))
		return; /* parse_number refuses them: an empty cell is the honest form */
	if (v == 0)
		v = 0; /* no "-0" */
	char tmp[40];
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	for (char *p = tmp; *p; p++)
		if (*p == '.')
			*p = ',';
	buf_adds(out, tmp);
}

void fmt_euros_fr(struct buf *out, int64_t cents)
{
	/* Through unsigned so that INT64_MIN has a magnitude too. */
	uint64_t a = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	buf_addf(out, "%s%" PRIu64 ",%02u", cents < 0 ? "-" : "", a / 100, (unsigned)(a % 100));
}
