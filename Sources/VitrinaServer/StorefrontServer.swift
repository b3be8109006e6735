import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import VitrinaIndex
import VitrinaSearch

/// The storefront HTTP API over one index: routes, middleware, hot reload and metrics.
///
/// ```swift
/// let server = try StorefrontServer(options: ServerOptions(indexPath: "shop.index"))
/// try await server.run()  // until SIGTERM or SIGINT
/// ```
public final class StorefrontServer: Sendable {
    /// How the server runs.
    public let options: ServerOptions
    /// The snapshot being served.
    public let store: SnapshotStore
    let metrics = ServerMetrics()
    let writes: ProductWrites
    let keys: APIKeys

    /// Opens the index and prepares the first snapshot.
    ///
    /// - Throws: ``IndexError`` when the index cannot be opened.
    public init(options: ServerOptions) throws {
        self.options = options
        store = try SnapshotStore(path: options.indexPath)
        writes = ProductWrites(store: store)
        keys = APIKeys(admin: options.adminKey, search: options.searchKeys)
        let snapshot = store.current
        metrics.snapshot(generation: snapshot.generation, documents: snapshot.reader.documentCount)
    }

    /// The application: the router plus the reload service, listening where the options say.
    public func application(
        logger: Logger = Logger(label: "vitrina.serve"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let metrics = metrics
        let store = store
        let reload = ReloadService(store: store, interval: options.reloadInterval, logger: logger) { _ in
            let snapshot = store.current
            metrics.snapshot(generation: snapshot.generation, documents: snapshot.reader.documentCount)
        }
        return Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(options.idleTimeoutSeconds)))),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "vitrina"),
            services: [reload],
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests in flight and returns.
    ///
    /// - Parameter onServerRunning: Called with the bound port once the server listens.
    /// - Throws: What binding the address throws (address in use, not permitted).
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "vitrina.serve")
        logger.logLevel = .warning
        try await application(logger: logger, onServerRunning: onServerRunning).runService()
    }

    /// The routes and middleware (also what in-process tests drive).
    public func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(
            middleware: EdgeMiddleware(
                keys: keys, corsOrigins: options.corsOrigins, metrics: metrics, accessLog: options.accessLog,
                counter: RequestCounter()))
        if let directory = options.demoDirectory {
            let pages = DemoPages(directory: directory)
            router.get("/") { request, _ in DemoPages.redirect(query: request.uri.query) }
            router.get("/demo") { request, _ in DemoPages.redirect(query: request.uri.query) }
            router.get("/demo/{file}") { _, context in try pages.file(context.parameters.get("file") ?? "") }
        }
        router.get("/health") { _, _ in
            JSONResponse.make(HealthResponse(status: "ok", generation: self.store.generation))
        }
        router.get("/stats") { _, _ in self.stats() }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: self.metrics.text())))
        }
        router.get("/search") { request, context in
            try self.search(SearchParameters(query: Self.query(request)), context: context)
        }
        router.post("/search") { request, context in
            try self.search(SearchParameters(json: JSON.parse(try await self.body(request))), context: context)
        }
        router.post("/multi-search") { request, context in
            try self.multiSearch(JSON.parse(try await self.body(request)), context: context)
        }
        router.get("/ask") { request, context in
            let query = try Self.query(request)
            var object: [String: JSON] = [:]
            for (name, value) in query {
                switch name {
                case "q", "explain": object[name] = .string(value)
                case "limit":
                    guard let limit = Double(value) else { throw APIError.badRequest("limit: expected an integer") }
                    object[name] = .number(limit)
                case "key": break
                default: throw APIError.badRequest("unknown parameter \(name)")
                }
            }
            return try self.ask(.object(object), context: context)
        }
        router.post("/ask") { request, context in
            try self.ask(JSON.parse(try await self.body(request)), context: context)
        }
        router.get("/suggest") { request, context in try self.suggest(Self.query(request), context: context) }
        router.get("/facets/{field}") { request, context in
            try self.facetSearch(context.parameters.require("field"), Self.query(request), context: context)
        }
        router.get("/products/{id}") { _, context in
            let id = try context.parameters.require("id")
            guard let product = try self.store.current.reader.product(id: id) else {
                throw APIError.notFound("no product with id \(id)")
            }
            return JSONResponse.make(product)
        }
        router.post("/products") { request, context in
            guard context.isAdmin else {
                throw self.keys.admin == nil
                    ? APIError.forbidden("writes are disabled: start the server with --admin-key")
                    : APIError.forbidden("writing needs the admin key")
            }
            let body = try await self.body(request)
            let writes = self.writes
            let (response, applied) = try await offPool { try writes.apply(body) }
            let snapshot = self.store.current
            self.metrics.snapshot(generation: snapshot.generation, documents: snapshot.reader.documentCount)
            return JSONResponse.make(response, status: applied ? .ok : .badRequest)
        }
        return router
    }

    // MARK: - Handlers

    private func search(_ parameters: SearchParameters, context: ServerContext) throws -> Response {
        JSONResponse.make(try runSearch(parameters, snapshot: store.current, context: context))
    }

    private func runSearch(_ parameters: SearchParameters, snapshot: Snapshot, context: ServerContext) throws
        -> SearchReport
    {
        let scoped = try Self.scopedFilters(context, snapshot)
        let start = ContinuousClock.now
        let request = parameters.request(extra: scoped, schema: snapshot.reader.schema)
        let result = try Self.engine { try snapshot.reader.search(request) }
        return SearchReport(
            result: result, tookMicroseconds: Self.micros(since: start),
            maxValuesPerFacet: parameters.maxValuesPerFacet)
    }

    /// The largest number of queries in one `POST /multi-search`.
    static let maximumQueries = 50

    private func multiSearch(_ json: JSON, context: ServerContext) throws -> Response {
        guard let object = json.object, case .array(let queries)? = object["queries"], object.count == 1 else {
            throw APIError.badRequest("expected {\"queries\":[{…search…}, …]}")
        }
        guard queries.count <= Self.maximumQueries else {
            throw APIError.badRequest("at most \(Self.maximumQueries) queries, not \(queries.count)")
        }
        let snapshot = store.current  // every query sees the same commit
        let results = queries.enumerated().map { index, query -> MultiSearchItem in
            do {
                return .result(try runSearch(try SearchParameters(json: query), snapshot: snapshot, context: context))
            } catch {
                let error = EdgeMiddleware.apiError(error)
                return .error(
                    .init(
                        code: error.code, message: "queries[\(index)]: \(error.message)", requestId: context.requestId))
            }
        }
        return JSONResponse.make(MultiSearchResponse(results: results))
    }

    private func ask(_ json: JSON, context: ServerContext) throws -> Response {
        guard let object = json.object else { throw APIError.badRequest("expected {\"q\":\"…\"}") }
        if let unknown = object.keys.sorted().first(where: { !["q", "limit", "explain"].contains($0) }) {
            throw APIError.badRequest("unknown field \(unknown)")
        }
        guard let text = try JSON.string(object["q"], "q"), !text.isEmpty else {
            throw APIError.badRequest("q: expected the spoken text")
        }
        guard text.utf8.count <= 4_096 else { throw APIError.badRequest("q is over 4096 bytes") }
        let limit = try JSON.integer(object["limit"], "limit") ?? 5
        guard (0...SearchParameters.maximumLimit).contains(limit) else {
            throw APIError.badRequest("limit must be between 0 and \(SearchParameters.maximumLimit), not \(limit)")
        }
        guard context.scopedFilters.isEmpty else {
            throw APIError.forbidden("a scoped key cannot ask: voice search does not take the key's filters")
        }
        let voice = try store.current.voice.get()
        let start = ContinuousClock.now
        let result = try Self.engine {
            try voice.ask(text, limit: limit, explain: JSON.string(object["explain"], "explain"))
        }
        return JSONResponse.make(AskReport(result, tookMicroseconds: Self.micros(since: start)))
    }

    private func suggest(_ query: [(String, String)], context: ServerContext) throws -> Response {
        let (text, limit) = try Self.textAndLimit(query, defaultLimit: 5, maximum: 50)
        guard text.utf8.count <= 256 else { throw APIError.badRequest("q is over 256 bytes") }
        let start = ContinuousClock.now
        let snapshot = store.current
        // The last word is being typed: complete it; the words before it are whole.
        let completions = snapshot.suggestions.complete(text, limit: limit).map {
            SuggestResponse.Completion(
                value: $0.entry.value, kind: $0.entry.kind, count: $0.entry.count, inStock: $0.entry.inStock,
                typo: $0.edits > 0)
        }
        var products: [SuggestResponse.Product] = []
        let words = text.split(whereSeparator: { $0.isWhitespace || "\"*+-()".contains($0) })
        if let last = words.last, last.count >= 2 {
            let scoped = try Self.scopedFilters(context, snapshot)
            var request = SearchRequest(
                text: (words.dropLast().map(String.init) + [last + "*"]).joined(separator: " "), filters: scoped,
                limit: limit)
            request.wholeProducts = false
            request.proximityBonus = false
            let result = try Self.engine { try snapshot.reader.search(request) }
            products = result.hits.map {
                SuggestResponse.Product(
                    id: $0.id, title: $0.product.title, vendor: $0.product.vendor, price: $0.product.price,
                    currency: $0.product.currency, available: $0.product.available)
            }
            // In stock first, relevance kept within each group.
            products = products.filter { $0.available != false } + products.filter { $0.available == false }
        }
        return JSONResponse.make(
            SuggestResponse(
                query: text, completions: completions, products: products, tookUs: Self.micros(since: start)))
    }

    /// `q` and `limit` (0…`maximum`) of a query string that may carry nothing else but `key`.
    private static func textAndLimit(_ query: [(String, String)], defaultLimit: Int, maximum: Int) throws
        -> (text: String, limit: Int)
    {
        var text = ""
        var limit = defaultLimit
        for (name, value) in query {
            switch name {
            case "q": text = value
            case "limit":
                guard let number = Int(value), (0...maximum).contains(number) else {
                    throw APIError.badRequest("limit: expected an integer between 0 and \(maximum), not \(value)")
                }
                limit = number
            case "key": break
            default: throw APIError.badRequest("unknown parameter \(name)")
            }
        }
        return (text, limit)
    }

    private func facetSearch(_ field: String, _ query: [(String, String)], context: ServerContext) throws -> Response {
        let (text, limit) = try Self.textAndLimit(query, defaultLimit: 20, maximum: 1_000)
        let snapshot = store.current
        guard let number = snapshot.reader.schema.fieldNumber(field),
            snapshot.reader.schema.fields[number].kind == .keyword
        else { throw APIError.badRequest("\(field) is not a keyword field (facet search needs one)") }
        let scoped = try Self.scopedFilters(context, snapshot)
        let values = try snapshot.facetValues(field, filters: scoped)
        let needle = SuggestionTable.normalize(text)
        let matching = values.lazy.filter {
            needle.isEmpty || SuggestionTable.normalize($0.value).contains(needle)
        }
        return JSONResponse.make(FacetSearchResponse(field: field, values: Array(matching.prefix(limit))))
    }

    private func stats() -> Response {
        let snapshot = store.current
        let stats = snapshot.reader.stats()
        let voiceReady = (try? snapshot.voice.get()) != nil
        return JSONResponse.make(
            StatsResponse(
                generation: stats.generation, documents: stats.documents, deleted: stats.deleted,
                segments: stats.segments.count, bytes: stats.bytes.values.reduce(0, +), voiceSearch: voiceReady))
    }

    // MARK: - Helpers

    /// The filters of the request's scoped key, if any.
    static func scopedFilters(_ context: ServerContext, _ snapshot: Snapshot) throws -> [SearchRequest.Filter] {
        try context.scopedFilters.map { try RequestFilter.parse($0, schema: snapshot.reader.schema) }
    }

    /// The request body, refused past `--max-body`.
    private func body(_ request: Request) async throws -> [UInt8] {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: options.maxBodyBytes)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.payloadTooLarge(options.maxBodyBytes)
        }
    }

    /// The query string's parameters, in order.
    static func query(_ request: Request) throws -> [(String, String)] {
        request.uri.queryParameters.map { (String($0.key), String($0.value)) }
    }

    /// Runs engine work, turning the index's `bad-request` errors into the API's.
    static func engine<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as IndexError where error.code == .badRequest {
            throw APIError.badRequest(error.message)
        }
    }

    static func micros(since start: ContinuousClock.Instant) -> Int {
        let elapsed = start.duration(to: .now)
        return Int(elapsed.components.seconds) * 1_000_000 + Int(elapsed.components.attoseconds / 1_000_000_000_000)
    }
}
