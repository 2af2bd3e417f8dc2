/*
 * config_json.c - configuration from JSON into RlsConfig (config_json.h).
 *
 * Every value is checked before it reaches the core's RlsConfig: a problem
 * is reported once, with the key path, and that key keeps its earlier value.
 * The messages are the user interface of a config file, so they say what
 * was expected and quote what was found, and suggest the nearest valid word
 * when a key or value looks like a typo.
 */
#define _XOPEN_SOURCE 700

#include "config/config_json.h"
#include "config/file_read.h"
#include "config/log.h"
#include "rls/text.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rls/alloc.h"
#include "rls/rules.h"
#include "rls/spell.h"

/* A job description given inline is usually long or multi-line; a short
 * single line is a path when it names a file or looks like one. */
#define CONFIG__JOB_PATH_MAX_CHARS 200
/* Longest lexicon word or phrase, role name and macro name accepted. */
#define CONFIG__WORD_MAX_BYTES 200
#define CONFIG__NAME_MAX_BYTES 100
/* LaTeX macros take at most nine arguments. */
#define CONFIG__MACRO_MAX_ARG 9

typedef struct {
    RlsConfig *config;
    const char *origin;
    const char *base_dir; /* NULL: current directory */
    /* The folder a configuration file's job description must stay in
     * (symbolic links resolved), or NULL for editor settings and the
     * command line, which the user controls. */
    const char *confine_dir;
    RlsBuf *problems; /* may be NULL */
    int n_problems;
} ConfigJsonCtx;

static const char *const config__spelling_keys[] = {"enabled", "dictionaryPath",
                                                    "checkCapitalized"};
static const char *const config__severity_words[] = {"error", "warning", "info", "hint", "off"};
/* The names listed in messages; config/log.c also accepts a few synonyms. */
static const char *const config__log_levels[] = {"error", "warn", "info", "debug", "trace", "off"};
static const char *const config__macro_keys[] = {"role",     "text",  "title", "org",
                                                 "location", "dates", "name"};
static const char *const config__macro_roles[] = {"bullet", "heading", "entry"};

/* ---- Problem reporting ---------------------------------------------------- */

static void config__problem(ConfigJsonCtx *ctx, const char *key_path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void config__problem(ConfigJsonCtx *ctx, const char *key_path, const char *fmt, ...) {
    ctx->n_problems++;
    if (!ctx->problems) return;
    rls_buf_printf(ctx->problems, "%s: ", ctx->origin ? ctx->origin : "configuration");
    if (key_path && *key_path) rls_buf_printf(ctx->problems, "%s: ", key_path);
    va_list ap;
    va_start(ap, fmt);
    rls_buf_vprintf(ctx->problems, fmt, ap);
    va_end(ap);
    rls_buf_putc(ctx->problems, '\n');
}

/* Describes a JSON value for "got ..." (strings quoted and shortened, so a
 * pasted paragraph does not flood the message). Appends to out. */
static void config__describe(RlsBuf *out, const cJSON *v) {
    if (!v) {
        rls_buf_puts(out, "nothing");
    } else if (cJSON_IsString(v)) {
        const char *s = v->valuestring ? v->valuestring : "";
        size_t n = strlen(s);
        size_t keep = n > 40 ? 40 : n;
        /* Do not cut a UTF-8 sequence in half. */
        while (keep > 0 && keep < n && ((unsigned char)s[keep] & 0xC0) == 0x80)
            keep--;
        rls_buf_putc(out, '"');
        for (size_t i = 0; i < keep; i++) {
            if (s[i] == '"' || s[i] == '\\') rls_buf_putc(out, '\\');
            if (s[i] == '\n') {
                rls_buf_puts(out, "\\n");
                continue;
            }
            rls_buf_putc(out, s[i]);
        }
        rls_buf_puts(out, keep < n ? "...\"" : "\"");
    } else if (cJSON_IsNumber(v)) {
        rls_buf_printf(out, "%g", v->valuedouble);
    } else if (cJSON_IsBool(v)) {
        rls_buf_puts(out, cJSON_IsTrue(v) ? "true" : "false");
    } else if (cJSON_IsNull(v)) {
        rls_buf_puts(out, "null");
    } else if (cJSON_IsArray(v)) {
        rls_buf_puts(out, "an array");
    } else if (cJSON_IsObject(v)) {
        rls_buf_puts(out, "an object");
    } else {
        rls_buf_puts(out, "an invalid value");
    }
}

/* Reports "expected <what>; got <value>". */
static void config__expected(ConfigJsonCtx *ctx, const char *key_path, const char *what,
                             const cJSON *got) {
    RlsBuf d;
    rls_buf_init(&d);
    config__describe(&d, got);
    config__problem(ctx, key_path, "expected %s; got %s", what, d.data);
    rls_buf_close(&d);
}

/* Appends "one of a, b, c" to out. */
static void config__one_of(RlsBuf *out, const char *const *words, size_t n) {
    rls_buf_puts(out, "one of ");
    for (size_t i = 0; i < n; i++)
        rls_buf_printf(out, "%s%s", i ? ", " : "", words[i]);
}

/* Edit distance counting a swap of neighbours as one edit ("chekc" ->
 * "check"), the common typo (optimal string alignment). Long words are not
 * compared: only small distances matter for "did you mean". */
size_t rls_config_distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return SIZE_MAX;
    size_t d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = RLS_MIN(d[i - 1][j] + 1, d[i][j - 1] + 1);
            best = RLS_MIN(best, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = RLS_MIN(best, d[i - 2][j - 2] + 1);
            d[i][j] = best;
        }
    }
    return d[la][lb];
}

const char *rls_config_suggest(const char *word, const char *const *candidates, size_t n) {
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        size_t d = rls_config_distance(word, candidates[i]);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    /* A third of the word (at least 1, at most 3) may differ: "rule" ->
     * "rules", "weak-openr" -> "weak-opener", but not "x" -> "off". */
    size_t allowed = strlen(word) / 3;
    allowed = RLS_MAX(allowed, (size_t)1);
    allowed = RLS_MIN(allowed, (size_t)3);
    return best_d <= allowed ? best : NULL;
}

/* Reports a string that is not one of words, with a suggestion. */
static void config__not_one_of(ConfigJsonCtx *ctx, const char *key_path, const char *const *words,
                               size_t n, const cJSON *got) {
    RlsBuf what;
    rls_buf_init(&what);
    config__one_of(&what, words, n);
    const char *hint = cJSON_IsString(got) && got->valuestring
                           ? rls_config_suggest(got->valuestring, words, n)
                           : NULL;
    if (hint) {
        RlsBuf d;
        rls_buf_init(&d);
        config__describe(&d, got);
        config__problem(ctx, key_path, "expected %s; got %s (did you mean \"%s\"?)", what.data,
                        d.data, hint);
        rls_buf_close(&d);
    } else {
        config__expected(ctx, key_path, what.data, got);
    }
    rls_buf_close(&what);
}

static bool config__in(const char *s, const char *const *words, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, words[i]) == 0) return true;
    return false;
}

/* Builds "<prefix>.<key>" into out (cleared first). */
static const char *config__path(RlsBuf *out, const char *prefix, const char *key) {
    rls_buf_clear(out);
    rls_buf_printf(out, "%s.%s", prefix, key ? key : "");
    return out->data;
}

/* ---- rules ------------------------------------------------------------------ */

static void config__rules(ConfigJsonCtx *ctx, const cJSON *rules) {
    if (!cJSON_IsObject(rules)) {
        config__expected(ctx, "rules", "an object of rule ids to severities", rules);
        return;
    }
    RlsBuf path;
    rls_buf_init(&path);
    /* One registry holds every rule, the keyword rules included. */
    size_t n_all = 0;
    const RlsRuleInfo *all = rls_rules_all(&n_all);
    const cJSON *item;
    cJSON_ArrayForEach(item, rules) {
        const char *id = item->string ? item->string : "";
        config__path(&path, "rules", id);
        if (!rls_rule_find(id)) {
            const char **ids = rls_malloc((n_all + 1) * sizeof(*ids));
            for (size_t i = 0; i < n_all; i++)
                ids[i] = all[i].id;
            const char *best = rls_config_suggest(id, ids, n_all);
            rls_free(ids);
            if (best)
                config__problem(ctx, path.data, "unknown rule (did you mean \"%s\"?)", best);
            else
                config__problem(ctx, path.data,
                                "unknown rule; the rule ids are listed in docs/rules.md");
            continue;
        }
        RlsSeverity sev;
        if (!cJSON_IsString(item) || !rls_severity_parse(item->valuestring, &sev)) {
            config__not_one_of(ctx, path.data, config__severity_words,
                               RLS_ARRAY_LEN(config__severity_words), item);
            continue;
        }
        rls_config_set_severity(ctx->config, id, (int)sev);
    }
    rls_buf_close(&path);
}

/* ---- lexicons ----------------------------------------------------------------- */

/* Copies s without leading and trailing whitespace; returns owned or NULL
 * when nothing is left. */
static char *config__trimmed(const char *s) {
    const char *start = s;
    while (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r')
        start++;
    size_t n = strlen(start);
    while (n > 0 && (start[n - 1] == ' ' || start[n - 1] == '\t' || start[n - 1] == '\n' ||
                     start[n - 1] == '\r'))
        n--;
    return n ? rls_strndup(start, n) : NULL;
}

/* Words or phrases added to (or, when remove, removed from) lexicon, from
 * the array at list_path; the resume dictionary (not phrases) takes single
 * words, as short as the speller's. */
static void config__lexicon_list(ConfigJsonCtx *ctx, const char *lexicon, const cJSON *list,
                                 bool remove, const char *list_path, bool phrases) {
    if (!cJSON_IsArray(list)) {
        config__expected(ctx, list_path,
                         phrases ? "an array of words or phrases" : "an array of words", list);
        return;
    }
    size_t max = phrases ? CONFIG__WORD_MAX_BYTES : RLS_SPELL_MAX_WORD;
    RlsBuf path;
    rls_buf_init(&path);
    int index = 0;
    const cJSON *w;
    cJSON_ArrayForEach(w, list) {
        rls_buf_clear(&path);
        rls_buf_printf(&path, "%s[%d]", list_path, index++);
        char *word = cJSON_IsString(w) ? config__trimmed(w->valuestring) : NULL;
        if (!word || strlen(word) > max || (!phrases && strchr(word, ' ')))
            config__expected(ctx, path.data,
                             phrases ? "a non-empty word or phrase of at most 200 bytes"
                                     : "one word of at most 64 bytes",
                             w);
        else
            rls_config_edit_lexicon(ctx->config, lexicon, word, remove);
        rls_free(word);
    }
    rls_buf_close(&path);
}

static void config__lexicons(ConfigJsonCtx *ctx, const cJSON *lexicons) {
    if (!cJSON_IsObject(lexicons)) {
        config__expected(ctx, "lexicons", "an object of lexicon names to {\"add\", \"remove\"}",
                         lexicons);
        return;
    }
    RlsBuf path, sub;
    rls_buf_init(&path);
    rls_buf_init(&sub);
    const cJSON *lex;
    cJSON_ArrayForEach(lex, lexicons) {
        const char *name = lex->string ? lex->string : "";
        config__path(&path, "lexicons", name);
        /* TODO(#4): check the name against the rule engine's lexicon list
         * once it exports one; until then any non-empty name is kept. */
        if (!*name || strlen(name) > CONFIG__NAME_MAX_BYTES) {
            config__problem(ctx, path.data, "expected a lexicon name such as \"weak-opener\"");
            continue;
        }
        if (!cJSON_IsObject(lex)) {
            config__expected(ctx, path.data, "an object with \"add\" and/or \"remove\" arrays",
                             lex);
            continue;
        }
        const cJSON *part;
        cJSON_ArrayForEach(part, lex) {
            const char *key = part->string ? part->string : "";
            config__path(&sub, path.data, key);
            if (strcmp(key, "add") == 0 || strcmp(key, "remove") == 0) {
                config__lexicon_list(ctx, name, part, key[0] == 'r', sub.data, true);
            } else {
                config__problem(ctx, sub.data, "unknown key; expected \"add\" or \"remove\"");
            }
        }
    }
    rls_buf_close(&path);
    rls_buf_close(&sub);
}

/* ---- thresholds ----------------------------------------------------------------- */

/* The thresholds and their ranges are the table RLS_THRESHOLDS (config.h):
 * the rules convert them to integers (word and character counts), so an
 * unbounded value such as 1e300 would be undefined behaviour there; the
 * range is checked here, once, before anything reaches the core. */
static void config__thresholds(ConfigJsonCtx *ctx, const cJSON *thresholds) {
    if (!cJSON_IsObject(thresholds)) {
        config__expected(ctx, "thresholds", "an object of threshold names to numbers", thresholds);
        return;
    }
    const char *names[RLS_THRESHOLD_COUNT];
    for (size_t i = 0; i < RLS_THRESHOLD_COUNT; i++)
        names[i] = rls_thresholds[i].key;
    RlsBuf path, what;
    rls_buf_init(&path);
    rls_buf_init(&what);
    const cJSON *t;
    cJSON_ArrayForEach(t, thresholds) {
        const char *name = t->string ? t->string : "";
        config__path(&path, "thresholds", name);
        const RlsThresholdInfo *known = NULL;
        for (size_t i = 0; i < RLS_THRESHOLD_COUNT && !known; i++)
            if (strcmp(name, names[i]) == 0) known = &rls_thresholds[i];
        if (!known) {
            const char *hint = rls_config_suggest(name, names, RLS_ARRAY_LEN(names));
            rls_buf_clear(&what);
            config__one_of(&what, names, RLS_ARRAY_LEN(names));
            if (hint)
                config__problem(ctx, path.data, "unknown threshold (did you mean \"%s\"?)", hint);
            else
                config__problem(ctx, path.data, "unknown threshold; expected %s", what.data);
            continue;
        }
        /* Compared as doubles, never converted, until known to be in range:
         * NaN and infinities fail every comparison below. */
        double v = cJSON_IsNumber(t) ? t->valuedouble : NAN;
        if (!(v >= known->min && v <= known->max) || v != floor(v)) {
            rls_buf_clear(&what);
            rls_buf_printf(&what, "a whole number from %.0f to %.0f", known->min, known->max);
            config__expected(ctx, path.data, what.data, t);
            continue;
        }
        rls_config_set_threshold(ctx->config, name, v);
    }
    rls_buf_close(&what);
    rls_buf_close(&path);
}

/* ---- role, logLevel ----------------------------------------------------------------- */

static void config__role(ConfigJsonCtx *ctx, const cJSON *role) {
    if (cJSON_IsNull(role)) {
        rls_config_set_role(ctx->config, NULL);
        return;
    }
    char *name = cJSON_IsString(role) ? config__trimmed(role->valuestring) : NULL;
    if (!name || strlen(name) > CONFIG__NAME_MAX_BYTES) {
        config__expected(ctx, "role", "a role name such as \"backend\", or null", role);
    } else {
        rls_config_set_role(ctx->config, name);
    }
    rls_free(name);
}

static void config__log_level(ConfigJsonCtx *ctx, const cJSON *level) {
    /* The level itself is applied by the server's logger, which reads the
     * same key; here it is only validated so that a typo is reported. */
    int parsed;
    if (!cJSON_IsString(level) || !rls_log_level_parse(level->valuestring, &parsed))
        config__not_one_of(ctx, "logLevel", config__log_levels, RLS_ARRAY_LEN(config__log_levels),
                           level);
}

/* ---- jobDescription --------------------------------------------------------------- */

static bool config__is_regular_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Joins base_dir and rel unless rel is absolute. Returns owned. */
static char *config__resolve(const char *base_dir, const char *rel) {
    if (rel[0] == '/' || !base_dir || !*base_dir) return rls_strdup(rel);
    RlsBuf b;
    rls_buf_init(&b);
    rls_buf_puts(&b, base_dir);
    if (b.data[b.len - 1] != '/') rls_buf_putc(&b, '/');
    rls_buf_puts(&b, rel);
    return rls_buf_detach(&b);
}

static bool config__ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The extensions of a job description named by a configuration file: plain
 * text, as people save a posting. Anything else (.env, id_rsa, .json, .yml)
 * is more likely a secret than a job, and its words would end up in
 * diagnostics, the score and SARIF reports that CI uploads. */
static const char *const config__job_exts[] = {".txt", ".md", ".markdown", ".text", ".tex", ".rst"};

static bool config__has_job_ext(const char *s) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(config__job_exts); i++)
        if (config__ends_with(s, config__job_exts[i])) return true;
    return false;
}

/* A string that names no existing file is still taken as a path (and so
 * reported as missing) when it looks like one: a typo in a file name must not
 * silently become a one-line "job description". */
static bool config__looks_like_path(const char *s) {
    return config__has_job_ext(s) || (strchr(s, '/') && !strpbrk(s, " \t"));
}

/* Checks that real (a job description named by a configuration file, with
 * symbolic links resolved) is a plain text file inside confine_dir and not
 * hidden on the way: a repository's .resume-ls.json must not make resume-ls
 * read ~/.ssh, /etc/passwd or the .env beside it. Returns true, or false
 * with the reason and the fix appended to why. */
static bool config__job_allowed(const char *confine_dir, const char *real, RlsBuf *why) {
    size_t n = strlen(confine_dir);
    bool root = n == 1 && confine_dir[0] == '/';
    /* A prefix on a whole path component: /cv2 is not inside /cv. An empty
     * confine_dir (the folder could not be resolved) contains nothing. */
    if (n == 0 || (!root && (strncmp(real, confine_dir, n) != 0 || real[n] != '/'))) {
        rls_buf_printf(why,
                       "it is outside '%s', the folder of the configuration file; a "
                       "configuration file may only name a job description in its own folder or "
                       "below (to use this one anyway: resume-ls score --job FILE)",
                       confine_dir);
        return false;
    }
    const char *rel = real + (root ? 1 : n + 1);
    for (const char *c = rel; c; c = strchr(c, '/')) {
        if (*c == '/') c++;
        if (*c == '.') {
            rls_buf_puts(why, "hidden files and folders (names that start with '.') are never "
                              "read as a job description; rename it, e.g. to job.txt");
            return false;
        }
    }
    if (!config__has_job_ext(rel)) {
        rls_buf_puts(why, "a job description must be a text file ending in .txt, .md, "
                          ".markdown, .text, .tex or .rst; rename it, e.g. to job.txt");
        return false;
    }
    return true;
}

static void config__read_job(ConfigJsonCtx *ctx, const char *key_path, const char *rel) {
    char *full = config__resolve(ctx->base_dir, rel);
    char *data = NULL;
    size_t len = 0;
    RlsBuf why;
    rls_buf_init(&why);
    char real[PATH_MAX];
    const char *read_path = full;
    if (ctx->confine_dir) {
        /* Checked before the file is opened, on the path with every link
         * resolved, which is then the one read: nothing outside is opened. */
        if (!realpath(full, real)) {
            config__problem(ctx, key_path, "cannot read '%s': %s", full, strerror(errno));
            goto done;
        }
        if (!config__job_allowed(ctx->confine_dir, real, &why)) {
            config__problem(ctx, key_path, "not reading '%s': %s", full, why.data);
            goto done;
        }
        read_path = real;
    }
    if (rls_file_read(read_path, RLS_JOB_MAX_BYTES, 0, &data, &len, NULL, &why) != 0)
        config__problem(ctx, key_path, "cannot read '%s': %s", full, why.data);
    else
        rls_config_set_job_text(ctx->config, data);
done:
    rls_buf_close(&why);
    rls_free(data);
    rls_free(full);
}

static void config__job(ConfigJsonCtx *ctx, const cJSON *job) {
    static const char *const what =
        "a file path, the job description text, {\"path\": ...}, {\"text\": ...} or null";
    if (cJSON_IsNull(job)) {
        rls_config_set_job_text(ctx->config, NULL);
        return;
    }
    if (cJSON_IsObject(job)) {
        const cJSON *path = cJSON_GetObjectItemCaseSensitive(job, "path");
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(job, "text");
        if (cJSON_GetArraySize(job) != 1 || (!cJSON_IsString(path) && !cJSON_IsString(text))) {
            config__expected(ctx, "jobDescription", what, job);
        } else if (path) {
            if (!*path->valuestring)
                config__expected(ctx, "jobDescription.path", "a file path", path);
            else
                config__read_job(ctx, "jobDescription.path", path->valuestring);
        } else {
            rls_config_set_job_text(ctx->config, text->valuestring);
        }
        return;
    }
    if (!cJSON_IsString(job) || !job->valuestring[0]) {
        config__expected(ctx, "jobDescription", what, job);
        return;
    }
    const char *s = job->valuestring;
    bool short_line = !strchr(s, '\n') && strlen(s) <= CONFIG__JOB_PATH_MAX_CHARS;
    bool is_path = false;
    if (short_line) {
        char *full = config__resolve(ctx->base_dir, s);
        is_path = config__is_regular_file(full) || config__looks_like_path(s);
        rls_free(full);
    }
    if (is_path)
        config__read_job(ctx, "jobDescription", s);
    else
        rls_config_set_job_text(ctx->config, s);
}

/* ---- spelling, dictionary ---------------------------------------------------------- */

static void config__spelling_enabled(ConfigJsonCtx *ctx, bool on) {
    /* The rule's severity: "off" is the same as rules.spelling = "off", and
     * "on" brings back the default after a file turned it off. */
    rls_config_set_severity(ctx->config, RLS_RULE_ID(SPELLING), on ? RLS_SEV_DEFAULT : RLS_SEV_OFF);
}

static void config__spelling(ConfigJsonCtx *ctx, const cJSON *sp) {
    static const char *const words[] = {"on", "off"};
    if (cJSON_IsString(sp) || cJSON_IsBool(sp)) {
        if (cJSON_IsBool(sp)) {
            config__spelling_enabled(ctx, cJSON_IsTrue(sp));
        } else if (config__in(sp->valuestring, words, RLS_ARRAY_LEN(words))) {
            config__spelling_enabled(ctx, strcmp(sp->valuestring, "on") == 0);
        } else {
            config__not_one_of(ctx, "spelling", words, RLS_ARRAY_LEN(words), sp);
        }
        return;
    }
    if (!cJSON_IsObject(sp)) {
        config__expected(ctx, "spelling",
                         "\"on\", \"off\" or an object with enabled, dictionaryPath, "
                         "checkCapitalized",
                         sp);
        return;
    }
    RlsBuf path;
    rls_buf_init(&path);
    const cJSON *item;
    cJSON_ArrayForEach(item, sp) {
        const char *key = item->string ? item->string : "";
        config__path(&path, "spelling", key);
        if (strcmp(key, "enabled") == 0 || strcmp(key, "checkCapitalized") == 0) {
            if (!cJSON_IsBool(item)) {
                config__expected(ctx, path.data, "true or false", item);
            } else if (key[0] == 'e') {
                config__spelling_enabled(ctx, cJSON_IsTrue(item));
            } else {
                ctx->config->spell_capitalized = cJSON_IsTrue(item);
            }
        } else if (strcmp(key, "dictionaryPath") == 0) {
            if (cJSON_IsNull(item)) {
                rls_config_set_spell_path(ctx->config, NULL);
                continue;
            }
            char *p = cJSON_IsString(item) ? config__trimmed(item->valuestring) : NULL;
            if (!p || strlen(p) > PATH_MAX) {
                config__expected(ctx, path.data,
                                 "a folder holding LANG.aff and LANG.dic, a .dic file, or null",
                                 item);
            } else {
                /* Relative to the configuration file, as jobDescription. */
                char *full = config__resolve(ctx->base_dir, p);
                rls_config_set_spell_path(ctx->config, full);
                rls_free(full);
            }
            rls_free(p);
        } else {
            const char *hint = rls_config_suggest(key, config__spelling_keys,
                                                  RLS_ARRAY_LEN(config__spelling_keys));
            if (hint)
                config__problem(ctx, path.data, "unknown key (did you mean \"%s\"?)", hint);
            else
                config__problem(ctx, path.data,
                                "unknown key; expected enabled, dictionaryPath or "
                                "checkCapitalized");
        }
    }
    rls_buf_close(&path);
}

/* The resume dictionary: words the spelling rule accepts. */
static void config__dictionary(ConfigJsonCtx *ctx, const cJSON *list) {
    config__lexicon_list(ctx, RLS_SPELL_LEXICON, list, false, "dictionary", false);
}

/* ---- macros ------------------------------------------------------------------------ */

static bool config__macro_name_ok(const char *name) {
    if (!*name || strlen(name) > CONFIG__NAME_MAX_BYTES) return false;
    for (const char *p = name; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@')) return false;
    }
    return true;
}

/* Parses one macro object into *spec; returns false (after reporting) when
 * the macro must be skipped as a whole: half a macro would misparse. */
static bool config__macro(ConfigJsonCtx *ctx, const char *path, const cJSON *m,
                          RlsMacroSpec *spec) {
    if (!cJSON_IsObject(m)) {
        config__expected(ctx, path, "an object such as {\"role\": \"bullet\", \"text\": 1}", m);
        return false;
    }
    RlsBuf sub;
    rls_buf_init(&sub);
    bool ok = true;
    bool have_role = false;
    const cJSON *field;
    cJSON_ArrayForEach(field, m) {
        const char *key = field->string ? field->string : "";
        config__path(&sub, path, key);
        if (!config__in(key, config__macro_keys, RLS_ARRAY_LEN(config__macro_keys))) {
            const char *hint =
                rls_config_suggest(key, config__macro_keys, RLS_ARRAY_LEN(config__macro_keys));
            if (hint)
                config__problem(ctx, sub.data, "unknown key (did you mean \"%s\"?)", hint);
            else
                config__problem(ctx, sub.data,
                                "unknown key; expected role, text, title, org, location or dates");
            ok = false;
        } else if (strcmp(key, "name") == 0) {
            /* Allowed for readability; the object key is the name. */
        } else if (strcmp(key, "role") == 0) {
            size_t i = 0;
            if (cJSON_IsString(field)) {
                for (; i < RLS_ARRAY_LEN(config__macro_roles); i++)
                    if (strcmp(field->valuestring, config__macro_roles[i]) == 0) break;
            } else {
                i = RLS_ARRAY_LEN(config__macro_roles);
            }
            if (i == RLS_ARRAY_LEN(config__macro_roles)) {
                config__not_one_of(ctx, sub.data, config__macro_roles,
                                   RLS_ARRAY_LEN(config__macro_roles), field);
                ok = false;
            } else {
                spec->role = i == 0   ? RLS_MACRO_BULLET
                             : i == 1 ? RLS_MACRO_HEADING
                                      : RLS_MACRO_ENTRY;
                have_role = true;
            }
        } else {
            double v = cJSON_IsNumber(field) ? field->valuedouble : -1;
            if (v < 1 || v > CONFIG__MACRO_MAX_ARG || v != floor(v)) {
                config__expected(ctx, sub.data, "an argument number from 1 to 9", field);
                ok = false;
                continue;
            }
            uint8_t arg = (uint8_t)v;
            if (strcmp(key, "text") == 0) spec->text_arg = arg;
            if (strcmp(key, "title") == 0) spec->title_arg = arg;
            if (strcmp(key, "org") == 0) spec->org_arg = arg;
            if (strcmp(key, "location") == 0) spec->location_arg = arg;
            if (strcmp(key, "dates") == 0) spec->dates_arg = arg;
        }
    }
    if (ok && !have_role) {
        config__path(&sub, path, "role");
        config__problem(ctx, sub.data, "missing; expected one of bullet, heading, entry");
        ok = false;
    }
    if (ok && spec->role != RLS_MACRO_ENTRY) {
        if (spec->title_arg || spec->org_arg || spec->location_arg || spec->dates_arg) {
            config__problem(ctx, path,
                            "title, org, location and dates apply to \"entry\" macros; a %s "
                            "macro takes only \"text\"",
                            spec->role == RLS_MACRO_BULLET ? "bullet" : "heading");
            ok = false;
        }
        /* The common case, \resumeItem{text}, needs no argument number. */
        if (!spec->text_arg) spec->text_arg = 1;
    } else if (ok) {
        if (spec->text_arg) {
            config__problem(ctx, path,
                            "\"text\" applies to bullet and heading macros; an entry macro "
                            "takes title, org, location and dates");
            ok = false;
        } else if (!spec->title_arg && !spec->org_arg && !spec->dates_arg) {
            config__problem(ctx, path, "an entry macro needs at least one of title, org or dates");
            ok = false;
        }
    }
    rls_buf_close(&sub);
    return ok;
}

static void config__macros(ConfigJsonCtx *ctx, const cJSON *macros) {
    if (!cJSON_IsObject(macros)) {
        config__expected(ctx, "macros", "an object of macro names to argument maps", macros);
        return;
    }
    RlsBuf path;
    rls_buf_init(&path);
    const cJSON *m;
    cJSON_ArrayForEach(m, macros) {
        const char *name = m->string ? m->string : "";
        config__path(&path, "macros", name);
        /* "\\resumeItem" in JSON is how people naturally write a macro. */
        if (*name == '\\') name++;
        if (!config__macro_name_ok(name)) {
            config__problem(ctx, path.data,
                            "expected a LaTeX command name made of letters, such as "
                            "\"resumeItem\"");
            continue;
        }
        RlsMacroSpec spec = {0};
        if (!config__macro(ctx, path.data, m, &spec)) continue;
        spec.name = (char *)name; /* rls_config_add_macro copies it */
        rls_config_add_macro(ctx->config, &spec);
    }
    rls_buf_close(&path);
}

/* ---- Entry points --------------------------------------------------------------------- */

static char *config__dirname(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return rls_strdup(".");
    if (slash == path) return rls_strdup("/");
    return rls_strndup(path, (size_t)(slash - path));
}

/* The top-level keys and what reads each: the one list that the merge
 * dispatches on and that an unknown key is compared with. */
typedef void (*ConfigJsonKey)(ConfigJsonCtx *ctx, const cJSON *item);
static const struct {
    const char *key;
    ConfigJsonKey read;
} config__top[] = {
    {"rules", config__rules},           {"lexicons", config__lexicons},
    {"thresholds", config__thresholds}, {"role", config__role},
    {"jobDescription", config__job},    {"macros", config__macros},
    {"logLevel", config__log_level},    {"spelling", config__spelling},
    {"dictionary", config__dictionary},
};

static void config__unknown_key(ConfigJsonCtx *ctx, const char *key) {
    const char *keys[RLS_ARRAY_LEN(config__top)];
    for (size_t i = 0; i < RLS_ARRAY_LEN(config__top); i++)
        keys[i] = config__top[i].key;
    const char *hint = rls_config_suggest(key, keys, RLS_ARRAY_LEN(keys));
    if (hint) {
        config__problem(ctx, key, "unknown key (did you mean \"%s\"?)", hint);
        return;
    }
    RlsBuf what;
    rls_buf_init(&what);
    config__one_of(&what, keys, RLS_ARRAY_LEN(keys));
    config__problem(ctx, key, "unknown key; expected %s", what.data);
    rls_buf_close(&what);
}

/* Merges json under ctx (its config, origin, base and confine folders). */
static int config__merge(ConfigJsonCtx *ctx, const cJSON *json) {
    if (!cJSON_IsObject(json)) {
        config__expected(ctx, NULL, "a JSON object", json);
        return RLS_EINVAL;
    }
    const cJSON *item;
    cJSON_ArrayForEach(item, json) {
        const char *key = item->string ? item->string : "";
        /* "$schema": editors use it for completion; nothing to apply. */
        if (strcmp(key, "$schema") == 0) continue;
        size_t k = 0;
        while (k < RLS_ARRAY_LEN(config__top) && strcmp(key, config__top[k].key) != 0)
            k++;
        if (k < RLS_ARRAY_LEN(config__top))
            config__top[k].read(ctx, item);
        else
            config__unknown_key(ctx, key);
    }
    return ctx->n_problems ? RLS_EINVAL : 0;
}

int rls_config_merge_json_in(RlsConfig *config, const cJSON *json, const char *origin,
                             const char *base_dir, RlsBuf *problems) {
    ConfigJsonCtx ctx = {config, origin, base_dir, NULL, problems, 0};
    return config__merge(&ctx, json);
}

int rls_config_merge_json(RlsConfig *config, const cJSON *json, const char *origin,
                          RlsBuf *problems) {
    ConfigJsonCtx ctx = {config, origin, NULL, NULL, problems, 0};
    char *base = NULL;
    char confine[PATH_MAX];
    if (origin && config__is_regular_file(origin)) {
        base = config__dirname(origin);
        /* The content of a file: confined to its folder, as when loaded
         * (to nothing when the folder cannot be resolved). */
        ctx.confine_dir = realpath(base, confine) ? confine : "";
    }
    ctx.base_dir = base;
    int rc = config__merge(&ctx, json);
    rls_free(base);
    return rc;
}

/* Reports where cJSON stopped, as 1-based line and column (in bytes). */
static void config__parse_error(ConfigJsonCtx *ctx, const char *data, size_t len,
                                const char *stop) {
    size_t at = stop && stop >= data && stop <= data + len ? (size_t)(stop - data) : 0;
    unsigned line = 1, col = 1;
    for (size_t i = 0; i < at; i++) {
        if (data[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    config__problem(ctx, NULL, "not valid JSON (stopped at line %u, column %u); ignoring the file",
                    line, col);
}

int rls_config_load_file(RlsConfig *config, const char *config_path, RlsConfigSource source,
                         RlsBuf *problems) {
    ConfigJsonCtx ctx = {config, config_path, NULL, NULL, problems, 0};
    char *data = NULL, *base = NULL;
    size_t len = 0;
    struct stat st;
    cJSON *json = NULL;
    const char *stop = NULL;
    char confine[PATH_MAX];
    RlsBuf why;
    rls_buf_init(&why);
    unsigned flags = source == RLS_CONFIG_FOUND ? RLS_FILE_OWNED_BY_USER : 0;
    int rc = rls_file_read(config_path, RLS_CONFIG_MAX_BYTES, flags, &data, &len, &st, &why);
    if (rc != 0) {
        bool refused = rc == RLS_EINVAL && S_ISREG(st.st_mode);
        config__problem(&ctx, NULL, "%s: %s; ignoring the file",
                        refused ? "not using it" : "cannot read", why.data);
        /* Not a regular file is unreadable, as a missing one is; a file
         * refused for its owner is a problem reported, not a failure. */
        if (rc == RLS_EINVAL && !refused) rc = RLS_EIO;
        goto done;
    }
    json = cJSON_ParseWithLengthOpts(data, len, &stop, false);
    /* Text after the value ("{...} }" from a bad merge, two objects pasted
     * together) means the file is not what its author thinks: ignore it
     * whole, as any other invalid JSON, rather than guess. */
    size_t at = json && stop ? (size_t)(stop - data) : len;
    while (json && at < len &&
           (data[at] == ' ' || data[at] == '\t' || data[at] == '\n' || data[at] == '\r'))
        at++;
    if (!json || at < len) {
        config__parse_error(&ctx, data, len, json ? data + at : stop);
        rc = RLS_EPARSE;
        goto done;
    }
    base = config__dirname(config_path);
    ctx.base_dir = base;
    /* Without a resolvable folder nothing can be shown to be inside it:
     * confine to "" and every job description path is refused. */
    ctx.confine_dir = realpath(base, confine) ? confine : "";
    rc = config__merge(&ctx, json);
done:
    cJSON_Delete(json);
    rls_buf_close(&why);
    rls_free(base);
    rls_free(data);
    return rc;
}

/* True when dir holds an entry named name (of any kind); scratch is reused. */
static bool config__has_entry(const char *dir, const char *name, RlsBuf *scratch) {
    rls_buf_clear(scratch);
    bool root = dir[0] == '/' && dir[1] == '\0';
    rls_buf_printf(scratch, "%s/%s", root ? "" : dir, name);
    struct stat st;
    return lstat(scratch->data, &st) == 0;
}

/* Resolves path to an absolute path without symbolic links into out
 * (cleared first); false when there is none to resolve. */
static bool config__real(const char *path, RlsBuf *out) {
    rls_buf_clear(out);
    char real[PATH_MAX];
    if (!path || !*path || !realpath(path, real)) return false;
    rls_buf_puts(out, real);
    return true;
}

int rls_config_find_for_file(const char *path, const char *workspace_root, RlsBuf *found) {
    rls_buf_clear(found);
    char *dir = config__dirname(path);
    char resolved[PATH_MAX];
    RlsBuf abs, root, home, candidate;
    rls_buf_init(&abs);
    rls_buf_init(&root);
    rls_buf_init(&home);
    rls_buf_init(&candidate);
    if (realpath(dir, resolved)) {
        rls_buf_puts(&abs, resolved);
    } else if (dir[0] == '/') {
        rls_buf_puts(&abs, dir);
    } else {
        /* The folder does not exist (an unsaved buffer): walk from where it
         * would be. */
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof(cwd)))
            rls_buf_printf(&abs, "%s/%s", cwd, dir);
        else
            rls_buf_puts(&abs, dir);
    }
    rls_free(dir);
    /* Where the search ends, that folder included: the folders a user calls
     * "my project" or "mine". Above them folders are shared (/tmp, /home, a
     * team drive), and a .resume-ls.json there may be anyone's. */
    bool have_root = config__real(workspace_root, &root);
    bool have_home = config__real(getenv("HOME"), &home);
    int rc = RLS_ENOENT;
    for (;;) {
        bool is_root = abs.len == 1 && abs.data[0] == '/';
        if (config__has_entry(abs.data, RLS_CONFIG_FILE_NAME, &candidate) &&
            config__is_regular_file(candidate.data)) {
            rls_buf_puts(found, candidate.data);
            rc = 0;
            break;
        }
        if ((have_root && strcmp(abs.data, root.data) == 0) ||
            (have_home && strcmp(abs.data, home.data) == 0) ||
            config__has_entry(abs.data, ".git", &candidate))
            break;
        char *slash = strrchr(abs.data, '/');
        if (!slash || is_root) break;
        abs.len = slash == abs.data ? 1 : (size_t)(slash - abs.data);
        abs.data[abs.len] = '\0';
    }
    rls_buf_close(&candidate);
    rls_buf_close(&home);
    rls_buf_close(&root);
    rls_buf_close(&abs);
    return rc;
}

int rls_config_load_for_file(RlsConfig *config, const char *path, const char *workspace_root,
                             RlsBuf *problems) {
    RlsBuf found;
    rls_buf_init(&found);
    int rc = rls_config_find_for_file(path, workspace_root, &found);
    if (rc == 0)
        rc = rls_config_load_file(config, found.data, RLS_CONFIG_FOUND, problems);
    else
        rc = 0;
    rls_buf_close(&found);
    return rc;
}
