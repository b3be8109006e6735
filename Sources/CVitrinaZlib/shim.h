// zlib for Vitrina's compressed stored fields. zlib's functions are plain C (no per-version
// renaming), so a system-library module map is enough; this header only includes it.
#include <zlib.h>
