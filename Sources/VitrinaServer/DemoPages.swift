import Foundation
import Hummingbird

/// The demo storefront page (`demo/` in the repository), served under `/demo/`.
///
/// `/` leads there; only plain file names of the folder are served, never a path.
struct DemoPages: Sendable {
    /// The folder holding `index.html`, `app.js` and `style.css`.
    let directory: String

    /// Content types by file extension.
    private static let types = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png",
    ]

    /// Whether `path` is one of the page's (it needs no key: the page carries its own).
    static func isPagePath(_ path: String) -> Bool {
        path == "/" || path == "/demo" || path.hasPrefix("/demo/")
    }

    /// The file `name` of the folder.
    ///
    /// - Throws: ``APIError`` `not_found` for a name that is not a plain file name of the folder.
    func file(_ name: String) throws -> Response {
        let plain =
            !name.isEmpty && !name.hasPrefix(".")
            && name.allSatisfy { $0.isLetter || $0.isNumber || "._-".contains($0) }
        let type = Self.types[String(name.split(separator: ".").last ?? "")]
        guard plain, let type, let data = FileManager.default.contents(atPath: directory + "/" + name) else {
            throw APIError.notFound("no demo file \(name)")
        }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A redirect to the page, keeping the query (`?key=`, `?q=`).
    static func redirect(query: String?) -> Response {
        let suffix = query.map { $0.isEmpty ? "" : "?" + $0 } ?? ""
        return Response(status: .found, headers: [.location: "/demo/index.html" + suffix])
    }
}
