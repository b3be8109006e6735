import Testing

@testable import VitrinaText

/// Checks what every analyzer output must satisfy, whatever the text (after Lucene's
/// BaseTokenStreamTestCase): offsets inside the text and on scalar boundaries, start offsets
/// never going backwards, positions never going backwards, parts inside their compound's span,
/// no empty term.
func checkInvariants(_ tokens: [Token], text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = Array(text.utf8)
    var lastStart = 0
    var lastPosition = 0
    for token in tokens {
        #expect(
            token.byteRange.lowerBound >= 0 && token.byteRange.upperBound <= bytes.count,
            "offsets \(token.byteRange) outside 0..<\(bytes.count)", sourceLocation: sourceLocation)
        #expect(
            token.byteRange.lowerBound >= lastStart, "start offsets went backwards at \(token.term)",
            sourceLocation: sourceLocation)
        #expect(
            token.position >= lastPosition, "positions went backwards at \(token.term)",
            sourceLocation: sourceLocation)
        #expect(!token.term.isEmpty, "empty term", sourceLocation: sourceLocation)
        #expect(token.positionLength >= 1, sourceLocation: sourceLocation)
        if token.byteRange.upperBound <= bytes.count, token.byteRange.lowerBound < token.byteRange.upperBound {
            // Offsets fall on UTF-8 scalar starts.
            #expect(bytes[token.byteRange.lowerBound] & 0xC0 != 0x80, sourceLocation: sourceLocation)
            if token.byteRange.upperBound < bytes.count {
                #expect(bytes[token.byteRange.upperBound] & 0xC0 != 0x80, sourceLocation: sourceLocation)
            }
        }
        lastStart = token.byteRange.lowerBound
        lastPosition = token.position
    }
}

/// Analyzes `text` with `preset`, checks the invariants and returns the tokens.
func analyze(
    _ text: String, _ preset: AnalyzerPreset, stopWords: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> [Token] {
    let tokens = try AnyAnalyzer(preset: preset, removesStopWords: stopWords).analyze(text)
    checkInvariants(tokens, text: text, sourceLocation: sourceLocation)
    return tokens
}

/// The source text of a token.
func source(_ token: Token, in text: String) -> String {
    String(decoding: Array(text.utf8)[token.byteRange], as: UTF8.self)
}
