import Testing

@testable import VitrinaCatalog

@Suite("Attribute limiter")
struct AttributeLimiterTests {
    /// The limiter reads tags the way libxml2's HTML parser does: script text, comments, quoted
    /// `>` and attributes without values do not confuse it, and a page under the limit is untouched.
    @Test func theLimiterLeavesOrdinaryMarkupAlone() {
        let html = """
            <p a=1 b='>' c="x>y" disabled>t</p><!-- <x a=1 b=2> --><script>if (a<b && c>d) { x = "<y z=1>" }</script>
            <![CDATA[<q r=1>]]><img src=x alt = "y" / >
            """
        var limiter = AttributeLimiter(dialect: .html, limit: 4, insertsMarker: false)
        var output: [UInt8] = []
        Array(html.utf8).withUnsafeBytes { limiter.filter($0, into: &output) }
        #expect(String(decoding: output, as: UTF8.self) == html)
        #expect(limiter.excessCount == 0)
        var cut: [UInt8] = []
        var strict = AttributeLimiter(dialect: .xml, limit: 2, insertsMarker: true)
        Array("<a x='1' y=\"2\" z='3' w='4'/><b/>".utf8).withUnsafeBytes { strict.filter($0, into: &cut) }
        #expect(String(decoding: cut, as: UTF8.self) == "<a x='1' y=\"2\"  vtr-excess-attributes=\"2\"/><b/>")
    }

    /// Tags cut anywhere between chunks are counted the same.
    @Test func chunkBoundariesDoNotMatter() {
        let text = Array("<r><a x='1' y=\"2\" z='3' w='4'>t</a><!-- <b c=1 d=2 e=3> --><c/></r>".utf8)
        for size in 1...text.count {
            var limiter = AttributeLimiter(dialect: .xml, limit: 2, insertsMarker: true)
            var output: [UInt8] = []
            var start = 0
            while start < text.count {
                let end = min(text.count, start + size)
                text[start..<end].withUnsafeBytes { limiter.filter($0, into: &output) }
                start = end
            }
            #expect(
                String(decoding: output, as: UTF8.self)
                    == "<r><a x='1' y=\"2\"  vtr-excess-attributes=\"2\">t</a><!-- <b c=1 d=2 e=3> --><c/></r>",
                "\(size)")
            #expect(limiter.excessCount == 1)
        }
    }
}
