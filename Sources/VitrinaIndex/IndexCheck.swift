import Foundation

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// Verifies an index directory file by file, like Lucene's CheckIndex, and rolls it back to its
/// last consistent commit.
///
/// A check reads every commit point (`manifest.json` and the `manifest-<generation>.json`
/// history), verifies every segment file they name (checksum, layout, then every structure:
/// dictionaries, postings, positions, keyword columns, ids, stored products), every deletion file,
/// every count in the manifests against the files, that no id is live twice in a commit, and
/// lists files no commit names. Problems of the current commit are errors; others are warnings.
///
/// ```swift
/// let report = try IndexCheck.check(path: "shop.index")
/// if report.status != .clean { _ = try IndexCheck.repair(path: "shop.index") }
/// ```
public enum IndexCheck {
    /// Checks the index at `path` without changing anything (a writer may be running).
    ///
    /// - Throws: ``IndexError`` `io` when the directory cannot be listed.
    public static func check(path: String) throws -> IndexCheckReport {
        let directory = IndexDirectory(path: path)
        // A writer replacing the current commit meanwhile can delete its files (after the
        // retention time): check the newer commit then.
        var attempt = 1
        while true {
            let inspection = try Inspection(directory: directory)
            let report = inspection.report()
            let changed = (try? Manifest.load(from: directory))?.generation != inspection.current?.manifest?.generation
            if report.status == .clean || !changed || attempt == 3 { return report }
            attempt += 1
        }
    }

    /// Rolls the index at `path` back to its last consistent commit, moving what it drops into a
    /// `quarantine-<time>` folder inside the index directory, and reports what it did.
    ///
    /// The current commit is kept when it is consistent; otherwise the newest consistent commit
    /// point is committed again as a new generation. Orphan files, broken commit points and the
    /// files only they name are moved to the quarantine. When no commit is consistent, every index
    /// file is moved there and the directory is left empty.
    ///
    /// - Throws: ``IndexError`` `locked` while a writer has the index open, `io`.
    public static func repair(path: String) throws -> IndexCheckReport {
        let directory = IndexDirectory(path: path)
        let lock = try directory.lock()
        defer { close(lock) }
        return try repairLocked(directory)
    }

    /// ``repair(path:)`` for a caller that holds the writer lock.
    static func repairLocked(_ directory: IndexDirectory) throws -> IndexCheckReport {
        let inspection = try Inspection(directory: directory)
        let before = inspection.report()
        var actions: [String] = []
        let folder = quarantineName(directory)
        var moved = false
        func quarantine(_ name: String, _ reason: String) throws {
            guard directory.exists(name) else { return }
            try directory.move(name, into: folder)
            moved = true
            actions.append("moved \(name) to \(folder)/ (\(reason))")
        }

        // The target: the current commit when consistent, else the newest consistent commit point.
        let current = inspection.current
        let target = current.flatMap { $0.usable ? $0 : nil } ?? inspection.commits.first { $0.consistent }
        let targetGeneration = target?.manifest?.generation ?? -1
        // Commit points kept: the consistent ones not newer than the target.
        var kept = inspection.commits.filter {
            $0 !== current && $0.consistent && ($0.manifest?.generation ?? Int.max) <= targetGeneration
        }
        if let current, current !== target || current.fixed {
            try quarantine(Manifest.fileName, "the current commit is not consistent")
        }
        try quarantine(Manifest.temporaryFileName, "an unfinished commit")
        if let target, target !== current || target.fixed, let manifest = target.manifest {
            // Roll back: commit the target again, as a new generation past every one seen.
            var next = manifest
            next.generation = inspection.highestGeneration + 1
            next.nextSegment = max(next.nextSegment, inspection.highestSegmentNumber + 1)
            try next.store(in: directory)
            actions.append(
                "committed generation \(next.generation) = \(target.file) (generation \(manifest.generation)): "
                    + "\(manifest.segments.count) segments, "
                    + "\(manifest.segments.reduce(0) { $0 + $1.documentCount - $1.deletedCount }) documents")
            kept.append(Inspection.Commit(file: Manifest.commitPointName(next.generation), manifest: next))
        } else if target == nil {
            actions.append("no consistent commit: every index file goes to the quarantine; the index is empty now")
        }
        let keptFiles = Set(kept.flatMap { $0.manifest?.files ?? [] }).union(target?.manifest?.files ?? [])
        let keptPoints = Set(kept.map(\.file))
        for name in try directory.list().sorted() {
            if let generation = Manifest.commitPointGeneration(name), !keptPoints.contains(name) {
                let broken = inspection.commits.first { $0.file == name }.map { !$0.consistent } ?? true
                try quarantine(
                    name,
                    broken
                        ? "commit point \(generation) is not consistent"
                        : "commit point \(generation) is newer than the commit rolled back to")
            } else if Manifest.segmentNumber(ofFile: name) != nil, !keptFiles.contains(name) {
                let problem = inspection.fileProblems[name]
                try quarantine(name, problem.map(\.message) ?? "named by no consistent commit")
            }
        }
        if moved || !actions.isEmpty { try directory.syncDirectory() }
        var after = try Inspection(directory: directory).report()
        after.problems = before.problems
        after.actions = actions
        after.quarantine = moved ? folder : nil
        if target == nil && before.status != .clean { after.status = before.status }
        return after
    }

    /// A quarantine folder name not yet used: `quarantine-<UTC time>[-n]`.
    private static func quarantineName(_ directory: IndexDirectory) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let base = "quarantine-" + formatter.string(from: Date())
        var name = base
        var number = 2
        while directory.exists(name) {
            name = "\(base)-\(number)"
            number += 1
        }
        return name
    }
}

/// One reading of a directory for ``IndexCheck``: every commit point, every file verified once.
private struct Inspection {
    /// A commit point and what verifying it found.
    final class Commit {
        let file: String
        /// The manifest (with `nextSegment` raised past its segments when it was not).
        let manifest: Manifest?
        /// Whether `nextSegment` had to be raised (a writer would have overwritten a segment).
        let fixed: Bool
        /// Whether every file it names verified with the counts it gives.
        var usable = false
        var documents = 0
        /// Whether it is consistent as written.
        var consistent: Bool { usable && !fixed }

        init(file: String, manifest: Manifest?, fixed: Bool = false) {
            self.file = file
            self.manifest = manifest
            self.fixed = fixed
        }
    }

    let directory: IndexDirectory
    /// `manifest.json` (absent when it does not exist).
    var current: Commit?
    /// Every commit point, newest first (`manifest.json` first among equals).
    var commits: [Commit] = []
    var problems: [IndexCheckReport.Problem] = []
    /// The first problem of each file that failed verification.
    var fileProblems: [String: IndexError] = [:]
    var segments: [String: IndexCheckReport.Segment] = [:]
    var orphans: [String] = []
    var highestGeneration = 0
    var highestSegmentNumber = 0
    private var verified: [String: (reader: SegmentReader, ids: [String])] = [:]
    private var deletionSets: [String: DeletionSet] = [:]

    init(directory: IndexDirectory) throws {
        self.directory = directory
        let names = try directory.list()
        highestSegmentNumber = names.compactMap(Manifest.segmentNumber(ofFile:)).max() ?? 0
        if names.contains(Manifest.fileName) {
            let commit = load(Manifest.fileName, isCurrent: true)
            current = commit
            commits.append(commit)
        }
        let points = names.compactMap { name in Manifest.commitPointGeneration(name).map { ($0, name) } }
            .sorted { $0.0 > $1.0 }
        for (generation, name) in points {
            highestGeneration = max(highestGeneration, generation)
            commits.append(load(name, isCurrent: false))
        }
        highestGeneration = max(highestGeneration, current?.manifest?.generation ?? 0)
        commits.sort { ($0.manifest?.generation ?? -1) > ($1.manifest?.generation ?? -1) }
        if let current, let index = commits.firstIndex(where: { $0 === current }) {
            commits.remove(at: index)
            let position = commits.firstIndex {
                ($0.manifest?.generation ?? -1) <= (current.manifest?.generation ?? -1)
            }
            commits.insert(current, at: position ?? commits.count)
        }
        for commit in commits { verify(commit, isCurrent: commit === current) }
        if let generation = current?.manifest?.generation {
            for (newer, name) in points where newer > generation {
                problems.append(
                    IndexCheckReport.Problem(
                        severity: .warning, code: "uncommitted", path: directory.file(name), offset: nil,
                        message: "commit point \(newer) is newer than manifest.json (\(generation)): a commit "
                            + "interrupted before its rename (the next writer or repair removes it)"))
            }
        }
        let named = Set(commits.flatMap { $0.manifest?.files ?? [] })
        orphans = names.filter { Manifest.segmentNumber(ofFile: $0) != nil && !named.contains($0) }.sorted()
        for name in orphans {
            problems.append(
                IndexCheckReport.Problem(
                    severity: .warning, code: "orphan", path: directory.file(name), offset: nil,
                    message: "named by no commit point (left by an interrupted or replaced commit)"))
        }
        if current == nil {
            let lost = Self.lostManifest(directory)
            problems.append(
                IndexCheckReport.Problem(
                    severity: .error,
                    code: lost ? IndexError.Code.needsRepair.rawValue : IndexError.Code.noIndex.rawValue,
                    path: directory.file(Manifest.fileName), offset: nil,
                    message: lost
                        ? "missing: the index files have no current commit (repair rolls back to the last consistent one)"
                        : "missing: nothing was committed here"))
        }
    }

    /// Whether `manifest.json` of a committed index is missing (rather than nothing committed yet).
    static func lostManifest(_ directory: IndexDirectory) -> Bool {
        do {
            _ = try Manifest.load(from: directory)
            return false
        } catch {
            return (error as? IndexError)?.code == .needsRepair
        }
    }

    /// Reads a manifest; a problem is recorded when it cannot be read.
    private mutating func load(_ name: String, isCurrent: Bool) -> Commit {
        do {
            var manifest = try Manifest.decode(file: name, from: directory)
            let highest = manifest.segments.compactMap { Manifest.segmentNumber($0.name) }.max() ?? 0
            let fixed = manifest.nextSegment <= highest
            if fixed {
                record(
                    IndexError.corrupt(
                        file: directory.file(name), offset: nil,
                        "nextSegment \(manifest.nextSegment) is not past segment number \(highest): a writer would "
                            + "overwrite a live segment (repair raises it)"),
                    isCurrent: isCurrent, file: name)
                manifest.nextSegment = highest + 1
            }
            try manifest.validate(path: directory.file(name))
            return Commit(file: name, manifest: manifest, fixed: fixed)
        } catch {
            record(error, isCurrent: isCurrent, file: name)
            return Commit(file: name, manifest: nil)
        }
    }

    private mutating func record(_ error: any Error, isCurrent: Bool, file: String) {
        let indexError =
            error as? IndexError ?? IndexError(code: .io, path: directory.file(file), offset: nil, message: "\(error)")
        fileProblems[file] = fileProblems[file] ?? indexError
        problems.append(
            IndexCheckReport.Problem(
                severity: isCurrent ? .error : .warning, code: indexError.code.rawValue, path: indexError.path,
                offset: indexError.offset,
                message: isCurrent ? indexError.message : "\(indexError.message) (in an older commit point)"))
    }

    /// Verifies the files of a commit and its counts.
    private mutating func verify(_ commit: Commit, isCurrent: Bool) {
        guard let manifest = commit.manifest else { return }
        var consistent = true
        var liveIDs: [String: String] = [:]
        var documents = 0
        for segment in manifest.segments {
            guard let (reader, ids) = verifySegment(segment, schema: manifest.schema, isCurrent: isCurrent) else {
                consistent = false
                continue
            }
            var deletions: DeletionSet?
            if let file = segment.deletions {
                if let set = deletionSets[file] {
                    deletions = set
                } else {
                    do {
                        let set = try DeletionSet.load(
                            try directory.read(file), path: directory.file(file), documentCount: reader.documentCount)
                        deletionSets[file] = set
                        deletions = set
                    } catch {
                        record(error, isCurrent: isCurrent, file: file)
                        consistent = false
                        continue
                    }
                }
            }
            let deleted = deletions?.count ?? 0
            guard reader.documentCount == segment.documentCount, deleted == segment.deletedCount else {
                let error = IndexError.corrupt(
                    file: directory.file(commit.file), offset: nil,
                    "\(segment.name): the manifest says \(segment.documentCount) documents, \(segment.deletedCount) "
                        + "deleted; the files hold \(reader.documentCount), \(deleted) deleted")
                record(error, isCurrent: isCurrent, file: commit.file)
                consistent = false
                continue
            }
            documents += reader.documentCount - deleted
            for (document, id) in ids.enumerated() where !(deletions?.contains(document) ?? false) {
                if let other = liveIDs.updateValue(segment.name, forKey: id) {
                    problems.append(
                        IndexCheckReport.Problem(
                            severity: isCurrent ? .error : .warning, code: "duplicate-id",
                            path: directory.file(commit.file), offset: nil,
                            message: "id \"\(id)\" is live in \(other) and \(segment.name) (duplicate hits)"))
                    consistent = false
                }
            }
        }
        commit.usable = consistent
        commit.documents = documents
        if !consistent && !isCurrent {
            problems.append(
                IndexCheckReport.Problem(
                    severity: .warning, code: "broken-commit", path: directory.file(commit.file), offset: nil,
                    message: "commit point \(manifest.generation) is not consistent (repair removes it)"))
        }
    }

    /// Opens and verifies a segment file once; `nil` (with a problem recorded) when it fails.
    private mutating func verifySegment(_ segment: Manifest.Segment, schema: Schema, isCurrent: Bool) -> (
        SegmentReader, [String]
    )? {
        let name = segment.fileName
        if let done = verified[name] { return done }
        if let problem = fileProblems[name] {
            // Already failed for another commit: record it for this one too when it is the current.
            if isCurrent { record(problem, isCurrent: true, file: name) }
            return nil
        }
        do {
            let reader = try SegmentReader(path: directory.file(name), name: segment.name)
            let verification = try reader.verify(schema: schema)
            verified[name] = (reader, verification.ids)
            segments[segment.name] = IndexCheckReport.Segment(
                name: segment.name, documents: reader.documentCount, terms: verification.terms,
                bytes: reader.file.bytes.count, consistent: true)
            return (reader, verification.ids)
        } catch {
            record(error, isCurrent: isCurrent, file: name)
            segments[segment.name] = IndexCheckReport.Segment(
                name: segment.name, documents: 0, terms: 0, bytes: directory.size(name) ?? 0, consistent: false)
            return nil
        }
    }

    /// The report of this reading.
    func report() -> IndexCheckReport {
        let errors = problems.filter { $0.severity == .error }
        let status: IndexCheckReport.Status =
            errors.isEmpty ? .clean : errors.contains { $0.code == IndexError.Code.io.rawValue } ? .ioError : .corrupt
        return IndexCheckReport(
            index: directory.path, status: status, generation: current?.manifest?.generation,
            documents: current.flatMap { $0.manifest == nil ? nil : $0.documents },
            commits: commits.map {
                IndexCheckReport.Commit(
                    generation: $0.manifest?.generation, file: $0.file, consistent: $0.consistent,
                    segments: $0.manifest?.segments.count ?? 0, documents: $0.documents)
            },
            segments: segments.values.sorted { $0.name < $1.name }, orphans: orphans, problems: problems, actions: [],
            quarantine: nil)
    }
}
