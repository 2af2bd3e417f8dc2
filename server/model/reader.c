/*
 * reader.c - the format-neutral reader's pass over entries (reader.h).
 *
 * Fields are judged by what they say (fieldtype.h scores: title, org,
 * location, degree), never by the template or the format they came from,
 * so a rule found here holds for Markdown and LaTeX alike.
 */
#include "model/reader.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "model/line_reader.h" /* rls_line_reader_label_line */
#include "model/lines.h"       /* rls_entry_field_is_honour */
#include "rls/alloc.h"
#include "rls/dates.h"
#include "rls/fieldtype.h"
#include "rls/keywords.h" /* the technology catalogue: rls_kw_find */
#include "rls/verbs.h"    /* a sentence that opens with a verb reports work */

#define READER_MAX_PARTS 8

typedef struct {
    const char *p;
    size_t n;
} Part;

static Part reader__trim(Part s) {
    while (s.n && (s.p[0] == ' ' || s.p[0] == ','))
        s.p++, s.n--;
    while (s.n && (s.p[s.n - 1] == ' ' || s.p[s.n - 1] == ','))
        s.n--;
    return s;
}

/* Splits text on commas outside brackets into at most `cap` trimmed parts;
 * returns 0 when there are more. */
static size_t reader__commas(const char *text, Part *out, size_t cap) {
    size_t n = 0;
    int depth = 0;
    const char *start = text;
    for (const char *c = text;; c++) {
        if (*c == '(' || *c == '[') depth++;
        if ((*c == ')' || *c == ']') && depth > 0) depth--;
        if (*c && (*c != ',' || depth > 0)) continue;
        if (n == cap) return 0;
        out[n++] = reader__trim((Part){start, (size_t)(c - start)});
        if (!*c) break;
        start = c + 1;
    }
    return n;
}

/* "Paris 75009", "Villers-lès-Nancy 54600", "75009 Paris": a word and a
 * postal code of four or five digits. */
static bool reader__has_postcode(Part s) {
    size_t run = 0;
    bool letters = false;
    for (size_t i = 0; i <= s.n; i++) {
        unsigned char c = i < s.n ? (unsigned char)s.p[i] : ' ';
        if (isdigit(c)) {
            run++;
            continue;
        }
        if (run == 4 || run == 5) {
            if (c == ' ' || c == ',') return letters || i < s.n;
        }
        run = 0;
        if (isalpha(c) || c >= 0x80) letters = true;
    }
    return false;
}

/* A part that reads as a place and as nothing else. */
static bool reader__is_place(Part s) {
    if (!s.n) return false;
    RlsFieldScores sc;
    rls_field_type_score(s.p, s.n, &sc);
    bool other = sc.score[RLS_FIELD_ORG] >= 1.0f || sc.score[RLS_FIELD_TITLE] >= 1.0f ||
                 sc.score[RLS_FIELD_DEGREE] >= 1.0f;
    /* A city with its state's code is a place whatever words it holds. */
    if (other && sc.score[RLS_FIELD_LOCATION] < 4.0f) return false;
    return sc.score[RLS_FIELD_LOCATION] >= 1.0f || reader__has_postcode(s);
}

static bool reader__is_org(Part s) {
    RlsFieldScores sc;
    rls_field_type_score(s.p, s.n, &sc);
    return sc.score[RLS_FIELD_ORG] >= 1.0f;
}

/* Whether s holds a word of two or more capitals ("FKIE", "IBM"). */
static bool reader__has_acronym(Part s) {
    size_t run = 0;
    for (size_t i = 0; i <= s.n; i++) {
        if (i < s.n && isupper((unsigned char)s.p[i])) {
            run++;
            continue;
        }
        bool word_end = i == s.n || !isalpha((unsigned char)s.p[i]);
        if (run >= 2 && word_end) return true;
        run = 0;
    }
    return false;
}

/* The organisation without the place glued on after it. */
static void reader__org_place(RlsEntry *e) {
    if (!e->org || !strchr(e->org, ',')) return;
    Part parts[READER_MAX_PARTS];
    size_t n = reader__commas(e->org, parts, READER_MAX_PARTS);
    if (n < 2) return;
    /* The first place part after the name; every part after it must be a
     * place too, or a region without an organisation word ("Île-de-France",
     * "Lorraine"). */
    size_t cut = 0;
    for (size_t i = 1; i < n && !cut; i++)
        if (reader__is_place(parts[i])) cut = i;
    if (!cut) return;
    for (size_t i = cut + 1; i < n; i++)
        if (reader__is_org(parts[i]) || !parts[i].n) return;
    const char *place = parts[cut].p;
    size_t place_n = (size_t)(parts[n - 1].p + parts[n - 1].n - place);
    size_t name_n = (size_t)(parts[cut - 1].p + parts[cut - 1].n - e->org);
    if (!name_n) return;
    if (!e->location) e->location = rls_strndup(place, place_n);
    e->org[name_n] = '\0';
}

/* "Sabanci University Turchia", "МГТУ «СТАНКИН» Москва": a country (or a
 * capital the lexicon weighs as one) glued after a name that reads as an
 * organisation is where it is, when the entry has no place. A town after
 * "Universität" stays: "Technische Universität München" is the name. */
static void reader__org_country(RlsEntry *e) {
    if (!e->org || e->location) return;
    char *gap = strrchr(e->org, ' ');
    if (!gap || gap == e->org || (unsigned char)gap[1] >= 0xE3) return;
    size_t head_n = (size_t)(gap - e->org), tail_n = strlen(gap + 1);
    /* "Samsung R&D Institute UK": a code is part of the name. */
    bool spelled = false;
    for (const char *c = gap + 1; *c && !spelled; c++)
        spelled = islower((unsigned char)*c) || (unsigned char)*c >= 0x80;
    if (!spelled) return;
    RlsFieldScores tail;
    rls_field_type_score(gap + 1, tail_n, &tail);
    if (tail.score[RLS_FIELD_LOCATION] < 3.0f || tail.score[RLS_FIELD_ORG] > 0.0f ||
        !rls_field_type_is_clearly(e->org, head_n, RLS_FIELD_ORG))
        return;
    e->location = rls_strdup(gap + 1);
    *gap = '\0';
}

/* A location whose first part is a name, not a place ("Fraunhofer FKIE,
 * Germany" taken whole for the place), names the organisation when the
 * entry has none. */
static void reader__location_name(RlsEntry *e) {
    if (e->org || !e->location || !strchr(e->location, ',')) return;
    Part parts[READER_MAX_PARTS];
    size_t n = reader__commas(e->location, parts, READER_MAX_PARTS);
    if (n < 2 || !parts[0].n || reader__is_place(parts[0])) return;
    RlsFieldScores sc;
    rls_field_type_score(parts[0].p, parts[0].n, &sc);
    if (sc.score[RLS_FIELD_LOCATION] > 0.0f) return; /* "Houston, TX" */
    /* "Palo Alto, CA, USA": a city before its state code. */
    bool code = parts[1].n >= 2 && parts[1].n <= 3;
    for (size_t i = 0; i < parts[1].n && code; i++)
        code = isupper((unsigned char)parts[1].p[i]);
    if (code) return;
    /* An unknown city reads like a name: only a part that reads as an
     * organisation, or carries an acronym ("Fraunhofer FKIE"), is one. */
    if (sc.score[RLS_FIELD_ORG] < 1.0f && !reader__has_acronym(parts[0])) return;
    for (size_t i = 1; i < n; i++)
        if (!reader__is_place(parts[i])) return;
    e->org = rls_strndup(parts[0].p, parts[0].n);
    char *rest = rls_strdup(parts[1].p);
    rls_free(e->location);
    e->location = rest;
}

/* The first label of the host a web address names, "www." left out
 * ("https://www.cesium.uminho.pt/x" -> "cesium"), when s is one address
 * and nothing else; else an empty part. */
static Part reader__link_label(const char *s) {
    static const char *const schemes[] = {"https://", "http://", "https:", "http:", "www."};
    for (size_t i = 0; i < RLS_ARRAY_LEN(schemes); i++)
        if (!strncmp(s, schemes[i], strlen(schemes[i]))) s += strlen(schemes[i]);
    if (!strncmp(s, "www.", 4)) s += 4;
    size_t host = strcspn(s, "/?#");
    if (strchr(s, ' ') || !memchr(s, '.', host)) return (Part){NULL, 0};
    /* The top-level domain: two to six letters. */
    size_t tld = 0;
    while (tld < host && isalpha((unsigned char)s[host - 1 - tld]))
        tld++;
    if (tld < 2 || tld > 6 || tld == host || s[host - 1 - tld] != '.') return (Part){NULL, 0};
    size_t first = strcspn(s, ".");
    for (size_t i = 0; i < first; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '-') return (Part){NULL, 0};
    return (Part){s, first};
}

/* A web address is where an organisation is found, not its name: in the
 * organisation's slot it gives way to a name beside it. A name in the
 * place's slot that is no place is the organisation ("Nanodegree @
 * coursera.org/verify/X [Insper]"); a last word of the title that is the
 * address's host names it ("Vice-Presidente CeSIUM @ cesium.uminho.pt").
 * Alone, the address stays. */
static void reader__link_org(RlsEntry *e) {
    Part label = e->org ? reader__link_label(e->org) : (Part){NULL, 0};
    if (!label.n) return;
    /* "Bol.com", "Booking.com": a capitalised domain with no scheme, "www."
     * or path is how the company writes its own name. */
    if (isupper((unsigned char)e->org[0]) && !strchr(e->org, '/') && !strchr(e->org, ':') &&
        strncasecmp(e->org, "www.", 4) != 0)
        return;
    if (e->location && !reader__is_place((Part){e->location, strlen(e->location)}) &&
        !reader__link_label(e->location).n) {
        rls_free(e->org);
        e->org = e->location;
        e->location = NULL;
        return;
    }
    char *gap = e->title ? strrchr(e->title, ' ') : NULL;
    if (!gap || gap == e->title || strlen(gap + 1) != label.n) return;
    for (size_t i = 0; i < label.n; i++)
        if (tolower((unsigned char)gap[1 + i]) != tolower((unsigned char)label.p[i])) return;
    rls_free(e->org);
    e->org = rls_strdup(gap + 1);
    *gap = '\0';
}

/* "Database Kernel R&D(Golang/Rust)", "Vitest 기여 (React, TypeScript)":
 * a trailing bracket that lists only technologies of the keyword catalogue
 * is the stack of the role or project, not part of its name; it is cut.
 * Acronyms, departments and notes stay ("(IfADo)", "(Hons)", "(part time
 * job)"): they are no catalogue technology. */
static void reader__cut_stack(char *field) {
    if (!field) return;
    size_t n = strlen(field);
    while (n && field[n - 1] == ' ')
        n--;
    if (n < 3 || field[n - 1] != ')') return;
    char *open = NULL;
    for (size_t i = n - 1; i-- > 0 && !open;)
        if (field[i] == '(') open = field + i;
    if (!open || open == field) return;
    const char *p = open + 1, *end = field + n - 1;
    size_t items = 0;
    while (p < end) {
        const char *q = p;
        while (q < end && !strchr(",/+&", *q))
            q++;
        Part item = reader__trim((Part){p, (size_t)(q - p)});
        /* "C++": the pluses belong to the name. */
        while (q < end && *q == '+' && item.n && item.p[item.n - 1] != ' ')
            q++, item.n++;
        if (item.n && rls_kw_find(item.p, item.n) < 0) return;
        items += item.n > 0;
        p = q < end ? q + 1 : end;
    }
    if (!items) return;
    while (open > field && open[-1] == ' ')
        open--;
    if (open > field) *open = '\0';
}

/* "B.Sc. in Informatics; Third-year student (Expected graduation: Jul
 * 2027)": after a degree or a role, a segment that carries a date says
 * where the holder stands, and is no part of the title (the entry's own
 * dates are read apart). */
static bool reader__dated_remark(const char *title, size_t head_n, const char *seg) {
    RlsDateRange r;
    size_t from, to;
    return rls_entry_field_is_role(title, head_n) &&
           rls_date_range_find(seg, strlen(seg), &r, &from, &to);
}

/* "Master of Science; GPA: 4.00", "Diploma in Science (9.95/10.0)": a
 * grade after the degree is no part of its title. Cuts, repeatedly, a last
 * "; " segment that reads as an honour or grade, and a last bracket that
 * holds only a score ("9.15/10.0"). */
static void reader__cut_grade(char *title) {
    if (!title) return;
    for (;;) {
        size_t n = strlen(title);
        while (n && title[n - 1] == ' ')
            title[--n] = '\0';
        char *semi = NULL;
        for (char *c = strstr(title, "; "); c; c = strstr(c + 1, "; "))
            semi = c;
        if (semi && semi > title &&
            (rls_entry_field_is_honour(semi + 2, strlen(semi + 2)) ||
             reader__dated_remark(title, (size_t)(semi - title), semi + 2))) {
            *semi = '\0';
            continue;
        }
        /* "(3.8/4.0)", "(GPA: 3.8/4.0)", full-width "（GPA：4.9/5.0）". */
        static const char wide_open[] = "\xEF\xBC\x88", wide_close[] = "\xEF\xBC\x89";
        bool wide = n >= 3 && !memcmp(title + n - 3, wide_close, 3);
        if (n < 5 || (!wide && title[n - 1] != ')')) return;
        char *open = NULL;
        for (char *c = strstr(title, wide ? wide_open : "("); c;
             c = strstr(c + 1, wide ? wide_open : "("))
            open = c;
        if (!open || open == title || !strchr(open, '/')) return;
        const char *c = open + (wide ? 3 : 1), *end = title + n - (wide ? 3 : 1);
        while (c < end && isalpha((unsigned char)*c))
            c++;
        if (c < end && *c == ':')
            c++;
        else if (end - c >= 3 && !memcmp(c, "\xEF\xBC\x9A", 3)) /* '：' */
            c += 3;
        for (; c < end; c++)
            if (!strchr("0123456789./ ", *c)) return;
        while (open > title && open[-1] == ' ')
            open--;
        *open = '\0';
    }
}

/* "深圳大学 博士后" as the entry's one name field: in a script written
 * without spaces a space parts fields, and a role or degree after the
 * school or employer is the entry's title. */
static void reader__cjk_role(RlsEntry *e) {
    char **field = !e->title ? &e->org : !e->org ? &e->title : NULL;
    char *gap = field && *field ? strrchr(*field, ' ') : NULL;
    if (!gap || gap == *field || (unsigned char)gap[-1] < 0x80 || (unsigned char)gap[1] < 0xE3)
        return;
    size_t tn = strlen(gap + 1), hn = (size_t)(gap - *field);
    bool role = rls_field_type_is_clearly(gap + 1, tn, RLS_FIELD_TITLE) ||
                rls_field_type_is_clearly(gap + 1, tn, RLS_FIELD_DEGREE);
    /* "…研究生院" (a graduate school) names a degree and an institution:
     * what names an institution stays the organisation. */
    RlsFieldScores head;
    rls_field_type_score(*field, hn, &head);
    if (!role || (head.score[RLS_FIELD_ORG] < RLS_FIELD_CLEAR &&
                  (rls_field_type_is_clearly(*field, hn, RLS_FIELD_TITLE) ||
                   rls_field_type_is_clearly(*field, hn, RLS_FIELD_DEGREE))))
        return;
    char *name = rls_strndup(*field, hn), *title = rls_strdup(gap + 1);
    rls_free(*field);
    *field = NULL;
    e->title = title;
    e->org = name;
}

/* "{Sandoval Co., NM \&}{Yellowstone, WY}": an organisation's slot that
 * ends with a word joining a list ("&", "and", "und", "et", "y", "и") is
 * not finished; the slot after it, a place, finishes it, so both are one
 * list of places, and no organisation is named. */
static void reader__place_list(RlsEntry *e) {
    static const char *const joins[] = {"&", "and", "und", "et", "y", "e", "и"};
    if (!e->org || !e->location || !reader__is_place((Part){e->location, strlen(e->location)}))
        return;
    size_t n = strlen(e->org);
    while (n && e->org[n - 1] == ' ')
        n--;
    size_t w = n;
    while (w && e->org[w - 1] != ' ')
        w--;
    if (!w) return; /* a lone "&" or name */
    size_t k = 0;
    while (k < RLS_ARRAY_LEN(joins) &&
           !(strlen(joins[k]) == n - w && !strncasecmp(e->org + w, joins[k], n - w)))
        k++;
    if (k == RLS_ARRAY_LEN(joins)) return;
    size_t ln = strlen(e->location);
    char *place = rls_malloc(n + 1 + ln + 1);
    memcpy(place, e->org, n);
    place[n] = ' ';
    memcpy(place + n + 1, e->location, ln + 1);
    rls_free(e->org);
    rls_free(e->location);
    e->org = NULL;
    e->location = place;
}

/* "{Школа №5}{Нижний Новгород, Россия}" in the title and employer slots
 * of a template whose place slot is empty: the author wrote the employer
 * and its place one slot early. A title that reads clearly as an
 * organisation beside an employer that reads as a place, whole, is the
 * employer, the place its location, and the role is not named here (its
 * description may name it: reader__title_from_text). */
static void reader__shifted_slots(RlsEntry *e) {
    if (!e->title || !e->org || e->location ||
        !rls_field_type_is_clearly(e->title, strlen(e->title), RLS_FIELD_ORG) ||
        !reader__is_place((Part){e->org, strlen(e->org)}))
        return;
    e->location = e->org;
    e->org = e->title;
    e->title = NULL;
}

void rls_reader_settle_entry(RlsEntry *entry) {
    if (!entry) return;
    reader__cjk_role(entry);
    reader__cut_stack(entry->title);
    reader__cut_grade(entry->title);
    reader__cut_stack(entry->org);
    reader__link_org(entry);
    reader__shifted_slots(entry);
    reader__place_list(entry);
    reader__location_name(entry);
    reader__org_place(entry);
    reader__org_country(entry);
}

/* Words in text[0..n), or more than `cap` when there are more. */
static size_t reader__words(const char *text, size_t n, size_t cap) {
    size_t words = 0;
    for (size_t i = 0; i < n && words <= cap; i++)
        if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) words++;
    return words;
}

/* "{2005 -- 2010}{School No. 5}{..}{..}{Teacher of computing. Ran the
 * computer lab.}": an entry that names its employer or school but no role
 * or degree takes it from its own text, where a short first sentence names
 * a job ("Педагог дополнительного образования"), or, in education, a short
 * line names a degree ("Степень магистра" after the faculty and chair).
 * A sentence that opens with a verb's past, -ing or third person form
 * reports work ("Managed developers"; "Lead Engineer" opens with a base),
 * and a label a fact ("Advisor: ..."): they name none. The text stays the
 * entry's. */
static void reader__title_from_text(RlsResume *m, uint32_t index) {
    RlsEntry *e = &m->entries[index];
    if (e->title || !e->org || e->section >= m->n_sections) return;
    RlsSectionKind kind = m->sections[e->section].kind;
    bool education = kind == RLS_SECTION_EDUCATION;
    if (!education && kind != RLS_SECTION_EXPERIENCE && kind != RLS_SECTION_VOLUNTEERING) return;
    for (uint32_t i = 0; i < m->n_paragraphs; i++) {
        const RlsParagraph *para = &m->paragraphs[i];
        if (para->entry != (int32_t)index || !para->plain.len) continue;
        const char *t = para->plain.text;
        size_t n = para->plain.len;
        const char *stop = strstr(t, ". ");
        if (stop) n = (size_t)(stop - t);
        while (n && strchr(" .;", t[n - 1]))
            n--;
        size_t first = strcspn(t, " ");
        RlsVerb verb;
        /* "Advisor: Ping He" labels a person, and names no role held. */
        bool fits =
            n && reader__words(t, n, 5) <= 5 && !memchr(t, ':', n) &&
            !rls_line_reader_label_line(t, para->plain.len) &&
            rls_field_type_is_clearly(t, n, education ? RLS_FIELD_DEGREE : RLS_FIELD_TITLE) &&
            !(rls_verb_read(t, RLS_MIN(first, n), false, &verb) &
              (RLS_VFORM_PAST | RLS_VFORM_GERUND | RLS_VFORM_THIRD));
        if (fits) {
            e->title = rls_strndup(t, n);
            return;
        }
        /* A role is named first; a degree may close the text. */
        if (!education) return;
    }
}

/* Whether the capitals opening the words of name ("Young Minho
 * Enterprise") spell label ("yme"), in any case; words in lower case
 * ("de", "of") are skipped. */
static bool reader__initials_spell(const char *name, size_t n, Part label) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (name[i] == ' ' || (i && name[i - 1] != ' ')) continue;
        unsigned char c = (unsigned char)name[i];
        if (islower(c)) continue;
        if (!isupper(c) || k == label.n || tolower(c) != tolower((unsigned char)label.p[k]))
            return false;
        k++;
    }
    return k == label.n && k >= 2;
}

/* "Young Minho Enterprise" above a list of roles, each naming
 * "\href{..}{yme.pt}" for its employer: a web address is where the
 * organisation is found, and the group's label right above the entry,
 * whose initials spell the address's host, names it. */
static void reader__link_org_label(RlsResume *m, uint32_t index) {
    RlsEntry *e = &m->entries[index];
    Part label = e->org ? reader__link_label(e->org) : (Part){NULL, 0};
    if (!label.n) return;
    const RlsParagraph *above = NULL;
    for (uint32_t i = 0; i < m->n_paragraphs; i++) {
        const RlsParagraph *para = &m->paragraphs[i];
        if (para->span.end_byte > e->span.start_byte) break;
        if (para->section == e->section && para->entry < 0) above = para;
    }
    if (!above || above->plain.len > 60 ||
        !reader__initials_spell(above->plain.text, above->plain.len, label))
        return;
    /* The roles between the label and this one are of its group: each
     * took the label already. */
    for (uint32_t j = index; j-- > 0;) {
        const RlsEntry *before = &m->entries[j];
        if (before->section != e->section || before->span.start_byte < above->span.start_byte)
            break;
        if (!before->org || strlen(before->org) != above->plain.len ||
            memcmp(before->org, above->plain.text, above->plain.len) != 0)
            return;
    }
    rls_free(e->org);
    e->org = rls_strndup(above->plain.text, above->plain.len);
}

void rls_reader_settle(RlsResume *model) {
    if (!model) return;
    for (uint32_t i = 0; i < model->n_entries; i++) {
        rls_reader_settle_entry(&model->entries[i]);
        reader__link_org_label(model, i);
        reader__title_from_text(model, i);
    }
}

/* ---- The order a section writes its entries' names in ---------------------- */

/* Where s first occurs in src[span), or -1. */
static long reader__find(const char *src, size_t len, RlsSpan span, const char *s) {
    size_t n = strlen(s), end = span.end_byte < len ? span.end_byte : len;
    if (!n) return -1;
    for (size_t i = span.start_byte; i + n <= end; i++)
        if (src[i] == s[0] && !memcmp(src + i, s, n)) return (long)i;
    return -1;
}

static bool reader__orgish(const char *s) {
    RlsFieldScores sc;
    rls_field_type_score(s, strlen(s), &sc);
    return sc.score[RLS_FIELD_ORG] >= 1.0f;
}

/* How an entry's title and organisation read: 1 when their content agrees
 * with their slots, -1 when it says nothing either way, 0 otherwise. */
static int reader__named_by_content(const RlsEntry *e) {
    bool t_role = rls_entry_field_is_role(e->title, strlen(e->title)),
         t_org = reader__orgish(e->title);
    bool o_role = rls_entry_field_is_role(e->org, strlen(e->org)), o_org = reader__orgish(e->org);
    if (!t_role && !t_org && !o_role && !o_org) return -1;
    return (t_role && !t_org) || (o_org && !o_role) ? 1 : 0;
}

/* Whether the organisation comes first in the source (1), second (0), or
 * either is not found there (-1). */
static int reader__org_first(const RlsEntry *e, const char *src, size_t len) {
    if (!e->title || !e->org) return -1;
    long t = reader__find(src, len, e->span, e->title), o = reader__find(src, len, e->span, e->org);
    return t < 0 || o < 0 ? -1 : o < t;
}

static void reader__section_order(RlsResume *m, const RlsSection *sec, const char *src,
                                  size_t len) {
    unsigned first[2] = {0, 0};
    for (uint32_t i = sec->first_entry; i < sec->first_entry + sec->n_entries; i++) {
        int order = reader__org_first(&m->entries[i], src, len);
        if (order >= 0 && reader__named_by_content(&m->entries[i]) == 1) first[order]++;
    }
    /* A slip of the content typing ("Professional Services" read as an
     * employer) is outvoted three to one. */
    int usual = first[1] >= 2 && first[1] >= 3 * first[0]   ? 1
                : first[0] >= 2 && first[0] >= 3 * first[1] ? 0
                                                            : -1;
    if (usual < 0) return;
    for (uint32_t i = sec->first_entry; i < sec->first_entry + sec->n_entries; i++) {
        RlsEntry *e = &m->entries[i];
        int order = reader__org_first(e, src, len);
        if (order < 0 || order == usual || reader__named_by_content(e) != -1) continue;
        char *t = e->title;
        e->title = e->org;
        e->org = t;
    }
}

void rls_reader_settle_order(RlsResume *model, const char *src, size_t len) {
    if (!model || !src) return;
    for (uint32_t k = 0; k < model->n_sections; k++) {
        const RlsSection *sec = &model->sections[k];
        if (sec->kind == RLS_SECTION_EXPERIENCE || sec->kind == RLS_SECTION_VOLUNTEERING)
            reader__section_order(model, sec, src, len);
    }
}
