/** Why a run cannot start: the (debug) version it was launched with has been removed since. */
export const VERSION_GONE = "The version this run was launched with no longer exists (a debug release cleaned up or replaced away).";
