import CVitrinaICU
import Synchronization

/// One ICU word break iterator, owned by one caller at a time.
///
/// Opening an iterator costs far more than tokenizing a product title, so closed iterators go
/// back to a small shared pool (``WordBreakerPool``) instead of being destroyed.
final class WordBreaker {
    /// A segment between two ICU word boundaries.
    struct Segment {
        /// UTF-8 byte offsets in the text.
        var range: Range<Int>
        /// ICU's rule status: 0–99 none (spaces, punctuation), 100–199 number, 200–299 letter,
        /// 300–399 kana, 400–499 ideographic.
        var status: Int32
        /// False only when the segment surely has no ASCII digit (the byte segmenter knows; ICU's
        /// segments leave it true and the assembler looks at the bytes).
        var mayHaveDigit = true

        /// True for segments ICU counts as words or numbers.
        var isWordLike: Bool { status >= 100 }
        /// True for segments ICU counts as numbers.
        var isNumber: Bool { (100..<200).contains(status) }
    }

    /// The C handle.
    let pointer: OpaquePointer

    /// Opens a root-locale word break iterator (the rules are the same for ru and be).
    init() throws {
        var error: Int32 = 0
        guard let pointer = vtr_word_breaker_open("", &error), error <= 0 else {
            throw ICUError(code: error, operation: "open a word break iterator")
        }
        self.pointer = pointer
    }

    deinit {
        vtr_word_breaker_close(pointer)
    }

    /// Splits `bytes` (UTF-8) into ICU word-break segments, appending to `segments`.
    func segments(of bytes: UnsafeBufferPointer<UInt8>, into segments: inout [Segment]) throws {
        let error = vtr_word_breaker_set_text(pointer, bytes.baseAddress, Int64(bytes.count))
        if error > 0 { throw ICUError(code: error, operation: "set the text of a word break iterator") }
        var start = 0
        var status: Int32 = 0
        while true {
            let boundary = vtr_word_breaker_next(pointer, &status)
            if boundary < 0 { break }
            let end = Int(boundary)
            if end > start { segments.append(Segment(range: start..<end, status: status)) }
            start = end
        }
    }
}

/// Iterators waiting to be reused.
///
/// Bounded, so a burst of concurrent callers does not keep
/// iterators forever.
enum WordBreakerPool {
    /// An iterator handed between tasks only through the pool's mutex.
    ///
    /// `@unchecked Sendable`: a breaker is used by one caller at a time; the pool hands it over
    /// under the lock and the caller gives it back when done.
    private struct Parked: @unchecked Sendable {
        let breaker: WordBreaker
    }

    private static let parked = Mutex<[Parked]>([])
    private static let capacity = 16

    /// Runs `body` with an iterator from the pool (or a new one), then returns it to the pool.
    static func withBreaker<R>(_ body: (WordBreaker) throws -> R) throws -> R {
        let breaker = try parked.withLock { $0.popLast()?.breaker } ?? WordBreaker()
        defer {
            parked.withLock { pool in
                if pool.count < capacity { pool.append(Parked(breaker: breaker)) }
            }
        }
        return try body(breaker)
    }
}
