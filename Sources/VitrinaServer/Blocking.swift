import Dispatch

/// Runs blocking work (building a snapshot, committing with fsync) on a Dispatch thread, so the
/// cooperative pool — one thread per core — keeps answering searches meanwhile.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global(qos: .utility).async {
            continuation.resume(with: Result { try work() })
        }
    }
}
