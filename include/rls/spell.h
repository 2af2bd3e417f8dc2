/*
 * spell.h - the `spelling` rule: which words of a resume are prose, and
 * which of those a dictionary does not know.
 *
 * The core never opens a dictionary (it does no I/O): the shell hands it a
 * source of spellers through the configuration (RlsConfig.spell), and the
 * rule asks that source for the speller of the document's language. A
 * source that has none (yet) makes the rule report nothing: the server
 * publishes first and republishes once its dictionary has loaded, and a
 * resume in a language without an installed dictionary is not checked.
 *
 * Words that are not prose are never looked up: URLs, e-mail addresses,
 * code spans (Markdown backticks, LaTeX \texttt, \verb, \code), ALL-CAPS
 * acronyms, words with digits or inner capitals ("OpenTelemetry", "iOS"),
 * technology names and aliases of the keyword catalogue, the words of the
 * entries' titles, organisations and places, the words of the resume
 * dictionary (configuration `dictionary`), and, unless
 * RlsConfig.spell_capitalized, capitalised words in mid-sentence (names).
 */
#ifndef RLS_SPELL_H_
#define RLS_SPELL_H_

#include "rls/config.h"
#include "rls/diag.h"
#include "rls/model.h"
#include "rls/rules.h"

/* The rule is RLS_RULE_ID(SPELLING) (rules.h). */
/* The lexicon name under which RlsConfig.lexicon_edits holds the words of
 * the resume dictionary (configuration key `dictionary`). */
#define RLS_SPELL_LEXICON "spelling"
/* Longest word looked up, in bytes; longer runs are not prose. */
#define RLS_SPELL_MAX_WORD 64

/* One dictionary, as the core sees it. */
typedef struct RlsSpeller {
    /* Whether word[0..len) (UTF-8, straight apostrophes) is spelt right.
     * May be called from several threads at once. */
    bool (*check_cb)(void *data, const char *word, size_t len);
    void *data;
    const char *name; /* the dictionary's name for messages, e.g. "en_US" */
} RlsSpeller;

/* The shell's dictionaries (RlsSpellSource in config.h): speller_cb returns
 * the speller of language lang ("en", "fr", "de", "es", "pt"), borrowed and
 * valid for the whole run, or NULL when there is none now. dict_path is
 * RlsConfig.spell_path (NULL: the standard folders). */

/* Appends a finding per misspelt word of model to out, unless the rule is
 * off, no speller is available for the document's language, or config is
 * NULL or has no spell source. Borrows everything. Findings are not
 * suppressed here (rls_rules_suppress does it). Returns the number added. */
size_t rls_spell_check(const RlsResume *model, const char *src, uint32_t src_len,
                       const RlsConfig *config, RlsDiagList *out);

/* The misspelt word a spelling finding is about: a copy of its plain text
 * with curly apostrophes straightened, written into buf (cap bytes,
 * NUL-terminated). Returns its length, or 0 when d is no spelling finding
 * of this model. */
size_t rls_spell_word_of(const RlsResume *model, const RlsDiag *d, char *buf, size_t cap);

#endif /* RLS_SPELL_H_ */
