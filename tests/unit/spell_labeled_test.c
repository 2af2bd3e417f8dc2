/*
 * The `spelling` rule (issue 18), with the real hunspell dictionary the
 * shell loads (speller/speller.h): every listed common misspelling is
 * caught in Markdown and in LaTeX; the labelled strong bullets, and every
 * corpus resume, get no spelling finding on a technology name, a word of an
 * entry's title or organisation, or a URL; the prose skips; positions
 * across CRLF, é, CJK and emoji; the resume dictionary and disable comments.
 *
 * CI installs hunspell-en-us (scripts/deps.sh): without it this test fails
 * and says so, rather than pass on nothing.
 */
#define _POSIX_C_SOURCE 200809L
#include "rls/analysis.h"
#include "rls/keywords.h"
#include "rls/parse.h"
#include "rls/spell.h"
#include "speller/speller.h"
#include "test.h"
#include "test_data.h"

static RlsSpellerLib *spell__lib;

static void spell__config(RlsConfig *cfg) {
    rls_config_init(cfg);
    if (!spell__lib) spell__lib = rls_speller_lib_new(NULL, NULL);
    cfg->spell = rls_speller_lib_source(spell__lib);
}

/* Analyses text; returns the spelling findings' words joined by '|'. */
static char *spell__words(RlsFormat format, const char *text, const RlsConfig *cfg,
                          RlsDiagList *keep) {
    RlsParser *parser = rls_parser_new(format);
    RlsAnalysis an;
    rls_analysis_init(&an);
    rls_analyze(&an, parser, text, (uint32_t)strlen(text), cfg);
    RlsBuf out;
    rls_buf_init(&out);
    for (size_t i = 0; i < an.diags.len; i++) {
        const RlsDiag *d = &an.diags.items[i];
        if (strcmp(d->rule, RLS_RULE_ID(SPELLING)) != 0) continue;
        if (out.len) rls_buf_putc(&out, '|');
        rls_buf_append(&out, text + d->span.start_byte, d->span.end_byte - d->span.start_byte);
        if (keep) {
            RlsDiag *k = rls_diag_push(keep, d->span, d->severity, d->rule, "%s", d->message);
            k->bullet = d->bullet;
        }
    }
    rls_analysis_close(&an);
    rls_parser_delete(parser);
    if (!out.data) rls_buf_puts(&out, "");
    return rls_buf_detach(&out);
}

static void test_the_en_us_dictionary_is_installed(void) {
    RlsBuf aff, dic, name;
    rls_buf_init(&aff);
    rls_buf_init(&dic);
    rls_buf_init(&name);
    int rc = rls_speller_find("en", NULL, &aff, &dic, &name);
    if (rc != 0)
        printf("#   no en_US hunspell dictionary: install hunspell-en-us (scripts/deps.sh)\n");
    ASSERT_TRUE(rc == 0);
    rls_buf_close(&aff);
    rls_buf_close(&dic);
    rls_buf_close(&name);
}

static void test_every_listed_misspelling_is_caught_in_markdown_and_latex(void) {
    char *data = rls_test_read_file(RLS_TEST_DATA_DIR "/spelling/misspellings.txt", NULL);
    ASSERT_TRUE(data != NULL);
    RlsBuf md, tex;
    rls_buf_init(&md);
    rls_buf_init(&tex);
    rls_buf_puts(&md, "# Ana Lima\n\n## Experience\n\n### Engineer, Acme\n\n");
    rls_buf_puts(&tex, "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n"
                       "\\textbf{Engineer, Acme}\n\\begin{itemize}\n");
    size_t n = 0;
    char *save = NULL;
    char words[256][40];
    for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || !line[0]) continue;
        char *sp = strchr(line, ' ');
        if (!sp || n >= 256) continue;
        *sp = '\0';
        snprintf(words[n++], sizeof words[0], "%s", line);
        /* Mid-sentence, lower case: as a typo sits in a bullet. */
        rls_buf_printf(&md, "- Worked on the %s part of the plan.\n", line);
        rls_buf_printf(&tex, "  \\item Worked on the %s part of the plan.\n", line);
    }
    rls_buf_puts(&tex, "\\end{itemize}\n\\end{document}\n");
    EXPECT_TRUE(n >= 200);
    RlsConfig cfg;
    spell__config(&cfg);
    const char *docs[2] = {md.data, tex.data};
    for (int f = 0; f < 2; f++) {
        char *got = spell__words(f ? RLS_FORMAT_LATEX : RLS_FORMAT_MARKDOWN, docs[f], &cfg, NULL);
        size_t missed = 0;
        for (size_t i = 0; i < n; i++) {
            size_t wl = strlen(words[i]);
            bool found = false;
            for (const char *p = got; (p = strstr(p, words[i])) && !found; p++)
                found = (p == got || p[-1] == '|') && (p[wl] == '|' || p[wl] == '\0');
            if (!found) {
                printf("#   [%s] missed '%s'\n", f ? "latex" : "markdown", words[i]);
                missed++;
            }
        }
        EXPECT_EQ_INT(missed, 0);
        rls_free(got);
    }
    rls_config_close(&cfg);
    rls_buf_close(&md);
    rls_buf_close(&tex);
    rls_free(data);
}

static void test_no_strong_labelled_bullet_gets_a_spelling_finding(void) {
    char *data = rls_test_read_file(RLS_TEST_DATA_DIR "/bullets/labeled.tsv", NULL);
    ASSERT_TRUE(data != NULL);
    RlsBuf md;
    rls_buf_init(&md);
    rls_buf_puts(&md, "# Ana Lima\n\n## Experience\n\n### Engineer, Acme\n\n");
    char *save = NULL;
    size_t strong = 0;
    for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "strong\t", 7) != 0) continue;
        const char *text = strrchr(line, '\t') + 1;
        rls_buf_printf(&md, "- %s\n", text);
        strong++;
    }
    EXPECT_TRUE(strong >= 30);
    RlsConfig cfg;
    spell__config(&cfg);
    char *got = spell__words(RLS_FORMAT_MARKDOWN, md.data, &cfg, NULL);
    if (*got) printf("#   spelling findings on strong bullets: %s\n", got);
    EXPECT_STR_EQ(got, "");
    rls_free(got);
    rls_config_close(&cfg);
    rls_buf_close(&md);
    rls_free(data);
}

typedef struct {
    const char *name;
    RlsFormat format;
    const char *text;
    const char *expected; /* the flagged source words, '|'-joined */
} SpellCase;

static void test_words_that_are_not_prose_are_never_flagged(void) {
    static const SpellCase cases[] = {
        {"urls, e-mails, code spans, acronyms, digits", RLS_FORMAT_MARKDOWN,
         "# A\n\n## Experience\n\n### Engineer, Acme\n\n"
         "- Shipped `recieve_all` via https://exampel.com/teh and jo@exampel.com for the QPSX "
         "team in 3wks, one recieved.\n",
         "recieved"},
        {"technology names and entry names", RLS_FORMAT_MARKDOWN,
         "# A\n\n## Experience\n\n### Plattformbauer, Zalandoo Logistik\n\n"
         "- Moved kubernetes jobs to postgres and nodejs at Zalandoo as Plattformbauer, "
         "a managment task.\n",
         "managment"},
        {"capitalised words mid-sentence are names", RLS_FORMAT_MARKDOWN,
         "# A\n\n## Experience\n\n### Engineer, Acme\n\n"
         "- Partnered with Oyelaran and Brightwave to ship a teh feature.\n",
         "teh"},
        {"LaTeX: commands, \\texttt, \\url and accents", RLS_FORMAT_LATEX,
         "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n"
         "\\textbf{Engineer, Acme}\n\\begin{itemize}\n"
         "  \\item Wrote \\texttt{recieve\\_all} for the caf\\'e site at \\url{https://teh.io}, "
         "acheived 20\\%.\n\\end{itemize}\n\\end{document}\n",
         "acheived"},
        {"positions: CRLF, é, CJK and emoji before the word", RLS_FORMAT_MARKDOWN,
         "# Zoë\r\n\r\n## Experience\r\n\r\n### Engineer, Acme\r\n\r\n"
         "- Built the Zürich 北京 🚀 café portal and recieved an award.\r\n",
         "recieved"},
        {"British spelling is right", RLS_FORMAT_MARKDOWN,
         "# A\n\n## Experience\n\n### Engineer, Acme\n\n"
         "- Organised the optimisation of behavioural modelling in the centre, seperately.\n",
         "seperately"},
    };
    RlsConfig cfg;
    spell__config(&cfg);
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        char *got = spell__words(cases[i].format, cases[i].text, &cfg, NULL);
        if (strcmp(got, cases[i].expected) != 0) printf("#   case: %s\n", cases[i].name);
        EXPECT_STR_EQ(got, cases[i].expected);
        rls_free(got);
    }
    /* checkCapitalized: names mid-sentence are looked up too. */
    cfg.spell_capitalized = true;
    char *got = spell__words(RLS_FORMAT_MARKDOWN, cases[2].text, &cfg, NULL);
    EXPECT_STR_EQ(got, "Oyelaran|Brightwave|teh");
    rls_free(got);
    rls_config_close(&cfg);
}

static void test_the_resume_dictionary_and_disable_comments_silence_a_word(void) {
    const char *text = "# A\n\n## Experience\n\n### Engineer, Acme\n\n"
                       "- Built the ledgerlint checker and recieved praise.\n"
                       "<!-- resume-ls-disable-next-line spelling -->\n"
                       "- Fixed the teh typo.\n";
    RlsConfig cfg;
    spell__config(&cfg);
    char *got = spell__words(RLS_FORMAT_MARKDOWN, text, &cfg, NULL);
    EXPECT_STR_EQ(got, "ledgerlint|recieved");
    rls_free(got);
    rls_config_edit_lexicon(&cfg, RLS_SPELL_LEXICON, "Ledgerlint", false);
    got = spell__words(RLS_FORMAT_MARKDOWN, text, &cfg, NULL);
    EXPECT_STR_EQ(got, "recieved");
    rls_free(got);
    /* Off: nothing, and no dictionary is asked for. */
    rls_config_set_severity(&cfg, RLS_RULE_ID(SPELLING), RLS_SEV_OFF);
    got = spell__words(RLS_FORMAT_MARKDOWN, text, &cfg, NULL);
    EXPECT_STR_EQ(got, "");
    rls_free(got);
    rls_config_close(&cfg);
}

static void test_a_language_without_a_dictionary_gets_no_finding(void) {
    const char *text = "# Ana\n\n## Experiência\n\n### Engenheira, Acme\n\n"
                       "- Desenvolvi uma plataforma de pagamentos com a equipa e reduzi os custos "
                       "em 20% para os clientes da empresa no Brasil e em Portugal.\n"
                       "- Liderei a migração dos serviços para a nuvem com uma equipa de 5 "
                       "pessoas e um orçamento reduzido.\n";
    RlsConfig cfg;
    spell__config(&cfg);
    RlsBuf aff, dic, name;
    rls_buf_init(&aff);
    rls_buf_init(&dic);
    rls_buf_init(&name);
    bool have_pt = rls_speller_find("pt", NULL, &aff, &dic, &name) == 0;
    rls_buf_close(&aff);
    rls_buf_close(&dic);
    rls_buf_close(&name);
    char *got = spell__words(RLS_FORMAT_MARKDOWN, text, &cfg, NULL);
    if (!have_pt) EXPECT_STR_EQ(got, "");
    rls_free(got);
    rls_config_close(&cfg);
}

/* ---- The corpus ----------------------------------------------------------------------- */

typedef struct {
    size_t files, findings, bad;
} SpellCorpus;

static void spell__corpus_file(const char *name, const char *path, bool latex, void *data) {
    SpellCorpus *c = data;
    size_t len = 0;
    char *src = rls_test_read_file(path, &len);
    if (!src) return;
    RlsConfig cfg;
    spell__config(&cfg);
    RlsParser *parser = rls_parser_new(latex ? RLS_FORMAT_LATEX : RLS_FORMAT_MARKDOWN);
    RlsAnalysis an;
    rls_analysis_init(&an);
    rls_analyze(&an, parser, src, (uint32_t)len, &cfg);
    for (size_t i = 0; i < an.diags.len; i++) {
        const RlsDiag *d = &an.diags.items[i];
        if (strcmp(d->rule, RLS_RULE_ID(SPELLING)) != 0) continue;
        c->findings++;
        const char *w = src + d->span.start_byte;
        size_t wl = d->span.end_byte - d->span.start_byte;
        /* A technology name, an entry's title or organisation, a URL. */
        bool bad = rls_kw_find(w, wl) >= 0;
        for (uint32_t e = 0; e < an.model->n_entries && !bad; e++) {
            const RlsEntry *en = &an.model->entries[e];
            const char *fields[2] = {en->title, en->org};
            for (int k = 0; k < 2 && !bad; k++) {
                const char *f = fields[k];
                for (const char *p = f; p && (p = strstr(p, "")) && *p && !bad; p++) {
                    if (strncmp(p, w, wl) != 0) continue;
                    bool start = p == f || !((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z');
                    char after = p[wl];
                    bad = start && !((after | 32) >= 'a' && (after | 32) <= 'z');
                }
            }
        }
        uint32_t ls = d->span.start_byte;
        while (ls > 0 && src[ls - 1] != ' ' && src[ls - 1] != '\n' && src[ls - 1] != '(')
            ls--;
        bad = bad || strncmp(src + ls, "http", 4) == 0 || strncmp(src + ls, "www.", 4) == 0;
        if (bad) {
            printf("#   %s: '%.*s' is a name or a URL\n", name, (int)wl, w);
            c->bad++;
        }
    }
    c->files++;
    rls_analysis_close(&an);
    rls_parser_delete(parser);
    rls_config_close(&cfg);
    rls_free(src);
}

static void test_no_corpus_resume_gets_spelling_findings_on_names_or_urls(void) {
    SpellCorpus c = {0, 0, 0};
    rls_test_each_resume(rls_test_corpus_dir(), spell__corpus_file, &c);
    printf("# %zu corpus resumes, %zu spelling findings, %zu on names or URLs\n", c.files,
           c.findings, c.bad);
    EXPECT_TRUE(c.files > 0);
    EXPECT_EQ_INT(c.bad, 0);
    /* The last case of its group (RLS_TEST_GROUP=corpus). */
    rls_speller_lib_delete(spell__lib);
    spell__lib = NULL;
}

/* Last: the dictionaries go before the live-allocation check. */
static void test_the_dictionaries_are_freed(void) {
    rls_speller_lib_delete(spell__lib);
    spell__lib = NULL;
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_the_en_us_dictionary_is_installed),
        RLS_TEST(test_every_listed_misspelling_is_caught_in_markdown_and_latex),
        RLS_TEST(test_no_strong_labelled_bullet_gets_a_spelling_finding),
        RLS_TEST(test_words_that_are_not_prose_are_never_flagged),
        RLS_TEST(test_the_resume_dictionary_and_disable_comments_silence_a_word),
        RLS_TEST(test_a_language_without_a_dictionary_gets_no_finding),
        RLS_CORPUS_TEST(test_no_corpus_resume_gets_spelling_findings_on_names_or_urls),
        RLS_TEST(test_the_dictionaries_are_freed),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
