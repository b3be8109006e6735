import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import VitrinaIndex
import VitrinaModel
import VitrinaServer

/// A temporary index and a server over it, driven in process (no socket).
struct TestServer {
    static let products = [
        Product(
            id: "tv1", title: "Телевизор Samsung UE43", vendor: "Samsung", categoryPath: ["Электроника", "Телевизоры"],
            description: "Яркий телевизор с тонкой рамкой", price: 24_990, currency: "RUB", available: true,
            url: "https://shop.example/tv1"),
        Product(
            id: "tv2", title: "Телевизор LG 55", vendor: "LG", categoryPath: ["Электроника", "Телевизоры"],
            price: 54_990, currency: "RUB", available: false),
        Product(
            id: "br1", title: "Кронштейн для телевизора настенный", vendor: "Kromax",
            categoryPath: ["Электроника", "Аксессуары"], price: 1_990, currency: "RUB", available: true),
        Product(
            id: "vc1", title: "Пылесос Philips PowerPro", vendor: "Philips",
            categoryPath: ["Бытовая техника", "Пылесосы"], price: 9_990, currency: "RUB", available: true),
        Product(
            id: "vc2", title: "Пылесос Samsung Jet", vendor: "Samsung", categoryPath: ["Бытовая техника", "Пылесосы"],
            price: 19_990, currency: "RUB", available: true),
    ]

    let path: String
    let server: StorefrontServer

    /// Writes the test products to a new temporary index and opens a server over it.
    init(
        adminKey: String? = "admin-secret", searchKeys: [String] = [], corsOrigins: [String] = [],
        maxBodyBytes: Int = 1 << 20, demoDirectory: String? = nil
    ) throws {
        path = NSTemporaryDirectory() + "vitrina-serve-" + UUID().uuidString
        let writer = try IndexWriter(path: path)
        for product in Self.products { try writer.add(product) }
        try writer.commit()
        var options = ServerOptions(
            indexPath: path, port: 0, adminKey: adminKey, searchKeys: searchKeys, corsOrigins: corsOrigins,
            maxBodyBytes: maxBodyBytes, reloadInterval: .milliseconds(50), accessLog: false)
        options.demoDirectory = demoDirectory
        server = try StorefrontServer(options: options)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs `body` with a client of the server's router.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: server.router())
        return try await app.test(.router, body)
    }
}

extension TestResponse {
    /// The body decoded as JSON into `type`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(body.readableBytesView))
    }

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        else { throw TestFailure("not a JSON object: \(String(buffer: body))") }
        return object
    }

    /// The error code of a JSON error answer.
    func errorCode() throws -> String? {
        try decode(ErrorShape.self).error.code
    }
}

/// A failed expectation inside a helper.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The documented error shape.
struct ErrorShape: Decodable {
    struct Detail: Decodable {
        var code: String
        var message: String
        var requestId: String
    }

    var error: Detail
}

extension ByteBuffer {
    /// A buffer holding `text`'s UTF-8.
    static func text(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}

extension HTTPField.Name {
    static let vitrinaKey = HTTPField.Name("X-Vitrina-Key") ?? .authorization
    static let requestId = HTTPField.Name("X-Request-Id") ?? .authorization
}
