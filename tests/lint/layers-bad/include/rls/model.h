/* the core API. */
#include <stddef.h>
