/// How `vitrina serve` runs: where the index is, where to listen, keys, origins and limits.
public struct ServerOptions: Sendable {
    /// The index directory.
    public var indexPath: String
    /// The address to bind (loopback by default: exposing the API is a decision, not a default).
    public var host: String
    /// The TCP port (0: any free port).
    public var port: Int
    /// The key that may write (`POST /products`); nil: writes need no key.
    public var adminKey: String?
    /// Keys that may read, and the secrets scoped keys are signed with.
    ///
    /// With no key at all (none here, no admin key), reads need no key.
    public var searchKeys: [String]
    /// Origins allowed to call the API from a browser (`*` for any).
    public var corsOrigins: [String]
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// How often the index's manifest is checked for a new commit.
    public var reloadInterval: Duration
    /// Whether one access log line per request goes to standard error.
    public var accessLog: Bool
    /// The folder of the demo storefront page (`demo/` in the repository), served under `/demo/`;
    /// nil: no page.
    public var demoDirectory: String?
    /// Seconds a connection may stay silent (a slow or idle client) before it is closed.
    public var idleTimeoutSeconds = 30

    /// Creates options; see the properties for the defaults' reasons.
    public init(
        indexPath: String, host: String = "127.0.0.1", port: Int = 7700, adminKey: String? = nil,
        searchKeys: [String] = [], corsOrigins: [String] = [], maxBodyBytes: Int = 8 << 20,
        reloadInterval: Duration = .milliseconds(500), accessLog: Bool = true
    ) {
        self.indexPath = indexPath
        self.host = host
        self.port = port
        self.adminKey = adminKey
        self.searchKeys = searchKeys
        self.corsOrigins = corsOrigins
        self.maxBodyBytes = maxBodyBytes
        self.reloadInterval = reloadInterval
        self.accessLog = accessLog
    }

    /// Whether any key is configured (then every route but `/health` needs one).
    var requiresKeys: Bool { adminKey != nil || !searchKeys.isEmpty }
}
