// Implementation of the vtr_* functions declared in CVitrinaICU.h. See the header for why.
#include "CVitrinaICU.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

// MARK: - UTF-16 scratch buffers

/// A growable UTF-16 buffer, used to convert between UTF-8 and ICU's native UChar.
typedef struct {
    UChar *chars;
    int32_t length;
    int32_t capacity;
} vtr_ustring;

static int vtr_ustring_reserve(vtr_ustring *s, int32_t capacity) {
    if (capacity <= s->capacity) return 1;
    UChar *grown = (UChar *)realloc(s->chars, (size_t)capacity * sizeof(UChar));
    if (!grown) return 0;
    s->chars = grown;
    s->capacity = capacity;
    return 1;
}

static void vtr_ustring_free(vtr_ustring *s) {
    free(s->chars);
    s->chars = NULL;
    s->length = s->capacity = 0;
}

/// Decodes UTF-8 into `s`; invalid sequences become U+FFFD.
static int vtr_ustring_from_utf8(vtr_ustring *s, const uint8_t *src, int64_t length, UErrorCode *error) {
    if (length > INT32_MAX / 2) { *error = U_INDEX_OUTOFBOUNDS_ERROR; return 0; }
    // UTF-16 never needs more code units than UTF-8 has bytes.
    if (!vtr_ustring_reserve(s, (int32_t)length + 1)) { *error = U_MEMORY_ALLOCATION_ERROR; return 0; }
    int32_t written = 0;
    u_strFromUTF8WithSub(s->chars, s->capacity, &written, (const char *)src, (int32_t)length, 0xFFFD, NULL, error);
    if (U_FAILURE(*error)) return 0;
    s->length = written;
    return 1;
}

/// Encodes `chars` as UTF-8 into dst; returns the needed byte count (or -1 on error).
static int64_t vtr_utf16_to_utf8(const UChar *chars, int32_t length, uint8_t *dst, int64_t capacity,
                                 UErrorCode *error) {
    int32_t needed = 0;
    int32_t cap = capacity > INT32_MAX ? INT32_MAX : (int32_t)capacity;
    u_strToUTF8WithSub((char *)dst, cap, &needed, chars, length, 0xFFFD, NULL, error);
    if (*error == U_BUFFER_OVERFLOW_ERROR || *error == U_STRING_NOT_TERMINATED_WARNING) {
        *error = U_ZERO_ERROR;
        return needed;
    }
    if (U_FAILURE(*error)) return -1;
    return needed;
}

// MARK: - Word breaker

struct vtr_word_breaker {
    UBreakIterator *iterator;
    UText *text;
    uint8_t *bytes;
    int64_t capacity;
};

vtr_word_breaker *vtr_word_breaker_open(const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    vtr_word_breaker *breaker = (vtr_word_breaker *)calloc(1, sizeof(vtr_word_breaker));
    if (!breaker) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    breaker->iterator = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        free(breaker);
        *error = status;
        return NULL;
    }
    *error = U_ZERO_ERROR;
    return breaker;
}

void vtr_word_breaker_close(vtr_word_breaker *breaker) {
    if (!breaker) return;
    if (breaker->iterator) ubrk_close(breaker->iterator);
    if (breaker->text) utext_close(breaker->text);
    free(breaker->bytes);
    free(breaker);
}

int32_t vtr_word_breaker_set_text(vtr_word_breaker *breaker, const uint8_t *utf8, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    if (length < 0) return U_ILLEGAL_ARGUMENT_ERROR;
    if (length + 1 > breaker->capacity) {
        uint8_t *grown = (uint8_t *)realloc(breaker->bytes, (size_t)length + 1);
        if (!grown) return U_MEMORY_ALLOCATION_ERROR;
        breaker->bytes = grown;
        breaker->capacity = length + 1;
    }
    if (length > 0) memcpy(breaker->bytes, utf8, (size_t)length);
    breaker->bytes[length] = 0;
    // Reuses the UText object when there is one (utext_openUTF8 accepts an existing UText).
    breaker->text = utext_openUTF8(breaker->text, (const char *)breaker->bytes, length, &status);
    if (U_FAILURE(status)) return status;
    ubrk_setUText(breaker->iterator, breaker->text, &status);
    return status;
}

int64_t vtr_word_breaker_next(vtr_word_breaker *breaker, int32_t *rule_status) {
    int32_t boundary = ubrk_next(breaker->iterator);
    if (boundary == UBRK_DONE) return -1;
    *rule_status = ubrk_getRuleStatus(breaker->iterator);
    return boundary;
}

// MARK: - Normalization

/// Applies `normalizer` to UTF-8 text, going through UTF-16.
static int64_t vtr_normalize(const UNormalizer2 *normalizer, const uint8_t *src, int64_t length, uint8_t *dst,
                             int64_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    vtr_ustring input = {0}, output = {0};
    int64_t result = -1;
    if (!vtr_ustring_from_utf8(&input, src, length, &status)) goto done;
    // Case folding and NFKC can expand text; start at 2x + 16 and grow once if needed.
    int32_t want = input.length * 2 + 16;
    for (int attempt = 0; attempt < 2; attempt++) {
        if (!vtr_ustring_reserve(&output, want)) { status = U_MEMORY_ALLOCATION_ERROR; goto done; }
        status = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(normalizer, input.chars, input.length, output.chars, output.capacity, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) { want = n + 1; continue; }
        if (U_FAILURE(status)) goto done;
        output.length = n;
        break;
    }
    if (U_FAILURE(status)) goto done;
    result = vtr_utf16_to_utf8(output.chars, output.length, dst, capacity, &status);
done:
    vtr_ustring_free(&input);
    vtr_ustring_free(&output);
    *error = U_FAILURE(status) ? status : U_ZERO_ERROR;
    return U_FAILURE(status) ? -1 : result;
}

int64_t vtr_nfkc_casefold(const uint8_t *src, int64_t length, uint8_t *dst, int64_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    return vtr_normalize(normalizer, src, length, dst, capacity, error);
}

int64_t vtr_nfd(const uint8_t *src, int64_t length, uint8_t *dst, int64_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFDInstance(&status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    return vtr_normalize(normalizer, src, length, dst, capacity, error);
}

int64_t vtr_nfc(const uint8_t *src, int64_t length, uint8_t *dst, int64_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    return vtr_normalize(normalizer, src, length, dst, capacity, error);
}

// MARK: - Transliteration

struct vtr_transliterator {
    UTransliterator *transliterator;
};

vtr_transliterator *vtr_transliterator_open(const char *id, int32_t reverse, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    vtr_ustring uid = {0};
    if (!vtr_ustring_from_utf8(&uid, (const uint8_t *)id, (int64_t)strlen(id), &status)) {
        *error = status;
        return NULL;
    }
    UTransliterator *t = utrans_openU(uid.chars, uid.length, reverse ? UTRANS_REVERSE : UTRANS_FORWARD, NULL, 0,
                                      NULL, &status);
    vtr_ustring_free(&uid);
    if (U_FAILURE(status)) { *error = status; return NULL; }
    vtr_transliterator *result = (vtr_transliterator *)malloc(sizeof(vtr_transliterator));
    if (!result) { utrans_close(t); *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    result->transliterator = t;
    *error = U_ZERO_ERROR;
    return result;
}

void vtr_transliterator_close(vtr_transliterator *transliterator) {
    if (!transliterator) return;
    utrans_close(transliterator->transliterator);
    free(transliterator);
}

int64_t vtr_transliterate(vtr_transliterator *transliterator, const uint8_t *src, int64_t length, uint8_t *dst,
                          int64_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    vtr_ustring text = {0};
    int64_t result = -1;
    if (!vtr_ustring_from_utf8(&text, src, length, &status)) goto done;
    // Transliteration works in place and may grow the text: give it generous room, retry once.
    int32_t original = text.length;
    int32_t room = original * 4 + 16;
    for (int attempt = 0; attempt < 2; attempt++) {
        if (!vtr_ustring_reserve(&text, room)) { status = U_MEMORY_ALLOCATION_ERROR; goto done; }
        if (attempt == 1) {
            // Restore the original text: the failed attempt may have changed it.
            status = U_ZERO_ERROR;
            if (!vtr_ustring_from_utf8(&text, src, length, &status)) goto done;
        }
        status = U_ZERO_ERROR;
        int32_t textLength = original;
        int32_t limit = original;
        utrans_transUChars(transliterator->transliterator, text.chars, &textLength, text.capacity, 0, &limit,
                           &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) { room = textLength + 1; continue; }
        if (U_FAILURE(status)) goto done;
        text.length = textLength;
        break;
    }
    if (U_FAILURE(status)) goto done;
    result = vtr_utf16_to_utf8(text.chars, text.length, dst, capacity, &status);
done:
    vtr_ustring_free(&text);
    *error = U_FAILURE(status) ? status : U_ZERO_ERROR;
    return U_FAILURE(status) ? -1 : result;
}

// MARK: - Spellout

struct vtr_spellout {
    UNumberFormat *format;
};

vtr_spellout *vtr_spellout_open(const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *format = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &status);
    if (U_FAILURE(status)) { *error = status; return NULL; }
    unum_setAttribute(format, UNUM_LENIENT_PARSE, 1);
    vtr_spellout *result = (vtr_spellout *)malloc(sizeof(vtr_spellout));
    if (!result) { unum_close(format); *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    result->format = format;
    *error = U_ZERO_ERROR;
    return result;
}

void vtr_spellout_close(vtr_spellout *spellout) {
    if (!spellout) return;
    unum_close(spellout->format);
    free(spellout);
}

int32_t vtr_spellout_parse(vtr_spellout *spellout, const uint8_t *src, int64_t length, double *value) {
    UErrorCode status = U_ZERO_ERROR;
    vtr_ustring text = {0};
    int32_t ok = 0;
    if (!vtr_ustring_from_utf8(&text, src, length, &status) || text.length == 0) goto done;
    int32_t position = 0;
    double parsed = unum_parseDouble(spellout->format, text.chars, text.length, &position, &status);
    if (U_SUCCESS(status) && position == text.length) {
        *value = parsed;
        ok = 1;
    }
done:
    vtr_ustring_free(&text);
    return ok;
}

int64_t vtr_spellout_format(vtr_spellout *spellout, double value, uint8_t *dst, int64_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UChar buffer[512];
    int32_t n = unum_formatDouble(spellout->format, value, buffer, 512, NULL, &status);
    if (U_FAILURE(status) || n >= 512) { *error = U_FAILURE(status) ? status : U_BUFFER_OVERFLOW_ERROR; return -1; }
    int64_t result = vtr_utf16_to_utf8(buffer, n, dst, capacity, &status);
    *error = U_FAILURE(status) ? status : U_ZERO_ERROR;
    return result;
}

int64_t vtr_spellout_rule_sets(vtr_spellout *spellout, uint8_t *dst, int64_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    vtr_ustring names = {0};
    int64_t result = -1;
    int32_t want = 4096;
    for (int attempt = 0; attempt < 2; attempt++) {
        if (!vtr_ustring_reserve(&names, want)) { status = U_MEMORY_ALLOCATION_ERROR; goto done; }
        status = U_ZERO_ERROR;
        int32_t n = unum_getTextAttribute(spellout->format, UNUM_PUBLIC_RULESETS, names.chars, names.capacity,
                                          &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) { want = n + 1; continue; }
        if (U_FAILURE(status)) goto done;
        names.length = n;
        break;
    }
    if (U_FAILURE(status)) goto done;
    status = U_ZERO_ERROR;  // drop warnings such as U_USING_DEFAULT_WARNING
    result = vtr_utf16_to_utf8(names.chars, names.length, dst, capacity, &status);
done:
    vtr_ustring_free(&names);
    *error = U_FAILURE(status) ? status : U_ZERO_ERROR;
    return U_FAILURE(status) ? -1 : result;
}

int64_t vtr_spellout_format_rule_set(vtr_spellout *spellout, const char *rule_set, double value, uint8_t *dst,
                                     int64_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    vtr_ustring name = {0};
    UChar saved[256];
    UChar buffer[512];
    int64_t result = -1;
    int32_t savedLength = unum_getTextAttribute(spellout->format, UNUM_DEFAULT_RULESET, saved, 256, &status);
    if (U_FAILURE(status) || savedLength >= 256) {
        if (!U_FAILURE(status)) status = U_BUFFER_OVERFLOW_ERROR;
        goto done;
    }
    status = U_ZERO_ERROR;
    if (!vtr_ustring_from_utf8(&name, (const uint8_t *)rule_set, (int64_t)strlen(rule_set), &status)) goto done;
    unum_setTextAttribute(spellout->format, UNUM_DEFAULT_RULESET, name.chars, name.length, &status);
    if (U_FAILURE(status)) goto done;
    int32_t n = unum_formatDouble(spellout->format, value, buffer, 512, NULL, &status);
    UErrorCode restore = U_ZERO_ERROR;
    unum_setTextAttribute(spellout->format, UNUM_DEFAULT_RULESET, saved, savedLength, &restore);
    if (U_FAILURE(status) || n >= 512) {
        if (!U_FAILURE(status)) status = U_BUFFER_OVERFLOW_ERROR;
        goto done;
    }
    status = U_ZERO_ERROR;
    result = vtr_utf16_to_utf8(buffer, n, dst, capacity, &status);
done:
    vtr_ustring_free(&name);
    *error = U_FAILURE(status) ? status : U_ZERO_ERROR;
    return U_FAILURE(status) ? -1 : result;
}

void vtr_icu_version(char *dst) {
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, dst);
}

// MARK: - Plural rules

int32_t vtr_plural_category(const char *locale, double value, char *dst, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UPluralRules *rules = uplrules_open(locale, &status);
    if (U_FAILURE(status) || !rules) return -1;
    UChar keyword[32];
    int32_t n = uplrules_select(rules, value, keyword, 32, &status);
    uplrules_close(rules);
    if (U_FAILURE(status) || n >= 32 || n >= capacity) return -1;
    for (int32_t i = 0; i < n; i++) dst[i] = (char)keyword[i];  // keywords are ASCII
    dst[n] = 0;
    return n;
}
