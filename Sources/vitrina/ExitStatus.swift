import ArgumentParser
import Foundation
import VitrinaAudit
import VitrinaCatalog
import VitrinaIndex
import VitrinaMentions

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// A failure of the command line itself (a file it writes, a query file it reads), with the
/// exit status it deserves and a sentence naming the file.
struct CommandFailure: Error, CustomStringConvertible {
    /// The process's exit status (see ``ExitStatus``).
    var status: Int32
    /// What went wrong, naming the file.
    var description: String

    /// An I/O failure on `path`: `what` and the system's reason with its errno, from a
    /// Foundation error (its POSIX cause) or `errno`.
    static func io(_ path: String, _ what: String, _ error: (any Error)? = nil) -> CommandFailure {
        var code = errno
        if let error, let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            posix.domain == NSPOSIXErrorDomain
        {
            code = Int32(posix.code)
        }
        return CommandFailure(
            status: ExitStatus.ioError,
            description: "\(path): \(what): \(String(cString: strerror(code))) (errno \(code))")
    }

    /// Bad data in `path`.
    static func data(_ path: String, _ message: String) -> CommandFailure {
        CommandFailure(status: ExitStatus.dataError, description: "\(path): \(message)")
    }
}

/// The exit statuses of `vitrina` (README, "Exit status"), after BSD's sysexits.h.
enum ExitStatus {
    /// A usage mistake: unknown option, bad value, missing argument (ArgumentParser's `ValidationError`).
    static let usage: Int32 = 64
    /// The input data is wrong: malformed catalog or page, corrupt index, a sitemap entry outside its folder.
    static let dataError: Int32 = 65
    /// A file could not be opened, read or written (`EX_IOERR`).
    static let ioError: Int32 = 74
    /// Anything else.
    static let failure: Int32 = 1

    /// The status and message for `error`, or `nil` for errors ArgumentParser reports itself
    /// (usage mistakes, help, `ExitCode`).
    static func classify(_ error: any Error) -> (status: Int32, message: String)? {
        switch error {
        case let problem as ImportProblem:
            switch problem.code {
            case .io: return (ioError, "\(problem)")
            case .usage: return (usage, "\(problem)")
            default: return (dataError, "\(problem)")
            }
        case let error as MentionsError:
            switch error.code {
            case .io: return (ioError, "\(error)")
            case .badRequest: return (usage, "\(error)")
            default: return (dataError, "\(error)")
            }
        case let error as IndexError:
            switch error.code {
            case .io: return (ioError, "\(error)")
            case .corrupt, .foreignFile, .noIndex, .needsRepair, .missingFile, .malformed:
                return (dataError, "\(error)")
            case .badRequest: return (usage, "\(error)")
            default: return (failure, "\(error)")
            }
        case let error as AuditError:
            return (error.code == .io ? ioError : dataError, "\(error)")
        case let failure as CommandFailure:
            return (failure.status, failure.description)
        default:
            return nil
        }
    }
}
