/*
 * speller.h - the shell's dictionaries for the `spelling` rule: hunspell
 * handles found in the standard folders, loaded once per process, each
 * with a per-word cache of answers.
 *
 * The core asks for a speller through RlsConfig.spell (rls/spell.h); a
 * library answers in one of two modes:
 *   - synchronous (the command line): a dictionary is loaded the first time
 *     it is asked for, and the check waits (~50-60 ms for en_US);
 *   - deferred (the language server): the first request queues the load on
 *     the caller's behalf (request_cb, which the server turns into a
 *     uv_queue_work) and answers NULL; the server publishes without
 *     spelling, and republishes when rls_speller_lib_finish has run.
 *
 * Dictionaries are looked up by language ("en" -> en_US, en_GB, ...; "de"
 * -> de_DE, ...) in RlsConfig.spell_path when given (a folder, or a .dic /
 * .aff file or their common stem), else in $DICPATH, /usr/share/hunspell,
 * /usr/share/myspell/dicts and /usr/share/myspell. A language without a
 * dictionary is logged once (warn) and gets no spelling findings.
 *
 * Thread safety: every function may be called from any thread; one mutex
 * guards the library, one per dictionary guards its handle and cache.
 */
#ifndef RLS_SPELLER_SPELLER_H_
#define RLS_SPELLER_SPELLER_H_

#include "rls/buf.h"
#include "rls/config.h"
#include "rls/spell.h"

typedef struct RlsSpellerLib RlsSpellerLib;
/* One dictionary being loaded: handed to request_cb, loaded with
 * rls_speller_load (on any thread), then given back with
 * rls_speller_lib_finish (on the thread that owns the library's users). */
typedef struct RlsSpellerDict RlsSpellerDict;

/* Called (deferred mode) when a dictionary is wanted that is not loaded:
 * the callee must eventually call rls_speller_load(dict) and then
 * rls_speller_lib_finish(lib, dict), exactly once each. */
typedef void (*RlsSpellerRequestCb)(void *data, RlsSpellerLib *lib, RlsSpellerDict *dict);

/* Returns an owned library; free with rls_speller_lib_delete once no load
 * is pending. request_cb NULL: synchronous mode. */
RlsSpellerLib *rls_speller_lib_new(RlsSpellerRequestCb request_cb, void *data);
void rls_speller_lib_delete(RlsSpellerLib *self);

/* The source to put in RlsConfig.spell (borrows self). */
RlsSpellSource rls_speller_lib_source(RlsSpellerLib *self);

/* Loads dict's files (the I/O; safe on a worker thread). Records the
 * outcome in dict; rls_speller_lib_finish publishes it. */
void rls_speller_load(RlsSpellerDict *dict);
/* Makes a loaded dict available (or records that it is missing, and logs
 * it once). Returns true when a dictionary became available. */
bool rls_speller_lib_finish(RlsSpellerLib *self, RlsSpellerDict *dict);

/* Milliseconds the last dictionary load took (0 before any), for the log
 * and the benchmark. */
double rls_speller_last_load_ms(const RlsSpellerLib *self);

/* hunspell's suggestions for word in the dictionary of lang/dict_path,
 * when loaded: into *out, which must be NULL on entry (owned strings; free each with rls_free and
 * the array too). Returns how many were added, 0 when the dictionary is
 * not loaded. At most max suggestions. */
size_t rls_speller_suggest(RlsSpellerLib *self, const char *lang, const char *dict_path,
                           const char *word, char ***out, size_t max);

/* Finds the .aff/.dic pair for lang (see the file comment) into aff and
 * dic (cleared first) and the dictionary's name ("en_US") into name.
 * Returns 0, or RLS_ENOENT when there is none. */
int rls_speller_find(const char *lang, const char *dict_path, RlsBuf *aff, RlsBuf *dic,
                     RlsBuf *name);

#endif /* RLS_SPELLER_SPELLER_H_ */
