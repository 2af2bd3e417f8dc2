/*
 * macro.h - a user-declared LaTeX macro and how it maps onto the model
 * (configuration "macros").
 *
 * Its own header because two sides share it: the configuration (config.h)
 * holds the declarations, the LaTeX reader (parse.h) applies them. The rules
 * see the configuration and so this header, never the parser's API.
 */
#ifndef RLS_MACRO_H_
#define RLS_MACRO_H_

#include <stdint.h>

/* How a user-declared LaTeX macro maps onto the model (configuration
 * "macros"). Argument numbers are 1-based; 0 means "not given". */
typedef enum {
    RLS_MACRO_BULLET,  /* text_arg holds the bullet text */
    RLS_MACRO_HEADING, /* text_arg holds the section heading */
    RLS_MACRO_ENTRY,   /* title/org/location/dates args describe an entry */
} RlsMacroRole;

typedef struct {
    char *name; /* without the backslash */
    RlsMacroRole role;
    uint8_t text_arg;
    uint8_t title_arg;
    uint8_t org_arg;
    uint8_t location_arg;
    uint8_t dates_arg;
} RlsMacroSpec;

#endif /* RLS_MACRO_H_ */
