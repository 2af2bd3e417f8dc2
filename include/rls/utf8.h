/*
 * utf8.h - the one test of UTF-8 well-formedness and the one repair of
 * ill-formed UTF-8, as Unicode 15 section 3.9 recommends ("U+FFFD
 * substitution of maximal subparts": one U+FFFD for each longest prefix of a
 * well-formed sequence, or for a single byte that starts none). The command
 * line cleans the files it reads with it (cli/files.c) and the JSON-RPC
 * layer the message bodies it parses (rpc/jsonrpc.c), so both see the same
 * text. Decoding code points for positions is rls_utf8_decode (rls/text.h).
 */
#ifndef RLS_UTF8_H_
#define RLS_UTF8_H_

#include <stddef.h>
#include <stdint.h>

#include "rls/buf.h"

/* Length of the well-formed UTF-8 sequence at p (n > 0 bytes available),
 * from 1 to 4; or, when it is ill-formed (a byte that starts no sequence, an
 * overlong form, an encoded surrogate, a value above U+10FFFF, a truncated
 * sequence), minus the length of its maximal subpart (at least 1). */
int rls_utf8_seq(const unsigned char *p, size_t n);

/* Appends src[0..len) to out with each maximal subpart of an ill-formed
 * sequence replaced by U+FFFD. Returns how many replacements were made. */
size_t rls_utf8_sanitize(const char *src, size_t len, RlsBuf *out);

/* Writes code point cp as UTF-8 to out (room for 4 bytes) and returns its
 * length; a surrogate, NUL or a value past U+10FFFF is written as U+FFFD.
 * The one encoder: entity and case folding code call it. */
size_t rls_utf8_encode(uint32_t cp, char *out);

#endif /* RLS_UTF8_H_ */
