import Crypto
import Foundation

/// The server's keys: an admin key for writes, search keys for reads, and scoped search keys.
///
/// A scoped key is made from a search key without asking the server, as Typesense's are:
/// `base64url(JSON parameters) + "." + hex(HMAC-SHA256(search key, base64url part))`. The
/// parameters are `{"filter":["vendor=Samsung",…],"expiresAt":UNIX-SECONDS}` (both optional); the
/// server adds the filters to every search made with the key and refuses it after `expiresAt`.
public struct APIKeys: Sendable {
    /// What a key may do.
    enum Access: Equatable {
        /// Read and write.
        case admin
        /// Read only, with these filters added to every search.
        case search(filters: [String])
    }

    /// The parameters signed into a scoped key.
    public struct Scope: Codable, Sendable, Equatable {
        /// Filters in the `--filter` syntax, added to every search.
        public var filter: [String]?
        /// Unix time in seconds after which the key is refused.
        public var expiresAt: Int?

        /// Creates scope parameters.
        public init(filter: [String]? = nil, expiresAt: Int? = nil) {
            self.filter = filter
            self.expiresAt = expiresAt
        }
    }

    let admin: String?
    let search: [String]

    /// Creates the key set.
    public init(admin: String?, search: [String]) {
        self.admin = admin
        self.search = search
    }

    /// Whether any key is configured; without keys every read is open and writes are refused.
    var configured: Bool { admin != nil || !search.isEmpty }

    /// Makes a scoped key from `parent` (one of the server's search keys).
    public static func scopedKey(parent: String, scope: Scope) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let payload = base64url(try encoder.encode(scope))
        return payload + "." + signature(payload, parent)
    }

    /// What `key` may do, as of `now`.
    ///
    /// - Throws: ``APIError`` `unauthorized` for a missing or unknown key, `forbidden` for an expired
    ///   scoped key.
    func access(_ key: String?, now: Date = Date()) throws -> Access {
        guard let key, !key.isEmpty else {
            throw APIError.unauthorized("this route needs a key (X-Vitrina-Key header or Authorization: Bearer)")
        }
        if let admin, same(key, admin) { return .admin }
        if search.contains(where: { same(key, $0) }) { return .search(filters: []) }
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw APIError.unauthorized("unknown key") }
        let payload = String(parts[0])
        guard search.contains(where: { same(Self.signature(payload, $0), String(parts[1])) }),
            let data = Self.decodeBase64url(payload), let scope = try? JSONDecoder().decode(Scope.self, from: data)
        else { throw APIError.unauthorized("unknown key") }
        if let expiresAt = scope.expiresAt, Double(expiresAt) < now.timeIntervalSince1970 {
            throw APIError.forbidden("this scoped key expired at \(expiresAt) (unix seconds)")
        }
        return .search(filters: scope.filter ?? [])
    }

    static func signature(_ payload: String, _ secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64url(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    /// Compares in time independent of where the strings differ.
    private func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<min(x.count, y.count) { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
