/* the model calling the engine through its API: points up. */
#include "rls/analysis.h"
