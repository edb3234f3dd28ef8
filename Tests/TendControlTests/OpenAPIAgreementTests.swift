import Foundation
import TendControl
import TendSupervisor
import Testing

/// `schemas/tend.openapi.json` and the server agree: the same routes, the same error codes, and the
/// same fields in the status and event objects the server writes.
@Suite struct OpenAPIAgreementTests {
    let document: [String: Any] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try! Data(contentsOf: root.appendingPathComponent("schemas/tend.openapi.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    private func schema(_ name: String) -> [String: Any] {
        ((document["components"] as! [String: Any])["schemas"] as! [String: Any])[name] as! [String: Any]
    }

    @Test func theDocumentsRoutesAreTheServersRoutes() {
        var documented: Set<String> = []
        for (path, item) in document["paths"] as! [String: Any] {
            for method in (item as! [String: Any]).keys { documented.insert(method.uppercased() + " " + path) }
        }
        #expect(documented == Set(ControlRoute.allCases.map { $0.method + " " + $0.pathTemplate }))
        #expect(document["openapi"] as? String == "3.1.0")
    }

    @Test func theDocumentsErrorCodesAreTheServersCodes() {
        let error = (schema("Error")["properties"] as! [String: Any])["error"] as! [String: Any]
        let code = (error["properties"] as! [String: Any])["code"] as! [String: Any]
        #expect(Set(code["enum"] as! [String]) == Set(ControlError.Code.allCases.map(\.rawValue)))
    }

    @Test func statusAndEventObjectsHaveExactlyTheDocumentedFields() throws {
        let full = ProcessStatus(
            name: "web", program: "web", group: "web", state: "RUNNING", pid: 1, startedAt: 1, uptimeSeconds: 1, lastExit: "x",
            error: "x", override: "stopped", file: "f", priority: 1, stdoutLog: "o", stderrLog: "e", stoppedAt: 1)
        let encoded = try JSONSerialization.jsonObject(with: Data(WireJSON.encode(full))) as! [String: Any]
        #expect(Set(encoded.keys) == Set((schema("ProcessStatus")["properties"] as! [String: Any]).keys))

        let events: [SupervisorEvent] = [
            .stateChanged(name: "a", from: "b", to: "c", pid: 1, detail: "d", time: 1), .reloaded(actions: ["x"], time: 1),
            .configError(file: "f", diagnostics: ["d"], time: 1),
        ]
        var keys: Set<String> = []
        for event in events {
            keys.formUnion((try JSONSerialization.jsonObject(with: Data(WireJSON.encode(WireEvent(event)))) as! [String: Any]).keys)
        }
        #expect(keys == Set((schema("Event")["properties"] as! [String: Any]).keys))
    }
}
