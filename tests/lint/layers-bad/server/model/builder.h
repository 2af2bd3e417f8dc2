/* a core header. */
#include "rls/model.h"
