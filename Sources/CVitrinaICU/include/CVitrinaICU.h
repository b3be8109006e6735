// Plain C functions over the system ICU for Vitrina.
//
// Why this target exists: ICU's headers rename every function per major version
// (`ubrk_open` is a macro for `ubrk_open_72`), so Swift cannot call ICU's C API through a
// module map. These `vtr_*` functions include the headers and export stable names.
// The header uses only stdint types and opaque handles; all text crosses as UTF-8.
#ifndef CVITRINA_ICU_H
#define CVITRINA_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's "no error" code; any value > 0 is a failure (UErrorCode semantics).
#define VTR_OK 0

// MARK: - Word break iterator over UTF-8

/// An ICU word break iterator with its own copy of the text.
typedef struct vtr_word_breaker vtr_word_breaker;

/// Opens a word break iterator for `locale` ("ru", "be", "" for root). Returns NULL and sets
/// `*error` > 0 on failure.
vtr_word_breaker *vtr_word_breaker_open(const char *locale, int32_t *error);

/// Closes the iterator and frees its text copy. NULL is allowed.
void vtr_word_breaker_close(vtr_word_breaker *breaker);

/// Copies `length` bytes of UTF-8 and resets the iterator to the start of that text.
/// Invalid UTF-8 sequences are seen by ICU as U+FFFD. Returns an ICU error code (0 = ok).
int32_t vtr_word_breaker_set_text(vtr_word_breaker *breaker, const uint8_t *utf8, int64_t length);

/// Advances to the next boundary. Returns its UTF-8 byte offset, or -1 at the end.
/// `*rule_status` receives the rule status of the segment that ends at that boundary
/// (0-99 none, 100-199 number, 200-299 letter, 300-399 kana, 400-499 ideographic).
int64_t vtr_word_breaker_next(vtr_word_breaker *breaker, int32_t *rule_status);

// MARK: - Normalization

/// Writes NFKC_Casefold(src) as UTF-8 into `dst` (capacity `capacity` bytes): NFKC, full Unicode
/// case folding and removal of default-ignorable code points (soft hyphen, zero-width characters).
/// Returns the number of bytes the result needs; when that exceeds `capacity`, `dst` holds nothing
/// useful and the caller retries with a larger buffer. Returns -1 and sets `*error` on failure.
int64_t vtr_nfkc_casefold(const uint8_t *src, int64_t length, uint8_t *dst, int64_t capacity, int32_t *error);

/// Like vtr_nfkc_casefold, but NFD (canonical decomposition) without case folding. Used to strip
/// combining marks such as stress accents before recomposing.
int64_t vtr_nfd(const uint8_t *src, int64_t length, uint8_t *dst, int64_t capacity, int32_t *error);

/// Canonical composition (NFC), same contract as vtr_nfkc_casefold.
int64_t vtr_nfc(const uint8_t *src, int64_t length, uint8_t *dst, int64_t capacity, int32_t *error);

// MARK: - Transliteration

/// An ICU transliterator (for example "Russian-Latin/BGN" or "Latin-Cyrillic").
typedef struct vtr_transliterator vtr_transliterator;

/// Opens the transliterator with ICU id `id` (ASCII), in reverse when `reverse` != 0.
vtr_transliterator *vtr_transliterator_open(const char *id, int32_t reverse, int32_t *error);

/// Closes a transliterator. NULL is allowed.
void vtr_transliterator_close(vtr_transliterator *transliterator);

/// Transliterates UTF-8 `src` into `dst`; same size contract as vtr_nfkc_casefold.
/// Not thread-safe for one handle: callers serialize use.
int64_t vtr_transliterate(vtr_transliterator *transliterator, const uint8_t *src, int64_t length,
                          uint8_t *dst, int64_t capacity, int32_t *error);

// MARK: - Spelled-out numbers (rule-based number format)

/// An ICU rule-based "spellout" number format for one locale, set to lenient parsing.
typedef struct vtr_spellout vtr_spellout;

/// Opens the spellout format of `locale` ("ru", "be").
vtr_spellout *vtr_spellout_open(const char *locale, int32_t *error);

/// Closes a spellout format. NULL is allowed.
void vtr_spellout_close(vtr_spellout *spellout);

/// Parses UTF-8 `src` as a spelled-out number, trying every public rule set (all genders and
/// cases). Returns 1 and stores the value when the parse consumed the whole text, 0 otherwise.
/// Not thread-safe for one handle: callers serialize use.
int32_t vtr_spellout_parse(vtr_spellout *spellout, const uint8_t *src, int64_t length, double *value);

/// Formats `value` in words with the default rule set; same size contract as vtr_nfkc_casefold.
int64_t vtr_spellout_format(vtr_spellout *spellout, double value, uint8_t *dst, int64_t capacity,
                            int32_t *error);

/// Writes the names of the public rule sets of `spellout` as UTF-8 into `dst`, each followed by ';'
/// (for example "%spellout-numbering;%spellout-cardinal-feminine-genitive;"); same size contract as
/// vtr_nfkc_casefold. Used to enumerate every case and gender form the locale's rules can spell.
int64_t vtr_spellout_rule_sets(vtr_spellout *spellout, uint8_t *dst, int64_t capacity, int32_t *error);

/// Formats `value` in words with the public rule set named `rule_set` (UTF-8, such as
/// "%spellout-cardinal-feminine-genitive"); same size contract as vtr_nfkc_casefold. The default rule
/// set is restored afterwards. Not thread-safe for one handle: callers serialize use.
int64_t vtr_spellout_format_rule_set(vtr_spellout *spellout, const char *rule_set, double value, uint8_t *dst,
                                     int64_t capacity, int32_t *error);

/// The version of the ICU library in use, such as "72.1", written into `dst` (at least 32 bytes).
void vtr_icu_version(char *dst);

/// ICU's CLDR plural category ("one", "few", "many", "other", ...) of `value` in `locale`, written
/// to `dst` as a NUL-terminated ASCII string. Returns its length, or -1 on failure.
int32_t vtr_plural_category(const char *locale, double value, char *dst, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
