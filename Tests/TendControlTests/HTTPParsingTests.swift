@testable import TendControl
import Testing
import TendTestKit

/// The HTTP/1.1 reading of requests (server) and responses (client), byte by byte where it matters.
@Suite struct HTTPParsingTests {
    private func parse(_ text: String, maximumBodySize: Int = 64) -> [HTTPRequestParser.Outcome] {
        var parser = HTTPRequestParser(maximumBodySize: maximumBodySize)
        parser.feed(Array(text.utf8))
        var outcomes: [HTTPRequestParser.Outcome] = []
        while true {
            let outcome = parser.next()
            outcomes.append(outcome)
            switch outcome {
            case .request, .continueExpected: continue
            case .needMore, .failure: return outcomes
            }
        }
    }

    private func failure(_ text: String) -> (Int, String)? {
        guard case .failure(let status, let reason)? = parse(text).last else { return nil }
        return (status, reason)
    }

    @Test func aRequestWithQueryAndBody() throws {
        let outcomes = parse("POST /v1/processes/web/signal?x=%2A&y HTTP/1.1\r\nHost: tend\r\nContent-Length: 5\r\n\r\nhello")
        guard case .request(let request) = outcomes.first else { Issue.record("no request: \(outcomes)"); return }
        #expect(request.method == .POST)
        #expect(request.path == "/v1/processes/web/signal")
        #expect(request.query == "x=%2A&y")
        #expect(request.rawQueryValues("x") == ["%2A"])
        #expect(request.rawQueryValues("y") == [""])
        #expect(request.headers["HOST"] == "tend")
        #expect(request.body == Array("hello".utf8))
        #expect(request.keepAlive)
    }

    @Test func pipelinedRequestsComeOutOneByOneWhateverTheChunking() {
        let text = "\r\nGET /a HTTP/1.1\r\n\r\nPOST /b HTTP/1.0\nContent-Length: 2\n\nokGET /c HTTP/1.1\r\nConnection: close\r\n\r\n"
        for size in [1, 2, 3, 7, text.utf8.count] {
            var parser = HTTPRequestParser(maximumBodySize: 64)
            var seen: [String] = []
            let bytes = Array(text.utf8)
            for start in stride(from: 0, to: bytes.count, by: size) {
                parser.feed(Array(bytes[start..<min(start + size, bytes.count)]))
                while case .request(let request) = parser.next() {
                    seen.append("\(request.method) \(request.path) \(String(decoding: request.body, as: UTF8.self)) \(request.keepAlive)")
                }
            }
            #expect(seen == ["GET /a  true", "POST /b ok false", "GET /c  false"], "chunks of \(size)")
            #expect(!parser.isMidRequest)
        }
    }

    @Test func expectContinueIsSaidOnceBeforeTheBody() {
        var parser = HTTPRequestParser(maximumBodySize: 64)
        parser.feed(Array("POST /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n".utf8))
        guard case .continueExpected = parser.next() else { Issue.record("no 100-continue"); return }
        guard case .needMore = parser.next() else { Issue.record("said twice"); return }
        parser.feed(Array("abc".utf8))
        guard case .request(let request) = parser.next() else { Issue.record("no request"); return }
        #expect(request.body == Array("abc".utf8))
    }

    @Test func malformedRequestsAreRefusedWithTheirStatus() {
        let cases: [(String, Int, String)] = [
            ("GET /a\r\n\r\n", 400, "the request line is not METHOD TARGET HTTP/1.1"),
            ("GET  /a HTTP/1.1\r\n\r\n", 400, "the request line is not METHOD TARGET HTTP/1.1"),
            ("G(T /a HTTP/1.1\r\n\r\n", 400, "the request line is not METHOD TARGET HTTP/1.1"),
            ("GET /a HTTP/2.0\r\n\r\n", 505, "only HTTP/1.1 and HTTP/1.0 are spoken here, not HTTP/2.0"),
            ("GET http://x/a HTTP/1.1\r\n\r\n", 400, "the request target must be a path starting with /"),
            ("GET /a HTTP/1.1\r\nHost : x\r\n\r\n", 400, "a header name is empty or holds characters a name cannot"),
            ("GET /a HTTP/1.1\r\nHost x\r\n\r\n", 400, "a header line has no colon"),
            ("GET /a HTTP/1.1\r\nA: b\r\n c\r\n\r\n", 400, "a header line starts with white space (obsolete line folding)"),
            ("GET /a HTTP/1.1\r\nA: b\u{1}c\r\n\r\n", 400, "the head holds a control character"),
            ("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "chunked request bodies are not accepted; send Content-Length"),
            ("POST /a HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n", 400, "the Content-Length is not one whole number"),
            ("POST /a HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400, "the Content-Length is not one whole number"),
            ("POST /a HTTP/1.1\r\nContent-Length: 65\r\n\r\n", 413, "the request body is larger than 64 bytes"),
        ]
        for (text, status, reason) in cases {
            let result = failure(text)
            #expect(result?.0 == status, "\(text.debugDescription)")
            #expect(result?.1 == reason, "\(text.debugDescription)")
        }
    }

    @Test func aHeadLargerThanTheLimitIsRefusedBeforeItEnds() {
        var parser = HTTPRequestParser(maximumBodySize: 64)
        parser.feed(Array("GET /a HTTP/1.1\r\nX: ".utf8) + [UInt8](repeating: 0x61, count: HTTPRequestParser.maximumHeadSize))
        guard case .failure(431, _) = parser.next() else { Issue.record("no 431"); return }
    }

    private func responseParts(_ text: String, chunkSize: Int, isHead: Bool = false) throws -> [HTTPResponseParser.Part] {
        var parser = HTTPResponseParser(requestWasHead: isHead)
        let bytes = Array(text.utf8)
        var parts: [HTTPResponseParser.Part] = []
        for start in stride(from: 0, to: bytes.count, by: chunkSize) {
            parts += try parser.feed(Array(bytes[start..<min(start + chunkSize, bytes.count)]))
        }
        parts += try parser.finish()
        // Body parts merged, so different chunkings compare equal.
        var merged: [HTTPResponseParser.Part] = []
        for part in parts {
            if case .body(let more) = part, case .body(let earlier)? = merged.last {
                merged[merged.count - 1] = .body(earlier + more)
            } else {
                merged.append(part)
            }
        }
        return merged
    }

    @Test func responsesAreReadHoweverTheirBodyIsFramed() throws {
        let cases: [(String, Int, String)] = [
            ("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 200, "hello"),
            ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}", 404, "{}"),
            ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1;x=y\r\n!\r\n0\r\nTrailer: t\r\n\r\n", 200, "hello!"),
            ("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end", 200, "until the end"),
        ]
        for (text, status, body) in cases {
            for size in [1, 4, text.utf8.count] {
                let parts = try responseParts(text, chunkSize: size)
                guard case .head(let seen, _)? = parts.first else { Issue.record("no head"); continue }
                #expect(seen == status)
                #expect(Array(parts.dropFirst()) == [.body(Array(body.utf8)), .end], "\(text.debugDescription) in chunks of \(size)")
            }
        }
        #expect(try responseParts("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", chunkSize: 3).dropFirst() == [.end])
        #expect(try responseParts("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", chunkSize: 3, isHead: true).dropFirst() == [.end])
    }

    @Test func aResponseCutShortIsAnError() {
        for text in ["HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhe", "HTTP/1.1 20"] {
            var parser = HTTPResponseParser()
            #expect(throws: HTTPResponseParser.Malformed.self, "\(text.debugDescription)") {
                _ = try parser.feed(Array(text.utf8))
                _ = try parser.finish()
            }
        }
        var parser = HTTPResponseParser()
        #expect(throws: HTTPResponseParser.Malformed.self) { _ = try parser.feed(Array("SSH-2.0-OpenSSH\r\n\r\n".utf8)) }
    }

    /// The parse runs on a thread of its own: it computes for a second in a debug build, which on one of the
    /// cooperative pool's two threads would stall every other test's timers and deadlines meanwhile.
    @Test func manyTrailerLinesAndInterimAnswersDoNotDeepenTheStackAndLongLinesAreRefused() async throws {
        let interim = String(repeating: "HTTP/1.1 100 Continue\r\n\r\n", count: 10_000)
        let trailers = String(repeating: "x: y\r\n", count: 100_000)
        let parts = try await onThreadOfItsOwn {
            var parser = HTTPResponseParser()
            return try parser.feed(Array((interim + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n" + trailers + "\r\n").utf8))
        }
        #expect(parts.dropFirst() == [.body([UInt8(ascii: "a")]), .end])
        var long = HTTPResponseParser()
        #expect(throws: HTTPResponseParser.Malformed.self) {
            _ = try long.feed(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8) + [UInt8](repeating: 0x31, count: 70_000))
        }
    }

    @Test func aStreamHoldsItsWriterOnceTheClientFallsBehind() async {
        let stream = ResponseStream(notify: {})
        let small = await stream.write([1, 2, 3])
        #expect(small)
        let big = Task { await stream.write([UInt8](repeating: 7, count: ResponseStream.highWater)) }
        // The writer waits until the loop takes the bytes; then it goes on.
        var taken: [UInt8] = []
        while taken.count < ResponseStream.highWater {
            taken += stream.take().bytes
            await Task.yield()
        }
        #expect(await big.value)
        stream.finish()
        #expect(stream.take().bytes == ChunkedEncoding.end)
        stream.close()
        #expect(await stream.write([1]) == false)
    }
}
