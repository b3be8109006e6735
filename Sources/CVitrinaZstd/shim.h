// The system zstd (Debian `libzstd-dev`): compressed stored-product blocks of segment format 2.
#include <zstd.h>
