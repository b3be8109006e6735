import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// What every request goes through first: a request id, keys, CORS, errors turned into JSON,
/// metrics and the access log line.
struct EdgeMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    let keys: APIKeys
    let corsOrigins: [String]
    let metrics: ServerMetrics
    let accessLog: Bool
    /// Numbers server-made request ids.
    let counter: RequestCounter

    static let requestIdHeader = headerName("X-Request-Id")
    static let keyHeader = headerName("X-Vitrina-Key")

    /// A header name known to be valid.
    static func headerName(_ name: String) -> HTTPField.Name {
        guard let field = HTTPField.Name(name) else { preconditionFailure("\(name) is not a header name") }
        return field
    }

    /// Routes that need no key.
    static let openRoutes: Set<String> = ["/health", "/metrics"]

    func handle(
        _ request: Request, context: ServerContext,
        next: (Request, ServerContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var context = context
        context.requestId = Self.requestId(request) ?? counter.next()
        let origin = request.headers[.origin]
        let allowedOrigin = origin.flatMap { origin in
            corsOrigins.contains("*") ? "*" : corsOrigins.contains(origin) ? origin : nil
        }
        var response: Response
        if request.method == .options, origin != nil {
            // A CORS preflight: answered here, no key needed (browsers send none).
            response = Response(status: allowedOrigin == nil ? .forbidden : .noContent)
            if allowedOrigin != nil {
                response.headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
                response.headers[.accessControlAllowHeaders] =
                    "Content-Type, Authorization, X-Vitrina-Key, X-Request-Id"
                response.headers[.accessControlMaxAge] = "600"
            }
        } else {
            do {
                try authorize(request, &context)
                response = try await next(request, context)
            } catch {
                let error = Self.apiError(error, path: request.uri.path)
                response = Self.errorResponse(error, requestId: context.requestId)
                if error.status == .methodNotAllowed, let methods = Self.allowedMethods(request.uri.path) {
                    response.headers[.allow] = methods
                }
            }
        }
        if let allowedOrigin {
            response.headers[.accessControlAllowOrigin] = allowedOrigin
            if allowedOrigin != "*" { response.headers[.vary] = "Origin" }
        }
        response.headers[Self.requestIdHeader] = context.requestId
        let elapsed = start.duration(to: .now)
        let route = context.endpointPath ?? "unmatched"
        metrics.record(
            route: route, method: request.method.rawValue, status: response.status.code, duration: elapsed)
        if accessLog {
            let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
            let line =
                "\(ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: .withInternetDateTime)) "
                + "\(context.requestId) \(request.method.rawValue) \(request.uri.path) \(response.status.code) "
                + "\(micros)us\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        return response
    }

    /// Checks the request's key for its route; sets the context's scope.
    private func authorize(_ request: Request, _ context: inout ServerContext) throws {
        guard keys.configured else {
            context.isAdmin = false
            return
        }
        let path = request.uri.path
        if Self.openRoutes.contains(path) || DemoPages.isPagePath(path) { return }
        var key = request.headers[Self.keyHeader]
        if key == nil, let bearer = request.headers[.authorization], bearer.hasPrefix("Bearer ") {
            key = String(bearer.dropFirst(7))
        }
        if key == nil { key = request.uri.queryParameters.get("key") }
        switch try keys.access(key) {
        case .admin: context.isAdmin = true
        case .search(let filters): context.scopedFilters = filters
        }
    }

    /// The methods `path` answers (the `Allow` header of a 405), nil for a path that is no route.
    static func allowedMethods(_ path: String) -> String? {
        let exact = [
            "/search": "GET, POST", "/multi-search": "POST", "/ask": "GET, POST", "/suggest": "GET",
            "/products": "POST", "/health": "GET", "/stats": "GET", "/metrics": "GET",
        ]
        if let methods = exact[path] { return methods }
        for prefix in ["/products/", "/facets/"] where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            return rest.isEmpty || rest.contains("/") ? nil : "GET"
        }
        return nil
    }

    /// A client's request id when it is short and printable, else nil.
    static func requestId(_ request: Request) -> String? {
        guard let id = request.headers[requestIdHeader], (1...128).contains(id.utf8.count),
            id.utf8.allSatisfy({ (0x21...0x7e).contains($0) })
        else { return nil }
        return id
    }

    /// Maps any error to the API's: ours as they are, Hummingbird's by status, the rest as `internal`.
    static func apiError(_ error: any Error, path: String? = nil) -> APIError {
        if let error = error as? APIError { return error }
        if let error = error as? HTTPError {
            switch error.status {
            case .notFound where path.flatMap(allowedMethods) != nil:
                return .methodNotAllowed("this route does not answer this method")
            case .notFound: return .notFound("no such route")
            case .contentTooLarge:
                return APIError(.contentTooLarge, code: "payload_too_large", "the request body is too large")
            case .methodNotAllowed: return .methodNotAllowed("this route does not answer this method")
            case .badRequest: return .badRequest(error.body ?? "bad request")
            default:
                return APIError(
                    error.status, code: error.status.code < 500 ? "bad_request" : "internal",
                    error.body ?? "\(error.status)")
            }
        }
        if let error = error as? any HTTPResponseError {
            if error.status == .contentTooLarge {
                return APIError(.contentTooLarge, code: "payload_too_large", "the request body is too large")
            }
            return APIError(error.status, code: error.status.code < 500 ? "bad_request" : "internal", "\(error)")
        }
        return .internal("\(error)")
    }

    /// The JSON error response.
    static func errorResponse(_ error: APIError, requestId: String) -> Response {
        let body = ErrorBody(error: .init(code: error.code, message: error.message, requestId: requestId))
        return JSONResponse.make(body, status: error.status)
    }
}

/// Numbers request ids the server makes: a per-process prefix and a counter.
final class RequestCounter: Sendable {
    private let value = Atomic<Int>(0)
    private let prefix = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    func next() -> String {
        "\(prefix)-\(value.add(1, ordering: .relaxed).newValue)"
    }
}

/// JSON responses.
enum JSONResponse {
    /// `value` as a JSON response (keys sorted, so answers are stable).
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            let message = #"{"error":{"code":"internal","message":"the response could not be encoded"}}"#
            return Response(
                status: .internalServerError, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: message)))
        }
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
