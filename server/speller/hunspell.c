/*
 * hunspell.c - dictionaries for the `spelling` rule over libhunspell
 * (speller.h).
 *
 * A lookup costs ~5 us in hunspell and a resume repeats its words, so each
 * dictionary keeps the answer per word (keyed by the word's 64-bit hash) in
 * an open-addressing table: a keystroke then looks up only the words it
 * typed.
 */
#define _POSIX_C_SOURCE 200809L

#include "speller/speller.h"

#include <hunspell.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "config/log.h"
#include "rls/alloc.h"
#include "rls/hash.h"

/* Answers kept per dictionary before the table starts over: far more
 * distinct words than any resume has. */
#define SPELLER_CACHE_MAX (1u << 16)

typedef enum { SPELLER_LOADING, SPELLER_READY, SPELLER_MISSING } SpellerState;

typedef struct {
    uint64_t hash; /* 0: empty */
    uint64_t ok;   /* 1: spelt right */
} SpellerSlot;

struct RlsSpellerDict {
    char *lang;
    char *path; /* RlsConfig.spell_path, or NULL */
    SpellerState state;
    Hunhandle *h;
    bool utf8; /* the dictionary's encoding is UTF-8 */
    char *name;
    char *why; /* why it is missing */
    RlsSpeller speller;
    pthread_mutex_t mu;
    SpellerSlot *cache;
    uint32_t cap, n;
    double load_ms;
};

struct RlsSpellerLib {
    pthread_mutex_t mu;
    RlsSpellerDict **dicts;
    size_t n_dicts, cap_dicts;
    RlsSpellerRequestCb request_cb;
    void *request_data;
    double last_load_ms;
};

/* ---- Finding the files ------------------------------------------------------------ */

static bool speller__is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool speller__is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* dir/stem.aff and dir/stem.dic both exist: fills the buffers. */
static bool speller__try(const char *dir, const char *stem, RlsBuf *aff, RlsBuf *dic,
                         RlsBuf *name) {
    rls_buf_clear(aff);
    rls_buf_clear(dic);
    rls_buf_printf(aff, "%s/%s.aff", dir, stem);
    rls_buf_printf(dic, "%s/%s.dic", dir, stem);
    if (!speller__is_file(aff->data) || !speller__is_file(dic->data)) return false;
    rls_buf_clear(name);
    rls_buf_puts(name, stem);
    return true;
}

/* The dictionaries tried for a language, most common variant first. */
static const char *const *speller__stems(const char *lang) {
    static const char *const en[] = {"en_US", "en_GB", "en_CA", "en_AU", "en", NULL};
    static const char *const fr[] = {"fr_FR", "fr", "fr_CA", "fr_BE", "fr_CH", NULL};
    static const char *const de[] = {"de_DE", "de_DE_frami", "de_AT", "de_CH", "de", NULL};
    static const char *const es[] = {"es_ES", "es", "es_MX", "es_AR", NULL};
    static const char *const pt[] = {"pt_PT", "pt_BR", "pt", NULL};
    static const char *const da[] = {"da_DK", "da", NULL};
    static const char *const nl[] = {"nl_NL", "nl", NULL};
    static const char *const it[] = {"it_IT", "it", NULL};
    static const char *const none[] = {NULL};
    if (strcmp(lang, "en") == 0) return en;
    if (strcmp(lang, "fr") == 0) return fr;
    if (strcmp(lang, "de") == 0) return de;
    if (strcmp(lang, "es") == 0) return es;
    if (strcmp(lang, "pt") == 0) return pt;
    if (strcmp(lang, "da") == 0) return da;
    if (strcmp(lang, "nl") == 0) return nl;
    if (strcmp(lang, "it") == 0) return it;
    return none;
}

static bool speller__in_dir(const char *dir, const char *lang, RlsBuf *aff, RlsBuf *dic,
                            RlsBuf *name) {
    for (const char *const *s = speller__stems(lang); *s; s++)
        if (speller__try(dir, *s, aff, dic, name)) return true;
    return false;
}

int rls_speller_find(const char *lang, const char *dict_path, RlsBuf *aff, RlsBuf *dic,
                     RlsBuf *name) {
    if (!lang) lang = "";
    if (dict_path && *dict_path) {
        if (speller__is_dir(dict_path))
            return speller__in_dir(dict_path, lang, aff, dic, name) ? 0 : RLS_ENOENT;
        /* A file: "x/en_US.dic", "x/en_US.aff" or the stem "x/en_US". */
        size_t n = strlen(dict_path);
        if (n > 4 &&
            (strcmp(dict_path + n - 4, ".dic") == 0 || strcmp(dict_path + n - 4, ".aff") == 0))
            n -= 4;
        const char *slash = memchr(dict_path, '/', n) ? strrchr(dict_path, '/') : NULL;
        char *dir = slash ? rls_strndup(dict_path, (size_t)(slash - dict_path)) : rls_strdup(".");
        if (slash && slash == dict_path) {
            rls_free(dir);
            dir = rls_strdup("/");
        }
        const char *stem_start = slash ? slash + 1 : dict_path;
        char *stem = rls_strndup(stem_start, (size_t)(dict_path + n - stem_start));
        bool ok = speller__try(dir, stem, aff, dic, name);
        rls_free(stem);
        rls_free(dir);
        return ok ? 0 : RLS_ENOENT;
    }
    const char *env = getenv("DICPATH");
    if (env && *env) {
        char *copy = rls_strdup(env), *save = NULL;
        bool ok = false;
        for (char *d = strtok_r(copy, ":", &save); d && !ok; d = strtok_r(NULL, ":", &save))
            ok = speller__in_dir(d, lang, aff, dic, name);
        rls_free(copy);
        if (ok) return 0;
    }
    static const char *const dirs[] = {"/usr/share/hunspell", "/usr/share/myspell/dicts",
                                       "/usr/share/myspell", "/usr/local/share/hunspell"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(dirs); i++)
        if (speller__in_dir(dirs[i], lang, aff, dic, name)) return 0;
    return RLS_ENOENT;
}

/* ---- Lookups ------------------------------------------------------------------------ */

static void speller__cache_put(RlsSpellerDict *d, uint64_t hash, bool ok) {
    if (d->n + 1 > d->cap / 2) {
        uint32_t cap = d->cap ? d->cap * 2 : 1024;
        if (cap > SPELLER_CACHE_MAX) {
            /* Full: start over rather than grow without bound. */
            cap = d->cap;
            memset(d->cache, 0, cap * sizeof(*d->cache));
            d->n = 0;
        } else {
            SpellerSlot *old = d->cache;
            uint32_t old_cap = d->cap;
            d->cache = rls_calloc(cap, sizeof(*d->cache));
            d->cap = cap;
            for (uint32_t i = 0; i < old_cap; i++) {
                if (!old[i].hash) continue;
                d->cache[rls_hash_probe(d->cache, sizeof(*d->cache), cap, old[i].hash)] = old[i];
            }
            rls_free(old);
        }
    }
    uint32_t at = rls_hash_probe(d->cache, sizeof(*d->cache), d->cap, hash);
    if (!d->cache[at].hash) d->n++;
    d->cache[at] = (SpellerSlot){hash, ok};
}

static bool speller__check_cb(void *data, const char *word, size_t len) {
    RlsSpellerDict *d = data;
    if (len == 0 || len > RLS_SPELL_MAX_WORD) return true;
    bool ascii = true;
    for (size_t i = 0; i < len; i++)
        ascii = ascii && (unsigned char)word[i] < 0x80;
    /* A dictionary in a legacy 8-bit encoding cannot read UTF-8 letters. */
    if (!ascii && !d->utf8) return true;
    uint64_t hash = rls_hash_key(rls_hash_mix(RLS_HASH_SEED, word, len));
    pthread_mutex_lock(&d->mu);
    bool ok;
    uint32_t at = d->cap ? rls_hash_probe(d->cache, sizeof(*d->cache), d->cap, hash) : 0;
    if (d->cap && d->cache[at].hash == hash) {
        ok = d->cache[at].ok != 0;
    } else {
        char buf[RLS_SPELL_MAX_WORD + 1];
        memcpy(buf, word, len);
        buf[len] = '\0';
        ok = Hunspell_spell(d->h, buf) != 0;
        speller__cache_put(d, hash, ok);
    }
    pthread_mutex_unlock(&d->mu);
    return ok;
}

/* ---- Loading -------------------------------------------------------------------------- */

static double speller__now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void rls_speller_load(RlsSpellerDict *d) {
    RlsBuf aff, dic, name;
    rls_buf_init(&aff);
    rls_buf_init(&dic);
    rls_buf_init(&name);
    double t0 = speller__now_ms();
    if (rls_speller_find(d->lang, d->path, &aff, &dic, &name) == 0) {
        d->h = Hunspell_create(aff.data, dic.data);
        if (d->h) {
            const char *enc = Hunspell_get_dic_encoding(d->h);
            d->utf8 = enc && (strcmp(enc, "UTF-8") == 0 || strcmp(enc, "utf-8") == 0);
            d->name = rls_strdup(name.data);
        } else {
            rls_buf_clear(&name);
            rls_buf_printf(&name, "hunspell could not read %s", dic.data);
            d->why = rls_strdup(name.data);
        }
    } else if (d->path && *d->path) {
        rls_buf_printf(&name, "no hunspell dictionary for language '%s' at '%s'", d->lang, d->path);
        d->why = rls_strdup(name.data);
    } else if (!*d->lang) {
        rls_buf_puts(&name, "the resume's language is not one with a known dictionary");
        d->why = rls_strdup(name.data);
    } else {
        rls_buf_printf(&name,
                       "no hunspell dictionary for language '%s' in $DICPATH, "
                       "/usr/share/hunspell or /usr/share/myspell/dicts (Debian: apt-get install "
                       "hunspell-%s)",
                       d->lang, d->lang);
        d->why = rls_strdup(name.data);
    }
    d->load_ms = speller__now_ms() - t0;
    rls_buf_close(&aff);
    rls_buf_close(&dic);
    rls_buf_close(&name);
}

/* Pre-condition: self->mu held. */
static bool speller__finish_locked(RlsSpellerLib *self, RlsSpellerDict *d) {
    self->last_load_ms = d->load_ms;
    if (d->h) {
        d->state = SPELLER_READY;
        rls_log_info("spelling: loaded the %s dictionary in %.1f ms", d->name, d->load_ms);
        return true;
    }
    d->state = SPELLER_MISSING;
    rls_log_warn("spelling: %s; no spelling findings for such resumes", d->why);
    return false;
}

bool rls_speller_lib_finish(RlsSpellerLib *self, RlsSpellerDict *d) {
    pthread_mutex_lock(&self->mu);
    bool ok = speller__finish_locked(self, d);
    pthread_mutex_unlock(&self->mu);
    return ok;
}

/* ---- The library -------------------------------------------------------------------------- */

RlsSpellerLib *rls_speller_lib_new(RlsSpellerRequestCb request_cb, void *data) {
    RlsSpellerLib *self = rls_calloc(1, sizeof(*self));
    pthread_mutex_init(&self->mu, NULL);
    self->request_cb = request_cb;
    self->request_data = data;
    return self;
}

void rls_speller_lib_delete(RlsSpellerLib *self) {
    if (!self) return;
    for (size_t i = 0; i < self->n_dicts; i++) {
        RlsSpellerDict *d = self->dicts[i];
        if (d->h) Hunspell_destroy(d->h);
        pthread_mutex_destroy(&d->mu);
        rls_free(d->cache);
        rls_free(d->lang);
        rls_free(d->path);
        rls_free(d->name);
        rls_free(d->why);
        rls_free(d);
    }
    rls_free(self->dicts);
    pthread_mutex_destroy(&self->mu);
    rls_free(self);
}

static bool speller__same_path(const char *a, const char *b) {
    if (!a || !*a) return !b || !*b;
    return b && strcmp(a, b) == 0;
}

/* Pre-condition: self->mu held. */
static RlsSpellerDict *speller__find_locked(RlsSpellerLib *self, const char *lang,
                                            const char *path) {
    for (size_t i = 0; i < self->n_dicts; i++) {
        RlsSpellerDict *d = self->dicts[i];
        if (strcmp(d->lang, lang) == 0 && speller__same_path(d->path, path)) return d;
    }
    return NULL;
}

static const RlsSpeller *speller__source_cb(void *data, const char *lang, const char *path) {
    RlsSpellerLib *self = data;
    if (!lang) lang = "";
    pthread_mutex_lock(&self->mu);
    RlsSpellerDict *d = speller__find_locked(self, lang, path);
    RlsSpellerDict *requested = NULL;
    if (!d) {
        d = rls_calloc(1, sizeof(*d));
        d->lang = rls_strdup(lang);
        d->path = path && *path ? rls_strdup(path) : NULL;
        d->state = SPELLER_LOADING;
        pthread_mutex_init(&d->mu, NULL);
        d->speller = (RlsSpeller){speller__check_cb, d, NULL};
        // NOLINTNEXTLINE(bugprone-sizeof-expression): sizeof one pointer, for an array of them
        RLS_PUSH(self->dicts, self->n_dicts, self->cap_dicts, d);
        if (self->request_cb) {
            requested = d;
        } else {
            rls_speller_load(d);
            speller__finish_locked(self, d);
        }
    }
    if (d->state == SPELLER_READY) d->speller.name = d->name;
    const RlsSpeller *out = d->state == SPELLER_READY ? &d->speller : NULL;
    pthread_mutex_unlock(&self->mu);
    /* Outside the lock: the callee may call back into the library. */
    if (requested) self->request_cb(self->request_data, self, requested);
    return out;
}

RlsSpellSource rls_speller_lib_source(RlsSpellerLib *self) {
    return (RlsSpellSource){speller__source_cb, self};
}

double rls_speller_last_load_ms(const RlsSpellerLib *self) {
    return self ? self->last_load_ms : 0;
}

size_t rls_speller_suggest(RlsSpellerLib *self, const char *lang, const char *dict_path,
                           const char *word, char ***out, size_t max) {
    if (!self || !word) return 0;
    pthread_mutex_lock(&self->mu);
    RlsSpellerDict *d = speller__find_locked(self, lang ? lang : "", dict_path);
    bool ready = d && d->state == SPELLER_READY;
    pthread_mutex_unlock(&self->mu);
    if (!ready) return 0;
    pthread_mutex_lock(&d->mu);
    char **list = NULL;
    int n = Hunspell_suggest(d->h, &list, word);
    size_t added = 0;
    for (int i = 0; i < n && added < max; i++) {
        char *s = rls_strdup(list[i]);
        // NOLINTNEXTLINE(bugprone-sizeof-expression): sizeof one pointer, for an array of them
        *out = rls_realloc(*out, (added + 1) * sizeof(**out));
        (*out)[added++] = s;
    }
    if (list) Hunspell_free_list(d->h, &list, n);
    pthread_mutex_unlock(&d->mu);
    return added;
}
