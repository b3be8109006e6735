import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VitrinaServer

@Suite("Demo storefront page")
struct DemoPagesTests {
    /// The repository's demo/ folder.
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("demo").path

    @Test func theFilesAreServedWithoutAKeyAndNothingElseIs() async throws {
        let fixture = try TestServer(adminKey: "admin-secret", searchKeys: ["search-secret"], demoDirectory: Self.demo)
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/?key=search-secret&q=tv", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/demo/index.html?key=search-secret&q=tv")
            }
            for (file, type) in [("index.html", "text/html"), ("app.js", "text/javascript"), ("style.css", "text/css")]
            {
                try await client.execute(uri: "/demo/\(file)", method: .get) { response in
                    #expect(response.status == .ok, "\(file)")
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(file)")
                    #expect(response.body.readableBytes > 100, "\(file)")
                }
            }
            // Only plain names of the folder: no other folder, no hidden file, no unknown type.
            for name in ["..%2FPackage.swift", ".hidden.js", "missing.html", "index.txt"] {
                try await client.execute(uri: "/demo/\(name)", method: .get) { response in
                    #expect(response.status == .notFound, "\(name)")
                }
            }
            // The API still needs its key.
            try await client.execute(uri: "/search?q=tv", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func withoutADemoFolderThereIsNoPage() async throws {
        let fixture = try TestServer(adminKey: nil)
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/demo/index.html", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
