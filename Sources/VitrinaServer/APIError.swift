import HTTPTypes

/// An error the API answers with: an HTTP status, a stable code and a message for people.
///
/// Every failure leaves the server as `{"error":{"code":…,"message":…,"requestId":…}}`; the codes
/// are part of the API (docs/openapi.yaml) and never change meaning.
public struct APIError: Error, Sendable, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The stable code (`bad_request`, `not_found`, …).
    public var code: String
    /// What went wrong, for people.
    public var message: String

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// A request the server cannot understand: bad JSON, a bad parameter, an unknown field.
    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, code: "bad_request", message) }
    /// No key, or a key the server does not know.
    static func unauthorized(_ message: String) -> APIError { APIError(.unauthorized, code: "unauthorized", message) }
    /// A known key that may not do this (a search key writing, an expired scoped key).
    static func forbidden(_ message: String) -> APIError { APIError(.forbidden, code: "forbidden", message) }
    /// An unknown route or product.
    static func notFound(_ message: String) -> APIError { APIError(.notFound, code: "not_found", message) }
    /// A known route asked with a method it does not answer.
    static func methodNotAllowed(_ message: String) -> APIError {
        APIError(.methodNotAllowed, code: "method_not_allowed", message)
    }
    /// A body over the server's `--max-body`.
    static func payloadTooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "payload_too_large", "the request body is over the limit of \(limit) bytes")
    }
    /// The index is being written by someone else, or cannot be read now.
    static func conflict(_ message: String) -> APIError { APIError(.conflict, code: "conflict", message) }
    /// The server could not do what was asked because of its own or the index's state.
    static func `internal`(_ message: String) -> APIError {
        APIError(.internalServerError, code: "internal", message)
    }
    /// The server cannot serve this right now (no index yet, voice search unavailable).
    static func unavailable(_ message: String) -> APIError {
        APIError(.serviceUnavailable, code: "unavailable", message)
    }
}
