import Hummingbird

/// The per-request context: Hummingbird's core storage plus what the edge middleware learned.
public struct ServerContext: RequestContext {
    /// Hummingbird's core context.
    public var coreContext: CoreRequestContextStorage
    /// The request id (the client's `X-Request-Id` when it sent a sane one, else the server's).
    public var requestId = ""
    /// Filters a scoped search key imposes on every search of the request.
    public var scopedFilters: [String] = []
    /// Whether the request's key is the admin key (or no keys are configured).
    public var isAdmin = false

    /// Creates the context of a new request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
