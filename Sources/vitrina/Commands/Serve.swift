import ArgumentParser
import Foundation
import Synchronization
import VitrinaServer

/// `vitrina serve`: the storefront HTTP API over an index (README, "HTTP API").
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve an index over HTTP: search, ask, suggest, facets, products, metrics.",
        discussion: """
            Binds 127.0.0.1 unless --host says otherwise. New commits to the index (vitrina index, \
            POST /products) are picked up without dropping requests. Stops gracefully on SIGTERM or SIGINT. \
            Keys may also come from VITRINA_ADMIN_KEY and VITRINA_SEARCH_KEYS (comma-separated). \
            With --scoped-key, prints a scoped search key made from the first --search-key and exits.
            """
    )

    @Option(name: .long, help: "The index directory.")
    var index: String

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The TCP port (0: any free port, printed on standard error).")
    var port = 7700

    @Option(name: .long, help: "The key that may write (POST /products); without it writes are refused.")
    var adminKey: String?

    @Option(name: .long, help: "A key that may search (repeatable); with no key at all, reads are open.")
    var searchKey: [String] = []

    @Option(name: .long, help: "An origin allowed to call the API from a browser, or * (repeatable).")
    var corsOrigin: [String] = []

    @Option(name: .long, help: "The largest request body, in bytes.")
    var maxBody = 8 << 20

    @Option(name: .long, help: "How often to look for a new commit, in milliseconds.")
    var reloadMs = 500

    @Option(name: .long, help: "Serve the demo storefront page from this folder (the repository's demo/) at /.")
    var demo: String?

    @Flag(name: .long, help: "No access log lines on standard error.")
    var quiet = false

    @Flag(name: .long, help: "Print a scoped search key (with --scope-filter, --scope-expires-at) and exit.")
    var scopedKey = false

    @Option(name: .long, help: "A filter the scoped key imposes (repeatable; --filter syntax).")
    var scopeFilter: [String] = []

    @Option(name: .long, help: "When the scoped key expires (unix seconds).")
    var scopeExpiresAt: Int?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxBody > 0 else { throw ValidationError("--max-body must be positive") }
        guard (10...60_000).contains(reloadMs) else {
            throw ValidationError("--reload-ms must be between 10 and 60000")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let searchKeys =
            searchKey + (environment["VITRINA_SEARCH_KEYS"] ?? "").split(separator: ",").map(String.init)
        if scopedKey {
            guard let parent = searchKeys.first else {
                throw ValidationError("--scoped-key needs a --search-key to sign with")
            }
            let scope = APIKeys.Scope(filter: scopeFilter.isEmpty ? nil : scopeFilter, expiresAt: scopeExpiresAt)
            print(try APIKeys.scopedKey(parent: parent, scope: scope))
            return
        }
        var configured = ServerOptions(
            indexPath: index, host: host, port: port, adminKey: adminKey ?? environment["VITRINA_ADMIN_KEY"],
            searchKeys: searchKeys, corsOrigins: corsOrigin, maxBodyBytes: maxBody,
            reloadInterval: .milliseconds(reloadMs), accessLog: !quiet)
        configured.demoDirectory = demo
        let options = configured
        let server = try StorefrontServer(options: options)
        let outcome = Mutex<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { port in
                    var standardError = StandardError()
                    print("vitrina serve: listening on http://\(options.host):\(port)", to: &standardError)
                }
            } catch {
                outcome.withLock { $0 = error }
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.withLock({ $0 }) { throw error }
    }
}
