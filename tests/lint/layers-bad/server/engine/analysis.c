/* a core folder reading another one's internals. */
#include "model/model_internal.h"
