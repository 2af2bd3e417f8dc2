/*
 * piece_reader.c - which piece of an entry is which field, by what each
 * piece says (piece_reader.h). The examples are written as a template's
 * macro writes its pieces, "{...}{...}", with the format's syntax gone.
 */
#include "model/piece_reader.h"

#include <ctype.h>
#include <string.h>

#include "model/line_reader.h"
#include "model/lines.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/dates.h"

/* The pieces of one call, and the layout they follow. */
typedef struct {
    const RlsPieceLayout *layout;
    char **pieces;
    unsigned n;
} PieceCall;

/* Piece k (from 1), or NULL for none, an empty piece, or one that is no
 * field (the body, the skills). */
static char *piece_reader__at(const PieceCall *c, unsigned k) {
    if (k < 1 || k > c->n || k > RLS_PIECES_MAX || k == c->layout->body || k == c->layout->skills)
        return NULL;
    return c->pieces[k - 1];
}

static bool piece_reader__dated(const char *text) {
    return text && rls_date_text_looks_dated(text, strlen(text));
}

/* Whether a piece names a job ("Founder and Organizer", "Software
 * Engineer"), by its role nouns. */
static bool piece_reader__names_role(const char *text) {
    return text && rls_entry_field_names_job(text, strlen(text));
}

/* Whether a piece is a sentence describing the role rather than a field:
 * a full stop at its end, or many words, most of them in lower case. A
 * long name is written in capitals ("TECH Jr. - Empresa Júnior de
 * Informática da UCSal": nine words, two in lower case). */
static bool piece_reader__prose(const char *text) {
    size_t n = strlen(text), words = 0, lower = 0;
    for (size_t i = 0; i < n; i++) {
        if (text[i] == ' ' || (i && text[i - 1] != ' ')) continue;
        words++;
        lower += islower((unsigned char)text[i]) != 0;
    }
    return (words > 8 && (lower * 2 > words || words > 16)) || (n > 1 && text[n - 1] == '.');
}

/* A piece that sets the look of the entry rather than saying anything: a
 * colour name ("dotgreen", "accentgray"), a length ("0.5ex") or a bare
 * count. */
static bool piece_reader__layout_token(const char *text) {
    static const char *const colours[] = {"black", "blue",   "brown",  "cyan",   "gray",
                                          "grey",  "green",  "orange", "purple", "red",
                                          "teal",  "violet", "white",  "yellow", "colo"};
    size_t n = strlen(text), digits = 0, letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= '0' && c <= '9')
            digits++;
        else if (c >= 'a' && c <= 'z')
            letters++;
        else if (c != '.' && c != '-' && !(c >= 'A' && c <= 'Z'))
            return false;
    }
    if (!n || (text[0] >= 'A' && text[0] <= 'Z') || rls_date_text_looks_dated(text, n))
        return false;
    if (digits && letters <= 2) return true; /* "2", "0.5ex", "12pt" */
    if (digits) return false;
    for (size_t k = 0; k < RLS_ARRAY_LEN(colours); k++)
        if (strstr(text, colours[k])) return true;
    return false;
}

/* The field a piece clearly is, a degree counted as a title;
 * RLS_FIELD_N_TYPES when none is clear. */
static RlsFieldType piece_reader__typed(const char *text) {
    RlsFieldScores s;
    rls_field_type_score(text, strlen(text), &s);
    RlsFieldType t = rls_field_type_best(&s);
    if (t == RLS_FIELD_N_TYPES || s.score[t] < RLS_FIELD_CLEAR) return RLS_FIELD_N_TYPES;
    return t == RLS_FIELD_DEGREE ? RLS_FIELD_TITLE : t;
}

/* AltaCV's "{title}{org}{dates}{place}" written "{2019--2021}{Analyst}
 * {Acme}{What I did.}": when the dates slot holds no date and exactly one
 * other piece is all date, that one is the dates, and the layout's other
 * fields, in their order, take the other pieces in theirs; a sentence
 * among them is the role's description. */
static void piece_reader__reslot(const PieceCall *c, RlsPieceSlots *s) {
    const RlsPieceLayout *l = c->layout;
    if (l->dates_end || l->declared.note || piece_reader__dated(piece_reader__at(c, s->dates)))
        return;
    unsigned dated = 0, others[RLS_PIECES_MAX], n_others = 0;
    for (unsigned k = 1; k <= c->n && k <= RLS_PIECES_MAX; k++) {
        const char *t = piece_reader__at(c, k);
        if (!t) continue;
        RlsFieldScores typed;
        rls_field_type_score(t, strlen(t), &typed);
        if (typed.score[RLS_FIELD_DATE] >= 3.0f) {
            if (dated) return;
            dated = k;
        } else {
            others[n_others++] = k;
        }
    }
    if (!dated) return;
    unsigned *slots[3] = {&s->title, &s->org, &s->loc};
    /* The fields in the order the layout takes them. */
    for (unsigned i = 0; i < 3; i++)
        for (unsigned j = i + 1; j < 3; j++)
            if (*slots[j] && (!*slots[i] || *slots[j] < *slots[i])) {
                unsigned *t = slots[i];
                slots[i] = slots[j];
                slots[j] = t;
            }
    unsigned next = 0;
    for (unsigned i = 0; i < 3; i++) {
        if (!*slots[i]) continue;
        *slots[i] = 0;
        while (next < n_others && piece_reader__prose(piece_reader__at(c, others[next])))
            s->note = others[next++];
        if (next < n_others) *slots[i] = others[next++];
    }
    if (s->loc && piece_reader__prose(piece_reader__at(c, s->loc))) {
        s->note = s->loc;
        s->loc = 0;
    }
    s->dates = dated;
}

/* Whether the pieces are out of the layout's order: its title or
 * employer slot holds a place alone ("Madrid", not "Acme Securities,
 * Seoul": a name with its place is an employer's slot used as meant) or a
 * layout token, or the body line is the role the header lacks. */
static bool piece_reader__odd(const PieceCall *c, const RlsPieceSlots *s, RlsFieldType body_type) {
    bool odd = false, role_in_header = false;
    unsigned declared[2] = {s->title, s->org};
    for (unsigned i = 0; i < 2; i++) {
        const char *t = piece_reader__at(c, declared[i]);
        if (t && (piece_reader__layout_token(t) ||
                  (piece_reader__typed(t) == RLS_FIELD_LOCATION && !strchr(t, ','))))
            odd = true;
        if (t && piece_reader__typed(t) == RLS_FIELD_TITLE) role_in_header = true;
    }
    return odd || (!role_in_header && body_type == RLS_FIELD_TITLE);
}

/* moderncv's "{dates}{Employer}{City}{}{}{Role}", a class's
 * "{dates}{City}{dotgray}{Role}{Employer}{...}": pieces out of the
 * layout's order (piece_reader__odd) are taken by what they say. Places
 * go to the location, a role or degree to the title, an organisation to
 * the employer; a name no word types fills the first of title and
 * employer still open, in the order written. A body line that types as
 * the missing title or employer is that field (out->body_type). */
static void piece_reader__retype(const PieceCall *c, const char *body_line, RlsPieceFields *out) {
    RlsPieceSlots *s = &out->slots;
    bool body_one = body_line && !strchr(body_line, '\n') && !piece_reader__prose(body_line);
    RlsFieldType body_type = body_one ? piece_reader__typed(body_line) : RLS_FIELD_N_TYPES;
    if (!piece_reader__odd(c, s, body_type)) return;
    unsigned got[RLS_FIELD_N_TYPES] = {0}, unknown[RLS_PIECES_MAX], n_unknown = 0;
    for (unsigned k = 1; k <= c->n && k <= RLS_PIECES_MAX; k++) {
        const char *t = piece_reader__at(c, k);
        if (!t || k == c->layout->declared.dates || piece_reader__layout_token(t)) continue;
        RlsFieldType type = piece_reader__typed(t);
        if (type == RLS_FIELD_DATE || piece_reader__prose(t)) continue;
        if (type == RLS_FIELD_N_TYPES || got[type])
            unknown[n_unknown++] = k;
        else
            got[type] = k;
    }
    unsigned fill[2] = {got[RLS_FIELD_TITLE], got[RLS_FIELD_ORG]};
    RlsFieldType fill_type[2] = {RLS_FIELD_TITLE, RLS_FIELD_ORG};
    for (unsigned i = 0; i < 2; i++)
        if (!fill[i] && body_type == fill_type[i] && out->body_type == RLS_FIELD_N_TYPES)
            out->body_type = body_type;
    /* An untyped name next after the role is its employer ("{Role}{Acme}"). */
    unsigned u = 0;
    while (fill[0] && u < n_unknown && unknown[u] < fill[0])
        u++;
    if (u == n_unknown) u = 0;
    for (unsigned i = 0; i < 2; i++) {
        if (fill[i] || out->body_type == fill_type[i] || !n_unknown) continue;
        fill[i] = unknown[u];
        u = (u + 1) % n_unknown;
        if (fill[i] == fill[1 - i]) fill[i] = 0;
    }
    s->title = fill[0];
    s->org = fill[1];
    s->loc = got[RLS_FIELD_LOCATION];
    if (s->note == s->title || s->note == s->org || s->note == s->loc) s->note = 0;
}

/* An education layout of four pieces has two orders in the templates.
 * Where the dates sit tells them apart, and when that is not enough, the
 * section or the piece that names a role does. */
static void piece_reader__two_edu(const PieceCall *c, RlsSectionKind kind, RlsPieceSlots *s) {
    bool d2 = piece_reader__dated(piece_reader__at(c, 2));
    bool d4 = piece_reader__dated(piece_reader__at(c, 4));
    if (!d2 && d4) { /* {school}{place}{degree}{dates} */
        s->org = 1;
        s->loc = 2;
        s->title = 3;
        s->dates = 4;
    } else if (kind == RLS_SECTION_EDUCATION ||
               (piece_reader__names_role(piece_reader__at(c, 3)) &&
                !piece_reader__names_role(piece_reader__at(c, 1)))) {
        /* {school}{dates}{degree}{place}: the bold line is the school;
         * {SunSesh AZ}{dates}{Founder and Organizer}{place}: the role is
         * the piece that names one. */
        s->org = 1;
        s->title = 3;
    }
}

/* No known layout: the dated piece is the dates, and the others in order
 * the title, then the place, or the employer and the place. */
static void piece_reader__unknown(const PieceCall *c, RlsSectionKind kind, RlsPieceFields *out) {
    RlsPieceSlots *s = &out->slots;
    s->title = s->org = s->loc = s->dates = 0;
    unsigned rest[RLS_PIECES_MAX], nrest = 0;
    for (unsigned k = 1; k <= c->n && k <= RLS_PIECES_MAX; k++) {
        const char *t = piece_reader__at(c, k);
        if (!t) continue;
        if (!s->dates && piece_reader__dated(t))
            s->dates = k;
        else
            rest[nrest++] = k;
    }
    if (nrest >= 1) s->title = rest[0];
    if (nrest == 2) s->loc = rest[1];
    /* "{Tech Lead, Incubyte}{2021 -- Present}{Remote}": in experience, the
     * one name piece is "role, employer". */
    char *t = nrest <= 2 && s->title ? piece_reader__at(c, s->title) : NULL;
    char *comma = t && kind == RLS_SECTION_EXPERIENCE ? strrchr(t, ',') : NULL;
    if (comma && comma > t && comma[1] == ' ' && comma[2]) {
        *comma = '\0';
        out->org = rls_strdup(comma + 2);
    }
    if (nrest >= 3) {
        s->org = rest[1];
        s->loc = rest[2];
    }
}

void rls_piece_reader_fields(const RlsPieceLayout *layout, char **pieces, unsigned n,
                             const char *body_line, RlsSectionKind kind, RlsPieceFields *out) {
    PieceCall c = {layout, pieces, n};
    out->slots = layout->declared;
    out->body_type = RLS_FIELD_N_TYPES;
    out->org = NULL;
    switch (layout->trust) {
    case RLS_PIECES_CHECKED:
        if (!out->slots.dates) break;
        piece_reader__reslot(&c, &out->slots);
        piece_reader__retype(&c, body_line, out);
        break;
    case RLS_PIECES_TWO_EDU:
        if (n >= 4) piece_reader__two_edu(&c, kind, &out->slots);
        break;
    case RLS_PIECES_UNKNOWN:
        piece_reader__unknown(&c, kind, out);
        break;
    }
}

bool rls_piece_reader_lone_role(const char *text, size_t len, RlsSectionKind kind) {
    RlsFieldScores sc;
    rls_field_type_score(text, len, &sc);
    RlsFieldType own = kind == RLS_SECTION_EDUCATION ? RLS_FIELD_DEGREE : RLS_FIELD_TITLE;
    return sc.score[own] >= 1.0f && sc.score[own] > sc.score[RLS_FIELD_ORG];
}

bool rls_piece_reader_heads_entry(RlsSectionKind kind, const char *title, const char *org,
                                  const RlsDateRange *dates) {
    if (rls_line_reader_section_has_roles(kind) || kind == RLS_SECTION_SKILLS) return true;
    bool role = (title && rls_entry_field_is_role(title, strlen(title))) ||
                (org && rls_entry_field_is_role(org, strlen(org)));
    /* Without a title yet the entry may be a heading that later lines
     * complete ("Lab" then "| Researcher"). */
    if (title && (kind == RLS_SECTION_PUBLICATIONS || kind == RLS_SECTION_AWARDS ||
                  kind == RLS_SECTION_CERTIFICATIONS))
        return role;
    return role || org || (dates && dates->valid);
}

size_t rls_piece_reader_title_end(const RlsPlain *p, const char *src, RlsPieceBreakCb line_break_cb,
                                  void *data) {
    size_t cut = p->len;
    for (size_t i = 1; i + 1 < p->len && cut == p->len; i++) {
        if (p->text[i] != ' ') continue;
        uint32_t a = p->src_end[i - 1], b = p->src_start[i + 1];
        bool broken = a < b && line_break_cb(src, a, b, data);
        if (broken && rls_date_text_looks_dated(p->text + i + 1, p->len - i - 1) &&
            !rls_entry_field_names_job(p->text + i + 1, p->len - i - 1))
            cut = i;
    }
    return cut;
}

char *rls_piece_reader_logo_name(const char *path, size_t len) {
    const char *end = path + len, *stem = path;
    for (const char *c = path; c < end; c++)
        if (*c == '/') stem = c + 1;
    const char *dot = end;
    for (const char *c = stem; c < end; c++)
        if (*c == '.') dot = c;
    RlsBuf buf;
    rls_buf_init(&buf);
    bool word_start = true;
    for (const char *c = stem; c < dot; c++) {
        /* "thales-logo", "logo_acme": the word "logo" names no one. */
        if ((c == stem || c[-1] == '-' || c[-1] == '_') && dot - c >= 4 &&
            tolower((unsigned char)c[0]) == 'l' && !strncmp(c + 1, "ogo", 3) &&
            (c + 4 == dot || c[4] == '-' || c[4] == '_')) {
            c += 4;
            continue;
        }
        char ch = *c == '_' ? ' ' : *c;
        if (word_start && ch >= 'a' && ch <= 'z') ch = (char)(ch - 'a' + 'A');
        word_start = ch == ' ' || ch == '-';
        rls_buf_append(&buf, &ch, 1);
    }
    char *name = rls_buf_detach(&buf);
    size_t nl = strlen(name);
    /* "Logo_cora_2011": the year of the artwork is no part of the name. */
    while (nl && strchr(" -_0123456789", name[nl - 1]))
        name[--nl] = '\0';
    if (!nl || !isalpha((unsigned char)name[0])) {
        rls_free(name);
        return NULL;
    }
    return name;
}

bool rls_piece_reader_amend(RlsEntry *e, RlsSectionKind kind, const RlsPlain *p,
                            RlsFieldType field) {
    const char *t = p->text;
    bool used = false;
    uint32_t a = 0;
    while (a < p->len && (t[a] == '|' || t[a] == ' '))
        a++;
    if (field == RLS_FIELD_TITLE && a < p->len) {
        if (!e->title) {
            e->title = rls_strdup(t + a);
            rls_line_reader_project_name(kind, e);
            used = true;
        } else if (!e->org) {
            e->org = e->title;
            e->title = rls_strdup(t + a);
            used = true;
        }
    } else if (field == RLS_FIELD_LOCATION && a < p->len) {
        /* "Jan 2015 - Present | New York, NY": the dates, then the place. */
        const char *bar = memchr(t + a, '|', p->len - a);
        uint32_t bar_at = bar ? (uint32_t)(bar - t) : p->len;
        uint32_t parts[2][2] = {{a, bar_at}, {bar ? bar_at + 1 : p->len, p->len}};
        for (int i = 0; i < 2; i++) {
            uint32_t s = parts[i][0], x = parts[i][1];
            while (s < x && t[s] == ' ')
                s++;
            while (x > s && t[x - 1] == ' ')
                x--;
            if (s == x) continue;
            if (rls_date_text_looks_dated(t + s, x - s) && !e->dates.span.end_byte) {
                RlsDateRange range;
                size_t from, to;
                memset(&range, 0, sizeof(range));
                if (rls_date_range_find(t + s, x - s, &range, &from, &to)) {
                    range.valid = true;
                    range.span = rls_plain_cover(p, s + (uint32_t)from, s + (uint32_t)to);
                } else {
                    range.span = rls_plain_cover(p, s, x);
                }
                e->dates = range;
                used = true;
            } else if (!e->location) {
                e->location = rls_strndup(t + s, x - s);
                used = true;
            }
        }
    }
    return used;
}
