import Testing
@testable import TendCore

@Suite struct ExpanderTests {
    let context = ExpansionContext(
        here: "/etc/tend/conf.d", programName: "worker", processNumber: 3, groupName: "queue",
        hostName: "box1", environment: ["HOME": "/root", "EMPTY": ""])

    @Test(arguments: [
        ("%(program_name)s_%(process_num)02d", "worker_03"),
        ("%(process_num)d", "3"),
        ("%(process_num)4d|", "   3|"),
        ("%(process_num)-4d|", "3   |"),
        ("%(process_num)s", "3"),
        ("%(here)s/app", "/etc/tend/conf.d/app"),
        ("%(group_name)s@%(host_node_name)s", "queue@box1"),
        ("%(ENV_HOME)s/bin", "/root/bin"),
        ("${HOME}/x", "/root/x"),
        ("${MISSING:-fallback}", "fallback"),
        ("${EMPTY:-unused}", ""),
        ("100%% done", "100% done"),
        ("echo $HOME and $1", "echo $HOME and $1"),
        ("literal $${HOME}", "literal ${HOME}"),
        ("%(program_name)10s|", "    worker|"),
    ])
    func expandsEveryReference(text: String, expected: String) throws {
        #expect(try Expander.expand(text, in: context).get() == expected)
    }

    @Test(arguments: [
        ("run %(proces_num)02d", 4, "unknown name %(proces_num) in expansion; did you mean %(process_num)?"),
        ("%(nothing_like_it)s", 0, "unknown name %(nothing_like_it) in expansion; known names are here, program_name, process_num, group_name, host_node_name and ENV_X"),
        ("x ${NOPE}", 2, "${NOPE} is not set in the daemon's environment; set it, or give a default with ${NOPE:-default}"),
        ("%(ENV_NOPE)s", 0, "%(ENV_NOPE)s refers to NOPE, which is not set in the daemon's environment"),
        ("%(program_name)", 0, "%(program_name) needs a type after it: s for text or d for a number, as in %(program_name)s"),
        ("%(program_name", 0, "unterminated %( reference; write %% for a literal percent sign"),
        ("${HOME", 0, "unterminated ${ reference; write $${ for a literal ${"),
        ("%(program_name)d", 0, "%(program_name)d needs a number, but program_name is \"worker\"; use %(program_name)s"),
    ])
    func unknownNamesAreErrorsAtTheirPosition(text: String, offset: Int, message: String) {
        guard case .failure(let error) = Expander.expand(text, in: context) else { Issue.record("accepted \(text)"); return }
        #expect(error == .init(offset: offset, message: message))
    }
}
