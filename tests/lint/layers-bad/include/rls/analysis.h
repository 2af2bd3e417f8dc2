/* the engine's API. */
#include "rls/model.h"
