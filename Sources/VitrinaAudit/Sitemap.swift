import Foundation

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// The saved pages a `sitemap.xml` lists, confined to the sitemap's folder.
///
/// Each `<loc>` is a `file://` URL, an http(s) URL whose path is looked up under the sitemap's
/// folder (as a saved copy of a site is laid out: `/p/tv-1` → `p/tv-1`, `p/tv-1.html` or
/// `p/tv-1/index.html`), or a path relative to that folder. Whatever it is, the file it names
/// must lie inside the folder once `..` and symbolic links are resolved: `../secret/x.html`,
/// `../../etc/passwd`, `file:///etc/shadow` or a link pointing out are refused with an
/// ``AuditError`` (`outside-folder`) naming the sitemap, the line and the entry, and nothing of
/// them is read.
///
/// ```swift
/// let pages = try Sitemap.pages(at: "site/sitemap.xml")   // ["site/p/tv-1.html", …]
/// ```
public enum Sitemap {
    /// One `<loc>` of a sitemap and the saved page it names.
    public struct Entry: Sendable, Equatable {
        /// The 1-based line of the `<loc>`.
        public var line: Int
        /// The location as written (entities decoded).
        public var location: String
        /// The saved page: the sitemap's folder joined with the entry's path.
        public var path: String
    }

    /// The entries of the sitemap at `path`, each checked to name a saved page inside its folder.
    ///
    /// - Throws: ``AuditError``: `io` when the sitemap cannot be read; `outside-folder` for an entry
    ///   that leads out of the folder; `sitemap` for an entry without a saved page or with an
    ///   unsupported scheme.
    public static func entries(at path: String) throws -> [Entry] {
        let (bytes, _) = try PageFile.read(path, limit: 64 << 20)
        let text = String(decoding: bytes, as: UTF8.self)
        let folder = (path as NSString).deletingLastPathComponent
        let base = folder.isEmpty ? "." : folder
        guard let root = realPath(base) else {
            throw AuditError(.io, path: path, message: "cannot resolve the sitemap's folder \(base)")
        }
        var entries: [Entry] = []
        for (line, location) in locations(in: text) {
            func refuse(_ code: AuditError.Code, _ reason: String) -> AuditError {
                AuditError(code, path: path, line: line, message: "entry \(location): \(reason)")
            }
            let relative: String
            if location.lowercased().hasPrefix("file:") {
                guard let url = URL(string: location), url.isFileURL else { throw refuse(.sitemap, "not a file URL") }
                let absolute = url.path
                guard let inside = Self.relative(absolute, to: root) else {
                    throw refuse(.outsideFolder, "\(absolute) is outside the sitemap's folder \(root); refused")
                }
                relative = inside
            } else if let url = URL(string: location), let scheme = url.scheme?.lowercased(), scheme.count > 1 {
                guard scheme == "http" || scheme == "https" else {
                    throw refuse(.sitemap, "unsupported scheme \(scheme): (http, https, file or a relative path)")
                }
                relative = url.path
            } else {
                relative = location.removingPercentEncoding ?? location
            }
            let trimmed = relative.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            guard Self.staysInside(trimmed) else {
                throw refuse(.outsideFolder, "it leads out of the sitemap's folder \(root) (through ..); refused")
            }
            let candidates = [trimmed, trimmed + ".html", trimmed + "/index.html"].map { base + "/" + $0 }
            guard let found = candidates.first(where: { isRegularFile($0) }) else {
                throw refuse(.sitemap, "no saved page (looked for \(candidates[0]))")
            }
            guard let real = realPath(found), real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                throw refuse(
                    .outsideFolder,
                    "\(found) resolves to \(realPath(found) ?? "?"), outside the sitemap's folder \(root) "
                        + "(a symbolic link out); refused")
            }
            entries.append(Entry(line: line, location: location, path: found))
        }
        return entries
    }

    /// The page paths of ``entries(at:)``.
    ///
    /// - Throws: As ``entries(at:)``.
    public static func pages(at path: String) throws -> [String] {
        try entries(at: path).map(\.path)
    }

    /// Each `<loc>` text with its line, entities decoded.
    package static func locations(in text: String) -> [(line: Int, location: String)] {
        var result: [(Int, String)] = []
        var line = 1
        var rest = text[...]
        while let open = rest.range(of: "<loc>") {
            line += rest[..<open.lowerBound].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "</loc>") else { break }
            let raw = after[..<close.lowerBound]
            let leading = raw.prefix { $0.isWhitespace }.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            let location = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            result.append((line + leading, location))
            line += raw.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            rest = after[close.upperBound...]
        }
        return result
    }

    /// `path` relative to folder `root` when it lies inside it (lexically, after resolving what exists).
    private static func relative(_ path: String, to root: String) -> String? {
        let resolved = realPath(path) ?? (path as NSString).standardizingPath
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard resolved.hasPrefix(prefix) else { return nil }
        return String(resolved.dropFirst(prefix.count))
    }

    /// Whether a relative path never climbs above its start (`a/../b` stays; `../x`, `a/../../x` do not).
    static func staysInside(_ relative: String) -> Bool {
        var depth = 0
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if component == ".." {
                depth -= 1
                if depth < 0 { return false }
            } else if component != "." {
                depth += 1
            }
        }
        return true
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }
}
