import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VitrinaServer

@Suite("Server keys and writes")
struct ServerKeysAndWritesTests {
    static let pylesos = "%D0%BF%D1%8B%D0%BB%D0%B5%D1%81%D0%BE%D1%81"  // «пылесос»

    @Test func keysGateReadsAndWritesAndScopedKeysAddTheirFilters() async throws {
        let fixture = try TestServer(adminKey: "admin-secret", searchKeys: ["search-1"])
        defer { fixture.remove() }
        let scoped = try APIKeys.scopedKey(parent: "search-1", scope: .init(filter: ["vendor=Samsung"]))
        let expired = try APIKeys.scopedKey(parent: "search-1", scope: .init(expiresAt: 1_000))
        let foreign = try APIKeys.scopedKey(parent: "not-a-key-of-the-server", scope: .init())
        let tampered = scoped.dropLast() + (scoped.hasSuffix("0") ? "1" : "0")
        try await fixture.test { client in
            let cases: [(HTTPFields, String, HTTPResponse.Status, String?)] = [
                ([:], "/search?q=\(Self.pylesos)", .unauthorized, "unauthorized"),
                ([.vitrinaKey: "wrong"], "/search?q=\(Self.pylesos)", .unauthorized, "unauthorized"),
                ([.vitrinaKey: foreign], "/search?q=\(Self.pylesos)", .unauthorized, "unauthorized"),
                ([.vitrinaKey: String(tampered)], "/search?q=\(Self.pylesos)", .unauthorized, "unauthorized"),
                ([.vitrinaKey: expired], "/search?q=\(Self.pylesos)", .forbidden, "forbidden"),
                ([.vitrinaKey: "search-1"], "/search?q=\(Self.pylesos)", .ok, nil),
                ([.authorization: "Bearer search-1"], "/search?q=\(Self.pylesos)", .ok, nil),
                ([:], "/search?q=\(Self.pylesos)&key=admin-secret", .ok, nil),
                ([:], "/health", .ok, nil),
                ([:], "/metrics", .ok, nil),
            ]
            for (headers, uri, status, code) in cases {
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    #expect(response.status == status, "\(headers) \(uri)")
                    if let code {
                        let actual = try response.errorCode()
                        #expect(actual == code, "\(headers) \(uri)")
                    }
                }
            }
            try await client.execute(uri: "/search?q=\(Self.pylesos)", method: .get, headers: [.vitrinaKey: scoped]) {
                response in
                let object = try response.object()
                let hits = try #require(object["hits"] as? [[String: Any]])
                #expect(hits.map { $0["id"] as? String } == ["vc2"])
            }
            try await client.execute(
                uri: "/products", method: .post, headers: [.vitrinaKey: "search-1"], body: .text(#"{"delete":"tv1"}"#)
            ) { response in
                #expect(response.status == .forbidden)
                let code = try response.errorCode()
                #expect(code == "forbidden")
            }
        }
    }

    @Test func ndjsonWritesAreAllOrNothingWithPerLineResults() async throws {
        let fixture = try TestServer(adminKey: "admin-secret")
        defer { fixture.remove() }
        let admin: HTTPFields = [.vitrinaKey: "admin-secret"]
        try await fixture.test { client in
            let bad = """
                {"id":"new1","title":"Утюг Tefal FV","vendor":"Tefal","price":3990,"available":true}
                {"delete":"tv2"}
                {"id":"new2","price":"дорого"}
                not json
                """
            try await client.execute(uri: "/products", method: .post, headers: admin, body: .text(bad)) { response in
                #expect(response.status == .badRequest)
                let object = try response.object()
                #expect(object["failed"] as? Int == 2)
                let lines = try #require(object["lines"] as? [[String: Any]])
                #expect(lines.map { $0["line"] as? Int } == [1, 2, 3, 4])
                #expect(lines.map { $0["status"] as? String } == ["not_applied", "not_applied", "error", "error"])
                #expect(((lines[2]["error"] as? [String: Any])?["message"] as? String)?.contains("price") == true)
            }
            try await client.execute(uri: "/products/new1", method: .get, headers: admin) { response in
                #expect(response.status == .notFound)
            }
            let good = """
                {"id":"new1","title":"Утюг Tefal FV","vendor":"Tefal","price":3990,"available":true}

                {"delete":"tv2"}
                {"delete":"never-was"}
                """
            try await client.execute(uri: "/products", method: .post, headers: admin, body: .text(good)) { response in
                #expect(response.status == .ok)
                let object = try response.object()
                #expect(object["added"] as? Int == 1 && object["deleted"] as? Int == 1 && object["failed"] as? Int == 0)
                let lines = try #require(object["lines"] as? [[String: Any]])
                #expect(lines.map { $0["line"] as? Int } == [1, 3, 4])
                #expect(lines.map { $0["status"] as? String } == ["ok", "ok", "not_found"])
                #expect(object["generation"] as? Int == 2)
            }
            // Visible at once: the write reloads the snapshot before answering.
            try await client.execute(uri: "/products/new1", method: .get, headers: admin) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/products/tv2", method: .get, headers: admin) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
