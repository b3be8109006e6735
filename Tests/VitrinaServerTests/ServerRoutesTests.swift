import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VitrinaServer

@Suite("Server routes")
struct ServerRoutesTests {
    @Test func searchByQueryStringAndJSONGivesTheCLIShape() async throws {
        let fixture = try TestServer(adminKey: nil)
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(
                uri:
                    "/search?q=%D1%82%D0%B5%D0%BB%D0%B5%D0%B2%D0%B8%D0%B7%D0%BE%D1%80&filter=vendor=Samsung&facets=vendor,price",
                method: .get
            ) { response in
                #expect(response.status == .ok)
                let object = try response.object()
                #expect(object["total"] as? Int == 1)
                #expect(object["version"] as? Int == 1)
                #expect(object["took_us"] is Int)
                let hits = try #require(object["hits"] as? [[String: Any]])
                #expect(hits.first?["id"] as? String == "tv1")
                let facets = try #require(object["facets"] as? [String: Any])
                #expect(facets["vendor"] != nil && facets["price"] != nil)
                #expect(response.headers[.requestId]?.isEmpty == false)
            }
            let body = #"{"q":"пылесос","filter":{"price":{"max":15000}},"sort":"price:desc","highlight":true}"#
            try await client.execute(uri: "/search", method: .post, body: .text(body)) { response in
                #expect(response.status == .ok)
                let object = try response.object()
                let hits = try #require(object["hits"] as? [[String: Any]])
                #expect(hits.map { $0["id"] as? String } == ["vc1"])
                let highlights = try #require(hits.first?["highlights"] as? [String: String])
                #expect(highlights["title"]?.contains("<em>") == true)
            }
            // Filters as users type them (the CLI's rules): a category path without spaces, да for 1.
            let typed = #"{"filter":["category=Электроника>Телевизоры","available=да"]}"#
            try await client.execute(uri: "/search", method: .post, body: .text(typed)) { response in
                let object = try response.object()
                let hits = try #require(object["hits"] as? [[String: Any]])
                #expect(hits.map { $0["id"] as? String } == ["tv1"])
            }
            let any = #"{"q":"пылесос кронштейн","mode":"any","filter":["available=1"],"limit":10}"#
            try await client.execute(uri: "/search", method: .post, body: .text(any)) { response in
                let object = try response.object()
                #expect(object["total"] as? Int == 3)
            }
        }
    }

    @Test func badInputGetsStableJSONErrors() async throws {
        let fixture = try TestServer(adminKey: nil, maxBodyBytes: 1_000)
        defer { fixture.remove() }
        try await fixture.test { client in
            let cases: [(String, HTTPRequest.Method, String?, HTTPResponse.Status, String)] = [
                ("/search", .post, "{\"q\":", .badRequest, "bad_request"),
                ("/search", .post, "[1,2]", .badRequest, "bad_request"),
                ("/search", .post, #"{"q":"a","limit":-1}"#, .badRequest, "bad_request"),
                ("/search", .post, #"{"q":"a","bogus":1}"#, .badRequest, "bad_request"),
                ("/search", .post, #"{"q":"a","filter":{"price":{"from":1}}}"#, .badRequest, "bad_request"),
                ("/search?q=a&filter=nofield=1", .get, nil, .badRequest, "bad_request"),
                ("/search?q=a&filter=price<abc", .get, nil, .badRequest, "bad_request"),
                ("/search?q=a&sort=title", .get, nil, .badRequest, "bad_request"),
                ("/search?limit=ten", .get, nil, .badRequest, "bad_request"),
                ("/search?unknown=1", .get, nil, .badRequest, "bad_request"),
                ("/search", .post, String(repeating: " ", count: 2_000), .contentTooLarge, "payload_too_large"),
                ("/nowhere", .get, nil, .notFound, "not_found"),
                ("/search", .delete, nil, .methodNotAllowed, "method_not_allowed"),
                ("/products/tv1", .put, "{}", .methodNotAllowed, "method_not_allowed"),
                ("/facets/vendor/x", .get, nil, .notFound, "not_found"),
                ("/products/none", .get, nil, .notFound, "not_found"),
                ("/ask", .post, #"{"q":""}"#, .badRequest, "bad_request"),
                ("/ask", .post, "\u{1}\u{2}", .badRequest, "bad_request"),
                ("/multi-search", .post, #"{"queries":3}"#, .badRequest, "bad_request"),
                ("/facets/price", .get, nil, .badRequest, "bad_request"),
                ("/products", .post, #"{"id":"x"}"#, .forbidden, "forbidden"),
            ]
            for (uri, method, body, status, code) in cases {
                try await client.execute(
                    uri: uri, method: method, headers: [.requestId: "test-1"], body: body.map { .text($0) }
                ) { response in
                    #expect(response.status == status, "\(method) \(uri)")
                    let shape = try response.decode(ErrorShape.self)
                    #expect(shape.error.code == code, "\(method) \(uri)")
                    #expect(shape.error.requestId == "test-1")
                    #expect(!shape.error.message.isEmpty)
                    #expect(response.headers[.requestId] == "test-1")
                    if status == .methodNotAllowed { #expect(response.headers[.allow]?.contains("GET") == true) }
                }
            }
        }
    }

    @Test func askGivesTheParseHitsAndSpokenAnswer() async throws {
        let fixture = try TestServer(adminKey: nil)
        defer { fixture.remove() }
        try await fixture.test { client in
            let body = #"{"q":"где купить телевизор самсунг дешевле тридцати тысяч","limit":3}"#
            try await client.execute(uri: "/ask", method: .post, body: .text(body)) { response in
                #expect(response.status == .ok)
                let object = try response.object()
                let hits = try #require(object["hits"] as? [[String: Any]])
                #expect(hits.first?["id"] as? String == "tv1")
                #expect((object["answer"] as? String)?.contains("рублей") == true)
                #expect(object["parsed"] is [String: Any])
                #expect(object["relaxed"] is [Any] && object["categories"] is [Any])
            }
            try await client.execute(uri: "/ask?q=%D0%BF%D1%8B%D0%BB%D0%B5%D1%81%D0%BE%D1%81", method: .get) {
                response in
                #expect(response.status == .ok)
                let object = try response.object()
                #expect(object["total"] as? Int == 2)
            }
        }
    }

    @Test func productsHealthStatsMultiSearchAndMetrics() async throws {
        let fixture = try TestServer(adminKey: nil)
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/products/vc1", method: .get) { response in
                #expect(response.status == .ok)
                let object = try response.object()
                #expect(object["title"] as? String == "Пылесос Philips PowerPro")
                #expect(object["categoryPath"] as? [String] == ["Бытовая техника", "Пылесосы"])
            }
            try await client.execute(uri: "/health", method: .get) { response in
                let object = try response.object()
                #expect(object["status"] as? String == "ok")
            }
            try await client.execute(uri: "/stats", method: .get) { response in
                let object = try response.object()
                #expect(object["documents"] as? Int == 5)
                #expect(object["voiceSearch"] as? Bool == true)
            }
            let multi = #"{"queries":[{"q":"пылесос"},{"q":"телевизор","filter":"nofield=1"},{"q":"","limit":0}]}"#
            try await client.execute(uri: "/multi-search", method: .post, body: .text(multi)) { response in
                #expect(response.status == .ok)
                let results = try #require(try response.object()["results"] as? [[String: Any]])
                #expect(results.count == 3)
                #expect(results[0]["total"] as? Int == 2)
                #expect((results[1]["error"] as? [String: Any])?["code"] as? String == "bad_request")
                #expect(results[2]["total"] as? Int == 5)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(
                    text.contains("vitrina_http_requests_total{route=\"/search\"")
                        || text.contains("route=\"/multi-search\""))
                #expect(text.contains("vitrina_index_documents 5"))
                #expect(text.contains("vitrina_http_request_duration_seconds_bucket"))
            }
        }
    }

    @Test func suggestCompletesVendorsCategoriesAndTitlesWithTypos() async throws {
        let fixture = try TestServer(adminKey: nil)
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/suggest?q=sam", method: .get) { response in
                #expect(response.status == .ok)
                let object = try response.decode(SuggestShape.self)
                #expect(object.completions.first?.value == "Samsung")
                #expect(object.completions.first?.count == 2)
                #expect(Set(object.products.map(\.id)) == ["tv1", "vc2"])
            }
            // One edit away ("philps"), a prefix of 4 characters or more.
            try await client.execute(uri: "/suggest?q=philps", method: .get) { response in
                let object = try response.decode(SuggestShape.self)
                #expect(object.completions.map(\.value) == ["Philips"])
                #expect(object.completions.first?.typo == true)
            }
            try await client.execute(uri: "/suggest?q=%D0%BF%D1%8B%D0%BB", method: .get) { response in
                let object = try response.decode(SuggestShape.self)
                #expect(object.completions.map(\.value).contains("Бытовая техника > Пылесосы"))
                #expect(Set(object.products.map(\.id)) == ["vc1", "vc2"])
            }
            try await client.execute(uri: "/facets/vendor?q=s", method: .get) { response in
                let object = try response.object()
                let values = try #require(object["values"] as? [[String: Any]])
                #expect(values.first?["value"] as? String == "Samsung" && values.first?["count"] as? Int == 2)
            }
        }
    }

    @Test func corsAnswersAllowedOriginsOnly() async throws {
        let fixture = try TestServer(adminKey: nil, corsOrigins: ["https://shop.example"])
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/search", method: .options, headers: [.origin: "https://shop.example"]) {
                response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == "https://shop.example")
            }
            try await client.execute(uri: "/search?q=a", method: .get, headers: [.origin: "https://evil.example"]) {
                response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }
}

/// `/suggest`'s documented shape.
struct SuggestShape: Decodable {
    struct Completion: Decodable {
        var value: String
        var kind: String
        var count: Int
        var inStock: Int
        var typo: Bool
    }

    struct Product: Decodable {
        var id: String
        var title: String?
    }

    var query: String
    var completions: [Completion]
    var products: [Product]
}
