// libxml2 for Vitrina's streaming catalog readers (and later the page audit). libxml2's functions
// are plain C without per-version renaming, so a system-library module map is enough.
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
