import Logging
import ServiceLifecycle

/// Polls the index's manifest and publishes new commits (hot reload), until shutdown.
struct ReloadService: Service {
    let store: SnapshotStore
    let interval: Duration
    let logger: Logger
    let onReload: @Sendable (Int) -> Void

    func run() async throws {
        // Ends on graceful shutdown (the sleep throws CancellationError when the task is cancelled).
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                do {
                    let store = store
                    if try await offPool({ try store.reload() }) {
                        logger.info("serving index generation \(store.generation)")
                        onReload(store.generation)
                    }
                } catch {
                    logger.error("reload failed, still serving generation \(store.generation): \(error)")
                }
            }
        }
    }
}
