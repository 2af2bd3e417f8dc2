/* Tests for typing fields by content (server/model/fieldtype.c) and for
 * entry lines split by those types (server/model/lines.c). */
#include <stdio.h>

#include "model/fieldtype_internal.h"
#include "model/lines.h"
#include "rls/alloc.h"
#include "rls/fieldtype.h"
#include "test.h"

typedef struct {
    const char *line;
    RlsSectionKind kind;
    const char *title, *org, *location;
} TypedCase;

#define EXP RLS_SECTION_EXPERIENCE
#define EDU RLS_SECTION_EDUCATION

/* Invented lines in several languages, in both orders. */
static const TypedCase typed_cases[] = {
    {"Acme Corp | Senior Engineer | 2021 – Present", EXP, "Senior Engineer", "Acme Corp", NULL},
    {"Senior Engineer | Acme Corp", EXP, "Senior Engineer", "Acme Corp", NULL},
    {"Acme GmbH - Softwareentwickler", EXP, "Softwareentwickler", "Acme GmbH", NULL},
    {"Softwareentwickler - Acme GmbH", EXP, "Softwareentwickler", "Acme GmbH", NULL},
    {"Ingénieure logiciel — Société Générale, Paris", EXP, "Ingénieure logiciel",
     "Société Générale", "Paris"},
    {"Universität Bochum, Bochum — M.Sc. Informatik", EDU, "M.Sc. Informatik", "Universität Bochum",
     "Bochum"},
    {"Senior Developer at Foo GmbH (Remote)", EXP, "Senior Developer", "Foo GmbH", "Remote"},
    {"Consultant, Deloitte", EXP, "Consultant", "Deloitte", NULL},
    {"Heinrich-Heine-Gymnasium, Kiel", EDU, NULL, "Heinrich-Heine-Gymnasium", "Kiel"},
    /* A subject right before the degree that closes the line is its subject. */
    {"复旦大学 | 化学 | 学士", EDU, "学士, 化学", "复旦大学", NULL},
    {"Université de Lyon | Mathématiques | Licence", EDU, "Licence, Mathématiques",
     "Université de Lyon", NULL},
    {"Deloitte, Consultant", EXP, "Consultant", "Deloitte", NULL},
    {"Nurse | Charité Hospital | Berlin, Germany", EXP, "Nurse", "Charité Hospital",
     "Berlin, Germany"},
    {"Teacher — Lycée Victor Hugo, Besançon", EXP, "Teacher", "Lycée Victor Hugo", "Besançon"},
    {"Data Analyst · Banco Santander · Madrid, Spain", EXP, "Data Analyst", "Banco Santander",
     "Madrid, Spain"},
    {"Desarrollador Backend | Mercado Libre S.A. | Buenos Aires, Argentina", EXP,
     "Desarrollador Backend", "Mercado Libre S.A.", "Buenos Aires, Argentina"},
    {"Engenheira de Software - Itaú Unibanco S.A., São Paulo", EXP, "Engenheira de Software",
     "Itaú Unibanco S.A.", "São Paulo"},
    {"Sviluppatore Java | Accenture Italia | Milano", EXP, "Sviluppatore Java", "Accenture Italia",
     "Milano"},
    {"Инженер-программист | ООО Яндекс | Москва", EXP, "Инженер-программист", "ООО Яндекс",
     "Москва"},
    {"ООО Ромашка — Ведущий разработчик", EXP, "Ведущий разработчик", "ООО Ромашка", NULL},
    {"Разработчик | АО Сбербанк", EXP, "Разработчик", "АО Сбербанк", NULL},
    {"软件工程师 | 腾讯科技有限公司 | 深圳", EXP, "软件工程师", "腾讯科技有限公司", "深圳"},
    {"腾讯科技有限公司 | 软件工程师", EXP, "软件工程师", "腾讯科技有限公司", NULL},
    {"北京大学 | 计算机科学 学士", EDU, "计算机科学 学士", "北京大学", NULL},
    {"计算机科学 学士 | 北京大学", EDU, "计算机科学 学士", "北京大学", NULL},
    {"東京大学 | 修士（情報理工学）", EDU, "修士（情報理工学）", "東京大学", NULL},
    {"株式会社メルカリ | バックエンドエンジニア | 東京", EXP, "バックエンドエンジニア",
     "株式会社メルカリ", "東京"},
    {"バックエンドエンジニア | 株式会社メルカリ", EXP, "バックエンドエンジニア", "株式会社メルカリ",
     NULL},
    {"네이버 주식회사 | 백엔드 개발자 | 서울", EXP, "백엔드 개발자", "네이버 주식회사", "서울"},
    {"백엔드 개발자 | 네이버 주식회사", EXP, "백엔드 개발자", "네이버 주식회사", NULL},
    {"서울대학교 | 컴퓨터공학 학사", EDU, "컴퓨터공학 학사", "서울대학교", NULL},
    {"컴퓨터공학 학사 | 서울대학교", EDU, "컴퓨터공학 학사", "서울대학교", NULL},
    {"Analyst | Goldman Sachs | New York, NY", EXP, "Analyst", "Goldman Sachs", "New York, NY"},
    {"Goldman Sachs Group | Analyst", EXP, "Analyst", "Goldman Sachs Group", NULL},
    {"Stanford University | BSc Computer Science | 2015 – 2019", EDU, "BSc Computer Science",
     "Stanford University", NULL},
    {"MSc Data Science — University of Amsterdam, Amsterdam", EDU, "MSc Data Science",
     "University of Amsterdam", "Amsterdam"},
    {"University of Oxford, DPhil in Physics", EDU, "DPhil in Physics", "University of Oxford",
     NULL},
    {"Universidad de Buenos Aires | Licenciatura en Ciencias de la Computación", EDU,
     "Licenciatura en Ciencias de la Computación", "Universidad de Buenos Aires", NULL},
    {"Universidade de São Paulo - Bacharelado em Ciência da Computação", EDU,
     "Bacharelado em Ciência da Computação", "Universidade de São Paulo", NULL},
    {"Politecnico di Milano — Laurea Magistrale in Ingegneria Informatica", EDU,
     "Laurea Magistrale in Ingegneria Informatica", "Politecnico di Milano", NULL},
    {"École Polytechnique, Palaiseau | Diplôme d'ingénieur", EDU, "Diplôme d'ingénieur",
     "École Polytechnique", "Palaiseau"},
    {"Technische Universität München | Master of Science Informatik", EDU,
     "Master of Science Informatik", "Technische Universität München", NULL},
    {"Master of Science Informatik | Technische Universität München", EDU,
     "Master of Science Informatik", "Technische Universität München", NULL},
    {"Fachhochschule Aachen, Aachen | Bachelor Elektrotechnik", EDU, "Bachelor Elektrotechnik",
     "Fachhochschule Aachen", "Aachen"},
    {"Московский государственный университет | Магистр прикладной математики", EDU,
     "Магистр прикладной математики", "Московский государственный университет", NULL},
    {"Магистр прикладной математики | Московский государственный университет", EDU,
     "Магистр прикладной математики", "Московский государственный университет", NULL},
    {"Senior Consultant | Thoughtworks | Remote", EXP, "Senior Consultant", "Thoughtworks",
     "Remote"},
    {"Product Manager, Spotify AB, Stockholm", EXP, "Product Manager", "Spotify AB", "Stockholm"},
    {"Research Assistant | Max Planck Institut für Informatik | Saarbrücken", EXP,
     "Research Assistant", "Max Planck Institut für Informatik", "Saarbrücken"},
    {"Werkstudent Softwareentwicklung - SAP SE, Walldorf", EXP, "Werkstudent Softwareentwicklung",
     "SAP SE", "Walldorf"},
    {"Consultant | Capgemini | Paris, France", EXP, "Consultant", "Capgemini", "Paris, France"},
    {"Acme Corp, Berlin | Software Engineer", EXP, "Software Engineer", "Acme Corp", "Berlin"},
    {"Foo Labs — Senior Developer (Remote)", EXP, "Senior Developer", "Foo Labs", "Remote"},
    {"Lead Teacher at Springfield High School", EXP, "Lead Teacher", "Springfield High School",
     NULL},
    {"Registered Nurse | Mayo Clinic | Rochester, MN", EXP, "Registered Nurse", "Mayo Clinic",
     "Rochester, MN"},
    {"Mayo Clinic | Registered Nurse", EXP, "Registered Nurse", "Mayo Clinic", NULL},
    {"Financial Analyst | JPMorgan Chase & Co. | London, UK", EXP, "Financial Analyst",
     "JPMorgan Chase & Co.", "London, UK"},
    {"Deutsche Bank AG | Entwickler | Frankfurt", EXP, "Entwickler", "Deutsche Bank AG",
     "Frankfurt"},
    {"Ingeniero de Software | Telefónica S.A. | Madrid", EXP, "Ingeniero de Software",
     "Telefónica S.A.", "Madrid"},
    {"Telefónica S.A. | Ingeniero de Software", EXP, "Ingeniero de Software", "Telefónica S.A.",
     NULL},
    {"Analista de Dados — Banco do Brasil", EXP, "Analista de Dados", "Banco do Brasil", NULL},
    {"Banco do Brasil — Analista de Dados", EXP, "Analista de Dados", "Banco do Brasil", NULL},
    {"Consulente IT | Reply S.p.A. | Torino", EXP, "Consulente IT", "Reply S.p.A.", "Torino"},
    {"Reply S.p.A. - Consulente IT", EXP, "Consulente IT", "Reply S.p.A.", NULL},
    {"顾问 | 麦肯锡公司", EXP, "顾问", "麦肯锡公司", NULL},
    {"麦肯锡公司 | 顾问", EXP, "顾问", "麦肯锡公司", NULL},
    {"エンジニア | ソニー株式会社", EXP, "エンジニア", "ソニー株式会社", NULL},
    {"ソニー株式会社 | エンジニア", EXP, "エンジニア", "ソニー株式会社", NULL},
    {"카카오 주식회사 — 개발자", EXP, "개발자", "카카오 주식회사", NULL},
    {"개발자 — 카카오 주식회사", EXP, "개발자", "카카오 주식회사", NULL},
    {"Company Inc. - Software Engineer Intern", EXP, "Software Engineer Intern", "Company Inc.",
     NULL},
    {"Software Engineer Intern - Company Inc.", EXP, "Software Engineer Intern", "Company Inc.",
     NULL},
    {"Teaching Assistant | University of Toronto | Toronto, ON", EXP, "Teaching Assistant",
     "University of Toronto", "Toronto, ON"},
    {"University of Toronto | Teaching Assistant", EXP, "Teaching Assistant",
     "University of Toronto", NULL},
    {"Marketing Manager — Unilever PLC, London", EXP, "Marketing Manager", "Unilever PLC",
     "London"},
    {"Unilever PLC, London — Marketing Manager", EXP, "Marketing Manager", "Unilever PLC",
     "London"},
    {"Acme Hospital | Nurse", EXP, "Nurse", "Acme Hospital", NULL},
    {"Cloud Architect @ Contoso Ltd", EXP, "Cloud Architect", "Contoso Ltd", NULL},
    {"Contoso Ltd // Cloud Architect", EXP, "Cloud Architect", "Contoso Ltd", NULL},
    {"Volunteer Teacher · Teach For All Foundation · Remote", EXP, "Volunteer Teacher",
     "Teach For All Foundation", "Remote"},
    {"Postdoctoral Researcher, Institut Pasteur, Paris", EXP, "Postdoctoral Researcher",
     "Institut Pasteur", "Paris"},
    {"Institut Pasteur, Paris — Postdoctoral Researcher", EXP, "Postdoctoral Researcher",
     "Institut Pasteur", "Paris"},
    {"B.Sc. Informatik — Universität Bochum, Bochum", EDU, "B.Sc. Informatik", "Universität Bochum",
     "Bochum"},
    {"Université de Reims, Reims | Licence Informatique", EDU, "Licence Informatique",
     "Université de Reims", "Reims"},
    {"Licence Informatique | Université de Reims, Reims", EDU, "Licence Informatique",
     "Université de Reims", "Reims"},
    {"Senior Engineer | Acme Corp, Berlin, Germany", EXP, "Senior Engineer", "Acme Corp",
     "Berlin, Germany"},
    {"Lehrerin | Goethe-Gymnasium | Hamburg", EXP, "Lehrerin", "Goethe-Gymnasium", "Hamburg"},
    {"Goethe-Gymnasium | Lehrerin", EXP, "Lehrerin", "Goethe-Gymnasium", NULL},
    {"Infirmière — Hôpital Saint-Louis, Paris", EXP, "Infirmière", "Hôpital Saint-Louis", "Paris"},
    {"Hôpital Saint-Louis, Paris — Infirmière", EXP, "Infirmière", "Hôpital Saint-Louis", "Paris"},
    {"Chargé d'études | Banque de France | Paris", EXP, "Chargé d'études", "Banque de France",
     "Paris"},
    {"Banque de France | Chargé d'études", EXP, "Chargé d'études", "Banque de France", NULL},
    /* A city inside a name is no place; a year beside a role is no title. */
    {"Ingénieur | Acme 東京", EXP, "Ingénieur", "Acme 東京", NULL},
    {"ETH Zürich | Doktorand", EXP, "Doktorand", "ETH Zürich", NULL},
    {"Acme Corp | DBA", EXP, "DBA", "Acme Corp", NULL},
    /* A colon between a name and a role parts them; after a label it does not. */
    {"Tsinghua University: Ph.D. in Economics", EDU, "Ph.D. in Economics", "Tsinghua University",
     NULL},
    {"Desenvolvedor Back-End: Foo Ltda", EXP, "Desenvolvedor Back-End", "Foo Ltda", NULL},
    {"Project: Senior Engineer", EXP, "Project: Senior Engineer", NULL, NULL},
    /* A degree parts from its school in any section; a role from a short
     * name that types as nothing else; a colon in parentheses parts
     * nothing, and such a labelled note is no part of the role. */
    {"Tsinghua University: B.A. in Economics", EXP, "B.A. in Economics", "Tsinghua University",
     NULL},
    {"Desenvolvedor de Software FullStack Pleno: 2RP Net", EXP,
     "Desenvolvedor de Software FullStack Pleno", "2RP Net", NULL},
    {"Инженер-программист: Теком", EXP, "Инженер-программист", "Теком", NULL},
    {"Consultante junior (client : LAFARGE)", EXP, "Consultante junior", NULL, NULL},
    {"Software Engineer: Berlin", EXP, "Software Engineer: Berlin", NULL, NULL}, /* no employer */
    /* A unit before its organisation is one name; a course before a school is not. */
    {"Department of Astronomy, University of Maryland", EXP, NULL,
     "Department of Astronomy, University of Maryland", NULL},
    {"Research Assistant, Department of Astronomy, University of Maryland", EXP,
     "Research Assistant", "Department of Astronomy, University of Maryland", NULL},
    /* A note of what the employer does is no part of its name; another
     * name of the employer is. */
    {"Tech Lead | HashiCorp (Multi-Cloud Infrastructure Automation)", EXP, "Tech Lead", "HashiCorp",
     NULL},
    {"Développeur | Laiblitz Inc (part time job)", EXP, "Développeur", "Laiblitz Inc", NULL},
    {"Data-Engineer | Ongres Inc. (ex 8kdata)", EXP, "Data-Engineer", "Ongres Inc. (ex 8kdata)",
     NULL},
    {"Business Analyst | Medco (Express Scripts)", EXP, "Business Analyst",
     "Medco (Express Scripts)", NULL},
    /* Words of a trade after a name complete with its legal form are what
     * it does; a name of its own with a legal form stays. */
    {"Welder | Aker Solutions ASA (Offshore Energy Technology)", EXP, "Welder",
     "Aker Solutions ASA", NULL},
    {"Analyst | Nordlys AS (a Telenor ASA company)", EXP, "Analyst",
     "Nordlys AS (a Telenor ASA company)", NULL},
    {"Intern | GreenLab (Department of Electronic Engineering, ETSIT)", EXP, "Intern",
     "GreenLab (Department of Electronic Engineering, ETSIT)", NULL},
};

static bool typed__same(const char *got, const char *want) {
    return want ? got && !strcmp(got, want) : got == NULL;
}

static void test_entry_lines_in_many_languages_are_assigned_by_type(void) {
    size_t wrong = 0;
    for (size_t i = 0; i < RLS_ARRAY_LEN(typed_cases); i++) {
        const TypedCase *c = &typed_cases[i];
        RlsEntryFields f;
        rls_entry_fields_split(c->line, strlen(c->line), c->kind, false, &f);
        if (!typed__same(f.title, c->title) || !typed__same(f.org, c->org) ||
            !typed__same(f.location, c->location)) {
            fprintf(stderr, "  %s\n    got title=%s org=%s location=%s\n", c->line,
                    f.title ? f.title : "-", f.org ? f.org : "-", f.location ? f.location : "-");
            wrong++;
        }
        rls_entry_fields_close(&f);
    }
    EXPECT_EQ_INT(wrong, 0);
}

static void test_a_place_glued_to_an_organisation_beside_dates_is_split_off(void) {
    RlsEntryFields f;
    const char *line = "Acme GmbH, Bochum | 2019 – 2021";
    rls_entry_fields_split(line, strlen(line), EXP, true, &f);
    EXPECT_STR_EQ(f.org, "Acme GmbH");
    EXPECT_STR_EQ(f.location, "Bochum");
    rls_entry_fields_close(&f);
}

static void test_short_texts_are_typed_by_what_they_say(void) {
    static const struct {
        const char *text;
        RlsFieldType type;
    } cases[] = {
        {"Senior Engineer", RLS_FIELD_TITLE},
        {"Ingénieure logiciel", RLS_FIELD_TITLE},
        {"Entwicklerin", RLS_FIELD_TITLE},
        {"工程师", RLS_FIELD_TITLE},
        {"개발자", RLS_FIELD_TITLE},
        {"Acme GmbH", RLS_FIELD_ORG},
        {"UNIVERSITÄT BONN", RLS_FIELD_ORG},
        {"МОСКОВСКИЙ УНИВЕРСИТЕТ", RLS_FIELD_ORG},
        {"株式会社サンプル", RLS_FIELD_ORG},
        {"Houston, TX", RLS_FIELD_LOCATION},
        {"Remote", RLS_FIELD_LOCATION},
        {"Lyon, France", RLS_FIELD_LOCATION},
        {"M.Sc. Informatik", RLS_FIELD_DEGREE},
        {"硕士", RLS_FIELD_DEGREE},
        /* Degrees of other countries by their short names. */
        {"B.A.Sc. Mechanical Engineering", RLS_FIELD_DEGREE},
        {"B.Com. Finance", RLS_FIELD_DEGREE},
        {"MBBS", RLS_FIELD_DEGREE},
        {"MFA Creative Writing", RLS_FIELD_DEGREE},
        {"Jan 2021 – Present", RLS_FIELD_DATE},
        /* Secondary schools by their own names. */
        {"Pensionnat du Sacré Coeur", RLS_FIELD_ORG},
        {"Liceo Scientifico Galileo Galilei", RLS_FIELD_ORG},
        {"Гимназия № 1", RLS_FIELD_ORG},
        /* A compound joined by hyphens is what its last part names. */
        {"Heinrich-Heine-Gymnasium", RLS_FIELD_ORG},
        {"Fraunhofer-Institut", RLS_FIELD_ORG},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsFieldScores s;
        rls_field_type_score(cases[i].text, strlen(cases[i].text), &s);
        if (rls_field_type_best(&s) != cases[i].type)
            fprintf(stderr, "  %s typed %d\n", cases[i].text, (int)rls_field_type_best(&s));
        EXPECT_EQ_INT(rls_field_type_best(&s), cases[i].type);
        EXPECT_TRUE(rls_field_type_is_clearly(cases[i].text, strlen(cases[i].text), cases[i].type));
    }
    RlsFieldScores s;
    rls_field_type_score("Pathfinder", 10, &s);
    EXPECT_EQ_INT(rls_field_type_best(&s), RLS_FIELD_N_TYPES);
}

static void test_template_slots_out_of_order_are_settled(void) {
    /* moderncv given {employer}{title}: the two swap. */
    char *title = rls_strdup("Acme GmbH"), *org = rls_strdup("Senior Engineer");
    char *loc = NULL, *date_text = NULL;
    EXPECT_TRUE(rls_field_type_settle(&title, &org, &loc, true, &date_text));
    EXPECT_STR_EQ(title, "Senior Engineer");
    EXPECT_STR_EQ(org, "Acme GmbH");
    EXPECT_TRUE(date_text == NULL);
    /* Nothing clear: position stands. */
    char *a = rls_strdup("Pathfinder"), *b = rls_strdup("Northwind");
    EXPECT_TRUE(!rls_field_type_settle(&a, &b, &loc, true, &date_text));
    EXPECT_STR_EQ(a, "Pathfinder");
    rls_free(a);
    rls_free(b);
    /* The dates in the place slot when the dates slot had none. */
    loc = rls_strdup("Jan 2019 – Mar 2021");
    EXPECT_TRUE(rls_field_type_settle(&title, &org, &loc, false, &date_text));
    EXPECT_TRUE(loc == NULL);
    EXPECT_STR_EQ(date_text, "Jan 2019 – Mar 2021");
    rls_free(date_text);
    rls_free(title);
    rls_free(org);
}

static void test_town_before_state_code_is_the_place(void) {
    /* A project's {title}{town}{state}: the town is the place's first half. */
    char *title = rls_strdup("Survey of Soil Gas Emissions"), *org = rls_strdup("Morgan County");
    char *loc = rls_strdup("TN"), *date_text = NULL;
    EXPECT_TRUE(rls_field_type_settle(&title, &org, &loc, true, &date_text));
    EXPECT_TRUE(org == NULL);
    EXPECT_STR_EQ(loc, "Morgan County, TN");
    rls_free(loc);
    /* Beside a role the same slot names the employer. */
    char *role = rls_strdup("Software Engineer"), *employer = rls_strdup("Hooli");
    loc = rls_strdup("CA");
    EXPECT_TRUE(!rls_field_type_settle(&role, &employer, &loc, true, &date_text));
    EXPECT_STR_EQ(employer, "Hooli");
    EXPECT_STR_EQ(loc, "CA");
    rls_free(role);
    rls_free(employer);
    rls_free(loc);
    /* An organisation word keeps its slot whatever the title. */
    org = rls_strdup("Oak Ridge Laboratory");
    loc = rls_strdup("TN");
    EXPECT_TRUE(!rls_field_type_settle(&title, &org, &loc, true, &date_text));
    EXPECT_STR_EQ(org, "Oak Ridge Laboratory");
    rls_free(title);
    rls_free(org);
    rls_free(loc);
}

/* ---- The lexicon lookup against the TSV, entry by entry ----------------- */

extern const unsigned char rls_data_field_words_tsv[];
extern const size_t rls_data_field_words_tsv_len;

typedef struct {
    const char *word;
    size_t n;
    bool prefix, suffix;
    int kind;
    float weight;
} LexEntry;

static int lex__kind(const char *p, size_t n) {
    static const char *const names[] = {"title", "org", "degree", "study", "place", "note"};
    static const int kinds[] = {RLS_FIELD_TITLE,  RLS_FIELD_ORG,         RLS_FIELD_DEGREE,
                                RLS_FIELD__STUDY, RLS_FIELD__PLACE_WORD, RLS_FIELD__NOTE_WORD};
    for (size_t i = 0; i < RLS_ARRAY_LEN(names); i++)
        if (strlen(names[i]) == n && !memcmp(names[i], p, n)) return kinds[i];
    return -1;
}

/* Every non-CJK entry of field-words.tsv ("kind<TAB>weight<TAB>word[*]"),
 * read here independently of fieldtype.c. Returns how many. */
static size_t lex__entries(LexEntry *out, size_t cap) {
    const char *p = (const char *)rls_data_field_words_tsv;
    const char *end = p + rls_data_field_words_tsv_len;
    size_t n = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *t1 = memchr(p, '\t', (size_t)(eol - p));
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(eol - t1 - 1)) : NULL;
        if (*p != '#' && t2 && eol > t2 + 1 && (unsigned char)t2[1] < 0xE3 && n < cap) {
            LexEntry *e = &out[n++];
            e->kind = lex__kind(p, (size_t)(t1 - p));
            e->weight = (float)strtod(t1 + 1, NULL);
            e->word = t2 + 1;
            e->n = (size_t)(eol - t2 - 1);
            e->prefix = e->word[e->n - 1] == '*';
            if (e->prefix) e->n--;
            e->suffix = e->word[0] == '*';
            if (e->suffix) e->word++, e->n--;
        }
        p = eol + 1;
    }
    return n;
}

/* What the lexicon should give a folded word: the best weight per kind of
 * the entries equal to it, or, marked with '*', starting or ending it. */
static void lex__expected(const LexEntry *lex, size_t n_lex, const char *w, size_t wn,
                          float *kinds) {
    for (size_t i = 0; i < n_lex; i++) {
        const LexEntry *e = &lex[i];
        if (e->n == 0 || e->n > wn || (e->n < wn && !e->prefix && !e->suffix)) continue;
        const char *at = e->suffix ? w + wn - e->n : w;
        if (memcmp(e->word, at, e->n) == 0 && e->weight > kinds[e->kind])
            kinds[e->kind] = e->weight;
    }
}

static void test_each_lexicon_word_gives_the_weights_its_entries_list(void) {
    static LexEntry lex[2048];
    size_t n_lex = lex__entries(lex, RLS_ARRAY_LEN(lex));
    ASSERT_TRUE(n_lex > 500);
    size_t probes = 0, wrong = 0, matched = 0, by_prefix = 0;
    for (size_t i = 0; i < n_lex; i++) {
        ASSERT_TRUE(lex[i].kind >= 0);
        /* The word itself, longer (a prefix entry must take it, a whole
         * word must not), and shorter (no entry but a shorter one). */
        static const char *const tails[] = {"", "s", "ing", "in", "en", "xx", "-", "~"};
        for (size_t t = 0; t < RLS_ARRAY_LEN(tails); t++) {
            char w[RLS_FIELD__WORD_MAX + 1];
            size_t wn = lex[i].n, tn = strlen(tails[t]);
            if (!strcmp(tails[t], "-")) {
                wn = wn > 1 ? wn - 1 : wn; /* one byte shorter */
                tn = 0;
            } else if (!strcmp(tails[t], "~")) {
                wn = wn > 4 ? 4 : wn; /* the shortest prefix length */
                tn = 0;
            }
            if (wn + tn > RLS_FIELD__WORD_MAX) continue;
            memcpy(w, lex[i].word, wn);
            memcpy(w + wn, tails[t], tn);
            wn += tn;
            float got[RLS_FIELD__N_KINDS] = {0}, want[RLS_FIELD__N_KINDS] = {0};
            rls_field__word_kinds(w, wn, got);
            lex__expected(lex, n_lex, w, wn, want);
            probes++;
            bool any = false;
            for (int k = 0; k < RLS_FIELD__N_KINDS; k++) {
                any |= want[k] > 0;
                if (got[k] != want[k]) {
                    if (wrong++ < 10)
                        fprintf(stderr, "  %.*s kind %d: got %.1f, want %.1f\n", (int)wn, w, k,
                                (double)got[k], (double)want[k]);
                }
            }
            matched += any;
            by_prefix += any && tn > 0;
        }
    }
    EXPECT_EQ_INT(wrong, 0);
    /* The probes reach both kinds of entry. */
    EXPECT_TRUE(matched > n_lex);
    EXPECT_TRUE(by_prefix > 100);
    fprintf(stderr, "  %zu probes, %zu matched, %zu through a prefix entry\n", probes, matched,
            by_prefix);
}

static void test_recognised_field_words(void) {
    /* Weights as field-words.tsv lists them, through the lookup alone. */
    static const struct {
        const char *w;
        int kind;
        float weight;
    } cases[] = {
        {"engineer", RLS_FIELD_TITLE, 2.0f},     /* engineer* */
        {"developers", RLS_FIELD_TITLE, 2.0f},   /* developer* as a prefix */
        {"engineering", RLS_FIELD_TITLE, 0.0f},  /* the field ("Dema engineering"), */
        {"engineering", RLS_FIELD__STUDY, 1.0f}, /* ... not the role */
        {"intern", RLS_FIELD_TITLE, 2.0f},       /* a whole word */
        {"internal", RLS_FIELD_TITLE, 0.0f},     /* ... and not a prefix */
        {"gmbh", RLS_FIELD_ORG, 3.0f},
        {"bsc", RLS_FIELD_DEGREE, 3.0f}, /* "B.Sc." once folded */
        {"informatik", RLS_FIELD__STUDY, 1.0f},
        {"remote", RLS_FIELD__PLACE_WORD, 3.0f},
        {"pathfinder", RLS_FIELD_TITLE, 0.0f},
        {"разработчик", RLS_FIELD_TITLE, 2.0f},  /* Cyrillic, folded */
        {"dataingeniør", RLS_FIELD_TITLE, 2.0f}, /* *ingeniør, the compound's head */
        {"ingeniørfag", RLS_FIELD_TITLE, 0.0f},  /* ... at its end only */
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        float kinds[RLS_FIELD__N_KINDS] = {0};
        rls_field__word_kinds(cases[i].w, strlen(cases[i].w), kinds);
        if (kinds[cases[i].kind] != cases[i].weight)
            fprintf(stderr, "  %s: %.1f\n", cases[i].w, (double)kinds[cases[i].kind]);
        EXPECT_TRUE(kinds[cases[i].kind] == cases[i].weight);
    }
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_entry_lines_in_many_languages_are_assigned_by_type),
        RLS_TEST(test_a_place_glued_to_an_organisation_beside_dates_is_split_off),
        RLS_TEST(test_short_texts_are_typed_by_what_they_say),
        RLS_TEST(test_template_slots_out_of_order_are_settled),
        RLS_TEST(test_town_before_state_code_is_the_place),
        RLS_TEST(test_each_lexicon_word_gives_the_weights_its_entries_list),
        RLS_TEST(test_recognised_field_words),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
