/*
 * code_action_fix.h - fix-all as both the language server
 * (source.fixAll.resume-ls) and `resume-ls fix` apply it: the preferred fix
 * of every finding, with or without the fixes that insert placeholders.
 *
 * Placeholders ("[N]", "[metric]", "[users]" ...) are what a fix leaves for
 * the person to fill in. Offered one at a time, on a finding the person is
 * looking at, they are a prompt; applied across a whole resume by a save
 * hook or a command, they put brackets into every bullet that lacks a
 * figure. So fix-all leaves them out unless asked (`fix --placeholders`).
 */
#ifndef RLS_LSP_CODE_ACTION_FIX_H_
#define RLS_LSP_CODE_ACTION_FIX_H_

#include "rls/actions.h"

typedef struct {
    bool restructure;  /* also move every bullet's result to the front */
    bool placeholders; /* keep fixes that insert placeholders */
} RlsFixAllOptions;

/* rls_actions_fix_all over model/src/diags (all borrowed), appending at most
 * one FIX_ALL action to *out. Without opts->placeholders, findings whose fix
 * is a placeholder (no-metric, vague-quantifier) are not fixed, and a bullet
 * whose composed fix still inserts a placeholder (e.g. "Contributed to X" ->
 * "Shipped [N] [changes] to X") is left as it is. opts may be NULL (no
 * restructuring, no placeholders). Returns 0 or RLS_EINVAL. */
int rls_fix_all_actions(const RlsResume *model, const char *src, uint32_t src_len,
                        const RlsDiagList *diags, const RlsFixAllOptions *opts, RlsActionList *out);

/* The number of placeholders in text[0..len) (an edit's new text or source
 * text, escaped for Markdown or LaTeX or not): "[" letters, slashes and
 * spaces "]", such as "[N]", "\[metric\]" or "{[}N]". */
size_t rls_fix_count_placeholders(const char *text, size_t len);

#endif /* RLS_LSP_CODE_ACTION_FIX_H_ */
