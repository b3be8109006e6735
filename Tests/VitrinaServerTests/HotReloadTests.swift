import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import VitrinaIndex
import VitrinaModel
import VitrinaServer

@Suite("Server hot reload")
struct HotReloadTests {
    @Test func commitsDuringRequestsFailNoneAndBecomeVisible() async throws {
        let fixture = try TestServer(adminKey: nil)
        defer { fixture.remove() }
        let path = fixture.path
        let tally = Tally()
        let initial = fixture.server.store.generation
        // The application with its reload service (polling every 50 ms), driven in process.
        let app = fixture.server.application()
        try await app.test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    // Another writer of the index commits five times while requests run.
                    for round in 0..<5 {
                        let writer = try IndexWriter(path: path)
                        try writer.add(Product(id: "new\(round)", title: "Утюг номер \(round)", vendor: "Tefal"))
                        if round == 2 { _ = try writer.delete(id: "tv2") }
                        try writer.commit()
                        try await Task.sleep(for: .milliseconds(80))
                    }
                }
                for worker in 0..<4 {
                    group.addTask {
                        for request in 0..<60 {
                            let uri =
                                request % 2 == 0 ? "/search?q=%D1%83%D1%82%D1%8E%D0%B3&facets=vendor" : "/suggest?q=te"
                            try await client.execute(uri: uri, method: .get) { response in
                                if response.status != .ok {
                                    tally.fail("worker \(worker): \(uri) \(response.status)")
                                }
                                tally.answer()
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            // The last commit becomes visible within a bounded wait.
            var visible = false
            for _ in 0..<100 where !visible {
                visible = try await client.execute(uri: "/products/new4", method: .get) { $0.status == .ok }
                if !visible { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(visible)
            try await client.execute(uri: "/search?q=%D1%83%D1%82%D1%8E%D0%B3", method: .get) { response in
                let object = try response.object()
                #expect(object["total"] as? Int == 5)
            }
        }
        #expect(tally.failures == [])
        #expect(tally.answered == 240)
        #expect(fixture.server.store.generation == initial + 5)
    }
}

/// Counts answers and failures from concurrent request tasks.
final class Tally: Sendable {
    private let state = Mutex<(answered: Int, failures: [String])>((0, []))

    func answer() { state.withLock { $0.answered += 1 } }
    func fail(_ message: String) { state.withLock { $0.failures.append(message) } }
    var answered: Int { state.withLock { $0.answered } }
    var failures: [String] { state.withLock { $0.failures } }
}
