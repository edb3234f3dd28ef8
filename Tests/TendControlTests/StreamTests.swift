import Glibc
import Synchronization
import TendControl
import TendSupervisor
import Testing

/// The streamed routes: the event stream and followed logs.
@Suite struct StreamTests {
    let fake = FakeSupervisor(processes: [.sample("web")])

    @Test func eventsArriveInOrderWithTheirSequence() async throws {
        let received = Mutex<[SequencedEvent]>([])
        try await withServer(fake) { client, _ in
            await eventually { await fake.subscriberCount == 1 }
            await fake.emit(.stateChanged(name: "web", from: "STOPPED", to: "STARTING", pid: nil, detail: nil, time: 1))
            await eventually { await recentCount(client) == 1 }
            try await client.events(follow: true) { event in
                let count = received.withLock { $0.append(event); return $0.count }
                if count == 1 {
                    await fake.emit(.stateChanged(name: "web", from: "STARTING", to: "RUNNING", pid: 42, detail: nil, time: 2))
                    await fake.emit(.reloaded(actions: ["start web"], time: 3))
                    await fake.emit(.configError(file: "conf.d/a.toml", diagnostics: ["conf.d/a.toml:1:1: error: x"], time: 4))
                    await fake.emit(.configFixed(file: "conf.d/a.toml", time: 5))
                }
                return count < 5
            }
        }
        let events = received.withLock { $0 }
        #expect(events.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(events.map(\.event) == [
            .stateChanged(name: "web", from: "STOPPED", to: "STARTING", pid: nil, detail: nil, time: 1),
            .stateChanged(name: "web", from: "STARTING", to: "RUNNING", pid: 42, detail: nil, time: 2),
            .reloaded(actions: ["start web"], time: 3),
            .configError(file: "conf.d/a.toml", diagnostics: ["conf.d/a.toml:1:1: error: x"], time: 4),
            .configFixed(file: "conf.d/a.toml", time: 5),
        ])
    }

    @Test func withoutFollowEventsEndsAfterTheRecentOnes() async throws {
        try await withServer(fake) { client, _ in
            await eventually { await fake.subscriberCount == 1 }
            await fake.emit(.configFixed(file: "a.toml", time: 1))
            await eventually { await recentCount(client) == 1 }
        }
    }

    @Test func logsTailLinesOrBytes() async throws {
        let scratch = ScratchDirectory()
        let file = scratch.write("one\ntwo\nthree\nfour\n", to: "web.log")
        await fake.set(logFile: file, for: "web.stdout")
        let tails = try await withServer(fake) { client, _ in
            [try await collect(client, .lines(2)), try await collect(client, .lines(10)),
             try await collect(client, .bytes(5)), try await collect(client, .lines(0))]
        }
        #expect(tails == ["three\nfour\n", "one\ntwo\nthree\nfour\n", "four\n", ""])
    }

    @Test func followedLogsSeeAppendedBytesAndARotation() async throws {
        let scratch = ScratchDirectory()
        let file = scratch.write("first\n", to: "web.log")
        await fake.set(logFile: file, for: "web.stdout")
        let received = Mutex("")
        try await withServer(fake) { client, _ in
            try await client.logs("web", tail: .lines(5), follow: true) { bytes in
                let text = received.withLock { $0 += String(decoding: bytes, as: UTF8.self); return $0 }
                if text == "first\n" { scratch.append("second\n", to: file) }
                if text == "first\nsecond\n" {
                    #expect(rename(file, file + ".1") == 0)
                    _ = scratch.write("third\n", to: "web.log")
                }
                return text != "first\nsecond\nthird\n"
            }
        }
        #expect(received.withLock { $0 } == "first\nsecond\nthird\n")
    }

    private func collect(_ client: ControlClient, _ tail: LogTailRequest) async throws -> String {
        let text = Mutex("")
        try await client.logs("web", tail: tail) { bytes in
            text.withLock { $0 += String(decoding: bytes, as: UTF8.self) }
            return true
        }
        return text.withLock { $0 }
    }
}

/// How many events the daemon keeps for replay, as `tend events` without -f shows them.
private func recentCount(_ client: ControlClient) async -> Int {
    let count = Mutex(0)
    try? await client.events(follow: false) { _ in
        count.withLock { $0 += 1 }
        return true
    }
    return count.withLock { $0 }
}
