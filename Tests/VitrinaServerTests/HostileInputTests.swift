import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VitrinaServer

/// Random and broken input never crashes the server and always gets a documented answer.
@Suite("Server hostile input")
struct HostileInputTests {
    /// A small deterministic generator (the same inputs every run).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces hostile bodies and query strings are made of.
    static let pieces = [
        "{", "}", "[", "]", "\"", ":", ",", "q", "\"q\"", "\"filter\"", "\"limit\"", "-1", "1e309", "null", "true",
        "\"price<\"", "\"vendor=\"", "{\"min\":\"x\"}", "\\u0000", "\u{0}", "\u{FFFF}", "телевизор", "*", "+", "-",
        "\"\"\"", "%", "%zz", "&", "=", "..", "\n", " ", "\"delete\"", "\"id\"", "9999999999999999999999",
    ]

    static func hostile(_ generator: inout Generator) -> String {
        (0..<Int.random(in: 1...24, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
            .joined()
    }

    @Test func randomBodiesAndQueriesGetDocumentedAnswers() async throws {
        let fixture = try TestServer(adminKey: "admin-secret")
        defer { fixture.remove() }
        let documented: Set<Int> = [200, 400, 401, 403, 404, 409, 413]
        let unexpected = try await fixture.test { client in
            var generator = Generator(state: 15)
            var unexpected: [String] = []
            let headers: HTTPFields = [.vitrinaKey: "admin-secret"]
            for round in 0..<300 {
                let text = Self.hostile(&generator)
                let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let (method, uri, body): (HTTPRequest.Method, String, String?) =
                    switch round % 6 {
                    case 0: (.post, "/search", text)
                    case 1: (.post, "/multi-search", "{\"queries\":[\(text)]}")
                    case 2: (.post, "/ask", text)
                    case 3: (.post, "/products", text)
                    case 4: (.get, "/search?q=\(encoded)&filter=\(encoded)", nil)
                    default: (.get, "/suggest?q=\(encoded)", nil)
                    }
                try await client.execute(uri: uri, method: method, headers: headers, body: body.map { .text($0) }) {
                    response in
                    let status = Int(response.status.code)
                    guard documented.contains(status) else {
                        unexpected.append("\(method) \(uri) \(body ?? ""): \(status)")
                        return
                    }
                    if status != 200, (try? response.decode(ErrorShape.self)) == nil,
                        (try? response.object())?["lines"] == nil
                    {
                        unexpected.append("\(method) \(uri) \(body ?? ""): \(status) without a JSON error")
                    }
                }
            }
            return unexpected
        }
        #expect(unexpected == [])
    }
}
