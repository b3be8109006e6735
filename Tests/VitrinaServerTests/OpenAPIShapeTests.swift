import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Yams

@testable import VitrinaServer

/// Every route's answers, checked against docs/openapi.yaml: the documented status exists for the
/// route, and the body has the documented types, every required property and no undocumented one.
@Suite("OpenAPI shapes")
struct OpenAPIShapeTests {
    static let specPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml").path

    /// One request: the spec's path template, the method, the URI, a body, the expected status.
    struct Probe: Sendable {
        var template: String
        var method: HTTPRequest.Method
        var uri: String
        var body: String?
        var status: HTTPResponse.Status
        var key = "admin-secret"
    }

    static let probes: [Probe] = [
        Probe(
            template: "/search", method: .get,
            uri: "/search?q=%D0%BF%D1%8B%D0%BB%D0%B5%D1%81%D0%BE%D1%81&facets=vendor,price&highlight=1", status: .ok),
        Probe(template: "/search", method: .get, uri: "/search?filter=price<x", status: .badRequest),
        Probe(template: "/search", method: .get, uri: "/search", status: .unauthorized, key: ""),
        Probe(
            template: "/search", method: .post, uri: "/search", body: #"{"q":"телевизор","facets":["category"]}"#,
            status: .ok),
        Probe(template: "/search", method: .post, uri: "/search", body: "{", status: .badRequest),
        Probe(
            template: "/multi-search", method: .post, uri: "/multi-search",
            body: #"{"queries":[{"q":"телевизор"},{"sort":"title"}]}"#, status: .ok),
        Probe(
            template: "/ask", method: .post, uri: "/ask", body: #"{"q":"самый дешёвый пылесос","explain":"vc1"}"#,
            status: .ok),
        Probe(
            template: "/ask", method: .get, uri: "/ask?q=%D1%82%D0%B5%D0%BB%D0%B5%D0%B2%D0%B8%D0%B7%D0%BE%D1%80",
            status: .ok),
        Probe(template: "/ask", method: .post, uri: "/ask", body: #"{"question":"x"}"#, status: .badRequest),
        Probe(template: "/suggest", method: .get, uri: "/suggest?q=sams", status: .ok),
        Probe(template: "/suggest", method: .get, uri: "/suggest?q=x&limit=99", status: .badRequest),
        Probe(template: "/facets/{field}", method: .get, uri: "/facets/category?q=%D1%82%D0%B5%D0%BB", status: .ok),
        Probe(template: "/facets/{field}", method: .get, uri: "/facets/title", status: .badRequest),
        Probe(template: "/products/{id}", method: .get, uri: "/products/tv1", status: .ok),
        Probe(template: "/products/{id}", method: .get, uri: "/products/nothing", status: .notFound),
        Probe(
            template: "/products", method: .post, uri: "/products",
            body: "{\"id\":\"n1\",\"title\":\"Чайник\"}\n{\"delete\":\"tv2\"}", status: .ok),
        Probe(
            template: "/products", method: .post, uri: "/products", body: "{\"id\":\"n2\"}\n{\"id\":1}",
            status: .badRequest),
        Probe(
            template: "/products", method: .post, uri: "/products", body: "{\"delete\":\"tv1\"}", status: .forbidden,
            key: "search-1"),
        Probe(template: "/health", method: .get, uri: "/health", status: .ok, key: ""),
        Probe(template: "/stats", method: .get, uri: "/stats", status: .ok),
        Probe(template: "/metrics", method: .get, uri: "/metrics", status: .ok, key: ""),
    ]

    @Test func everyRouteAnswersTheDocumentedShape() async throws {
        let text = try String(contentsOfFile: Self.specPath, encoding: .utf8)
        let spec = try #require(try Yams.load(yaml: text) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: Any])
        // Every documented route is probed, and every probe's route is documented.
        #expect(Set(paths.keys) == Set(Self.probes.map(\.template)))
        let fixture = try TestServer(adminKey: "admin-secret", searchKeys: ["search-1"])
        defer { fixture.remove() }
        // Ask everything first (the spec is not Sendable), then check each answer.
        let answers = try await fixture.test { client in
            var answers: [(status: HTTPResponse.Status, contentType: String, body: [UInt8])] = []
            for probe in Self.probes {
                let headers: HTTPFields = probe.key.isEmpty ? [:] : [.vitrinaKey: probe.key]
                answers.append(
                    try await client.execute(
                        uri: probe.uri, method: probe.method, headers: headers, body: probe.body.map { .text($0) }
                    ) { ($0.status, $0.headers[.contentType] ?? "", Array($0.body.readableBytesView)) })
            }
            return answers
        }
        var problems: [String] = []
        for (probe, answer) in zip(Self.probes, answers) {
            let place = "\(probe.method) \(probe.uri)"
            guard answer.status == probe.status else {
                problems.append("\(place): status \(answer.status.code), expected \(probe.status.code)")
                continue
            }
            guard
                let operation = (paths[probe.template] as? [String: Any])?[probe.method.rawValue.lowercased()]
                    as? [String: Any],
                let responses = operation["responses"] as? [String: Any],
                let documented = responses[String(answer.status.code)]
            else {
                problems.append("\(place): status \(answer.status.code) is not documented")
                continue
            }
            let response = try Schema.resolve(documented, in: spec)
            let content = try #require(response["content"] as? [String: Any], "\(place)")
            if answer.contentType.hasPrefix("text/plain") {
                #expect(content["text/plain"] != nil, "\(place)")
                continue
            }
            let schema = try #require(
                (content["application/json"] as? [String: Any])?["schema"] as? [String: Any], "\(place)")
            problems += Schema(spec: spec).check(try JSON.parse(answer.body), against: schema, at: place)
        }
        #expect(problems == [])
    }

    @Test func theCheckerCatchesShapeMistakes() throws {
        let spec = try #require(
            try Yams.load(yaml: try String(contentsOfFile: Self.specPath, encoding: .utf8)) as? [String: Any])
        let checker = Schema(spec: spec)
        let error: [String: Any] = ["$ref": "#/components/schemas/Error"]
        #expect(
            checker.check(
                try JSON.parse(Array(#"{"error":{"code":"bad_request","message":"m"}}"#.utf8)), against: error, at: "e"
            ).isEmpty)
        #expect(
            !checker.check(try JSON.parse(Array(#"{"error":{"code":"bad_request"}}"#.utf8)), against: error, at: "e")
                .isEmpty)
        #expect(
            !checker.check(
                try JSON.parse(Array(#"{"error":{"code":"oops","message":"m"}}"#.utf8)), against: error, at: "e"
            ).isEmpty)
        #expect(
            !checker.check(
                try JSON.parse(Array(#"{"error":{"code":"internal","message":1}}"#.utf8)), against: error, at: "e"
            ).isEmpty)
        #expect(
            !checker.check(
                try JSON.parse(Array(#"{"error":{"code":"internal","message":"m"},"x":1}"#.utf8)), against: error,
                at: "e"
            ).isEmpty)
    }
}

/// A structural JSON Schema check (the subset docs/openapi.yaml uses).
struct Schema {
    let spec: [String: Any]

    /// Follows a `$ref` to its target.
    static func resolve(_ node: Any, in spec: [String: Any]) throws -> [String: Any] {
        guard var object = node as? [String: Any] else { throw TestFailure("not an object: \(node)") }
        var hops = 0
        while let reference = object["$ref"] as? String, hops < 20 {
            var target: Any = spec
            for part in reference.dropFirst(2).split(separator: "/") {
                guard let next = (target as? [String: Any])?[String(part)] else {
                    throw TestFailure("dangling reference \(reference)")
                }
                target = next
            }
            guard let resolved = target as? [String: Any] else { throw TestFailure("bad reference \(reference)") }
            object = resolved
            hops += 1
        }
        return object
    }

    func check(_ value: JSON, against node: [String: Any], at path: String) -> [String] {
        let schema: [String: Any]
        do {
            schema = try Self.resolve(node, in: spec)
        } catch {
            return ["\(path): \(error)"]
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let fits = options.filter { check(value, against: $0, at: path).isEmpty }.count
            return fits == 1 ? [] : ["\(path): matches \(fits) of the oneOf schemas, not one"]
        }
        var problems: [String] = []
        if let allowed = schema["enum"] as? [Any] {
            let text: String? =
                switch value {
                case .string(let s): s
                case .number(let n): n == n.rounded() ? String(Int(n)) : String(n)
                default: nil
                }
            if let text, !allowed.contains(where: { "\($0)" == text }) {
                problems.append("\(path): \(text) is not one of \(allowed)")
            }
        }
        switch (schema["type"] as? String, value) {
        case (nil, _): return problems
        case ("string", .string), ("boolean", .bool), ("number", .number): return problems
        case ("integer", .number(let number)) where number == number.rounded(): return problems
        case ("array", .array(let items)):
            guard let itemSchema = schema["items"] as? [String: Any] else { return problems }
            for (index, item) in items.enumerated() {
                problems += check(item, against: itemSchema, at: "\(path)[\(index)]")
            }
            return problems
        case ("object", .object(let members)):
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where members[name] == nil {
                problems.append("\(path): required \(name) is missing")
            }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let property = properties[name] as? [String: Any] {
                    problems += check(member, against: property, at: "\(path).\(name)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += check(member, against: additional, at: "\(path).\(name)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): \(name) is not documented")
                }
            }
            return problems
        case (let type?, _):
            return problems + ["\(path): expected \(type), found \(value)"]
        }
    }
}
