/*
 * fix_all.h - fix-all as both the language server
 * (source.fixAll.resume-ls) and `resume-ls fix` apply it: the SAFE fix of
 * every finding, with or without the fixes that insert placeholders, and
 * never a fix the writer must choose (rls/actions.h, RlsApplicability).
 *
 * Placeholders ("[N]", "[metric]", "[users]" ...) are what a fix leaves for
 * the person to fill in. Offered one at a time, on a finding the person is
 * looking at, they are a prompt; applied across a whole resume by a save
 * hook or a command, they put brackets into every bullet that lacks a
 * figure. So fix-all leaves them out unless asked (`fix --placeholders`).
 */
#ifndef RLS_FIX_ALL_H_
#define RLS_FIX_ALL_H_

#include "rls/actions.h"

typedef struct {
    bool restructure;  /* also move every bullet's result to the front */
    bool placeholders; /* keep fixes that insert placeholders */
} RlsFixAllOptions;

/* rls_actions_fix_all over model/src/diags (all borrowed), appending at most
 * one FIX_ALL action to *out: SAFE fixes, plus PLACEHOLDER fixes ("Improved
 * X" -> "Improved X by [N]%") when opts->placeholders. opts may be NULL (no
 * restructuring, no placeholders). Returns 0 or RLS_EINVAL. */
int rls_fix_all_actions(const RlsResume *model, const char *src, uint32_t src_len,
                        const RlsDiagList *diags, const RlsFixAllOptions *opts, RlsActionList *out);

#endif /* RLS_FIX_ALL_H_ */
