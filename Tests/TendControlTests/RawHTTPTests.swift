import Glibc
import TendControl
import TendSystem
import Testing
import TendTestKit

/// The server as any HTTP client sees it (curl, a script with a socket): hand-written requests on a raw
/// connection, and the bytes that come back.
@Suite struct RawHTTPTests {
    let fake = FakeSupervisor(processes: [.sample("web")])

    @Test func oneConnectionCarriesPipelinedRequestsUntilTheClientSaysClose() async throws {
        let answer = try await withServer(fake) { _, socket in
            try await RawConnection.exchange(socket, [
                "GET /v1/version HTTP/1.1\r\nHost: tend\r\n\r\nGET /v1/status?name=web HTTP/1.1\r\nHost: tend\r\nConnection: close\r\n\r\n",
            ])
        }
        let responses = answer.components(separatedBy: "HTTP/1.1 ").dropFirst()
        #expect(responses.count == 2)
        #expect(responses.first?.hasPrefix("200 OK\r\n") == true)
        #expect(responses.first?.contains("Connection: close") == false)
        #expect(responses.first?.contains(#""version":"9.9.9""#) == true)
        #expect(responses.last?.contains("Connection: close\r\n") == true)
        #expect(responses.last?.contains(#""name":"web""#) == true)
    }

    @Test func aClientThatExpectsContinueGetsItBeforeSendingTheBody() async throws {
        let answer = try await withServer(fake) { _, socket in
            try await RawConnection.exchange(socket, [
                "POST /v1/processes/web/signal HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 17\r\nConnection: close\r\n\r\n",
                #"{"signal": "HUP"}"#,
            ], awaiting: ["HTTP/1.1 100 Continue\r\n\r\n"])
        }
        #expect(answer.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"))
        #expect(await fake.calls.last == "signal HUP web")
    }

    @Test func unreadableRequestsGetAJSONErrorAndTheConnectionCloses() async throws {
        let cases: [(String, String)] = [
            ("NONSENSE\r\n\r\n", "400 Bad Request"),
            ("GET /v1/version HTTP/2.0\r\n\r\n", "505 HTTP Version Not Supported"),
            ("GET /v1/version HTTP/1.1\r\nX: " + String(repeating: "a", count: 20_000) + "\r\n\r\n", "431 Request Header Fields Too Large"),
        ]
        try await withServer(fake) { client, socket in
            for (request, status) in cases {
                let answer = try await RawConnection.exchange(socket, [request])
                #expect(answer.hasPrefix("HTTP/1.1 \(status)\r\n"), "\(status)")
                #expect(answer.contains("Connection: close\r\n"))
                #expect(answer.contains(#"{"error":{"code":"bad_request","#), "\(status)")
                #expect(try await client.version().version == "9.9.9")
            }
        }
    }

    @Test func pipelinedAnswersAllArriveWhenTheClientReadsOnlyAfterSendingThemAll() async throws {
        let count = 200
        let requests = String(repeating: "GET /v1/status HTTP/1.1\r\nHost: tend\r\n\r\n", count: count - 1)
            + "GET /v1/status HTTP/1.1\r\nConnection: close\r\n\r\n"
        let answer = try await withServer(fake) { _, socket in try await RawConnection.exchange(socket, [requests]) }
        #expect(answer.components(separatedBy: "HTTP/1.1 200 OK\r\n").count - 1 == count)
    }

    @Test func aRequestSentJustBeforeTheClientClosesIsStillCarriedOut() async throws {
        try await withServer(fake) { _, socket in
            let connection = try await RawConnection.open(socket)
            try await connection.send("POST /v1/apply HTTP/1.1\r\nHost: tend\r\n\r\n")
            connection.close()
            await eventually { await fake.calls.contains("apply") }
        }
    }

    @Test func headGetsTheHeadAloneAndHTTP10ClosesAfterItsAnswer() async throws {
        try await withServer(fake) { _, socket in
            let head = try await RawConnection.exchange(socket, ["HEAD /v1/version HTTP/1.1\r\nConnection: close\r\n\r\n"])
            #expect(head.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
            #expect(head.hasSuffix("\r\n\r\n"))
            #expect(!head.contains("unknown_route"))
            let old = try await RawConnection.exchange(socket, ["GET /v1/version HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"])
            #expect(old.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(old.contains("Connection: close\r\n"))
        }
    }

    @Test func aClientWithATimeoutGivesUpOnADaemonThatDoesNotAnswer() async throws {
        let scratch = ScratchDirectory()
        let socket = scratch.path + "/stuck.sock"
        // Listening but never accepting: a daemon stopped with SIGSTOP looks like this to a client.
        let listener = try UnixStreamSocket.listen(at: socket)
        defer { close(listener) }
        let started = ContinuousClock.now
        await #expect {
            _ = try await ControlClient(socketPath: socket, answerTimeout: .milliseconds(200)).version()
        } throws: { error in
            "\(error)".contains("no answer within 0.2 seconds")
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    /// With a limit of 16 rather than the daemon's 256: held open in a test process, 256 connections (512
    /// descriptors with the server's ends) pushed other tests' inotify descriptors past select()'s 1024.
    @Test func aConnectionBeyondTheLimitGetsA503AndTheOthersKeepWorking() async throws {
        try await withServer(fake, maximumConnections: 16) { client, socket in
            var held: [RawConnection] = []
            defer { for connection in held { connection.close() } }
            for _ in 0..<16 { held.append(try await RawConnection.open(socket)) }
            let refused = try await RawConnection.exchange(socket, ["GET /v1/version HTTP/1.1\r\n\r\n"])
            #expect(refused.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
            #expect(refused.contains("connections or requests already"))
            try await held[0].send("GET /v1/version HTTP/1.1\r\nHost: tend\r\n\r\n")
            #expect(try await held[0].read(until: "9.9.9").hasPrefix("HTTP/1.1 200 OK\r\n"))
            for connection in held { connection.close() }
            held = []
            await eventually { (try? await client.version().version) == "9.9.9" }
        }
    }

    @Test func aFollowerThatHangsUpReleasesTheLogFile() async throws {
        let scratch = ScratchDirectory()
        let file = scratch.write("first\n", to: "web.log")
        await fake.set(logFile: file, for: "web.stdout")
        try await withServer(fake) { _, socket in
            let connection = try await RawConnection.open(socket)
            try await connection.send("GET /v1/processes/web/logs?follow=true HTTP/1.1\r\nHost: tend\r\n\r\n")
            #expect(try await connection.read(until: "first\n").contains("Transfer-Encoding: chunked"))
            #expect(openDescriptors(of: file) == 1)
            connection.close()
            await eventually { openDescriptors(of: file) == 0 }
        }
    }
}

/// How many descriptors of this process are open on `path`.
private func openDescriptors(of path: String) -> Int {
    guard let directory = opendir("/proc/self/fd") else { return 0 }
    defer { closedir(directory) }
    var count = 0
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        var target = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/fd/" + name, &target, target.count - 1)
        if length > 0, String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) == path { count += 1 }
    }
    return count
}

/// A blocking client connection whose calls run on a thread of their own, with a receive timeout so a
/// test cannot hang on a server that does not answer.
final class RawConnection: Sendable {
    let fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    static func open(_ socket: String) async throws -> RawConnection {
        let fd = try UnixStreamSocket.connect(to: socket)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return RawConnection(fd: fd)
    }

    /// Sends each part in turn, first reading until each text of `awaiting` (one per part but the last)
    /// has arrived, then reads until the server closes the connection; everything received.
    static func exchange(_ socket: String, _ parts: [String], awaiting: [String] = []) async throws -> String {
        let connection = try await open(socket)
        defer { connection.close() }
        var received = ""
        for (index, part) in parts.enumerated() {
            try await connection.send(part)
            if index < awaiting.count { received += try await connection.read(until: awaiting[index]) }
        }
        return received + (try await connection.read(until: nil))
    }

    func send(_ text: String) async throws {
        let fd = self.fd
        try await onThreadOfItsOwn { () throws in
            let bytes = Array(text.utf8)
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { UnixStreamSocket.send(fd, UnsafeRawBufferPointer(rebasing: $0[written...])) }
                guard count > 0 else { throw SocketError(operation: "send", code: errno) }
                written += count
            }
        }
    }

    /// Reads until the bytes hold `text` (or, for nil, until the server closes the connection).
    func read(until text: String?) async throws -> String {
        let fd = self.fd
        return try await onThreadOfItsOwn { () throws -> String in
            var bytes: [UInt8] = []
            while text.map({ !String(decoding: bytes, as: UTF8.self).contains($0) }) ?? true {
                let count = UnixStreamSocket.receive(fd, appendingTo: &bytes)
                if count == 0, text == nil { break }
                guard count > 0 else { throw SocketError(operation: "read", code: count == 0 ? ECONNRESET : errno) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    func close() {
        Glibc.close(fd)
    }
}

