// libxml2 for Vitrina's streaming catalog readers (and later the page audit). libxml2's functions
// are plain C without per-version renaming, so a system-library module map is enough.
//
// Debian builds libxml2 with ICU support, and its encoding.h then includes ICU's headers, which
// clash with the copy of ICU inside Foundation. Vitrina only handles encoding handlers through
// pointers, so the ICU part of libxml2's headers is switched off here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
