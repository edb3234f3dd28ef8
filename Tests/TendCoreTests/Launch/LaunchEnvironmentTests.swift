import Testing
import TendCore

@Suite struct LaunchEnvironmentTests {
    private let daemon = ["PATH": "/usr/bin:/bin", "HOME": "/root", "LANG": "C.UTF-8"]

    @Test(arguments: [
        ("TEND_PROCESS_NAME", "web_01"),
        ("TEND_GROUP_NAME", "web"),
        ("SUPERVISOR_ENABLED", "1"),
        ("SUPERVISOR_PROCESS_NAME", "web_01"),
        ("SUPERVISOR_GROUP_NAME", "web"),
        ("PATH", "/usr/bin:/bin"),
        ("PORT", "8000"),
    ])
    func containsTheVariablesTendSets(name: String, value: String) {
        let environment = LaunchEnvironment(
            daemon: daemon, program: ["PORT": "8000"], processName: "web_01", groupName: "web")
        #expect(environment.variables[name] == value)
    }

    @Test func theProgramsEnvironmentOverridesTheDaemonsAndTendsOwn() {
        let environment = LaunchEnvironment(
            daemon: daemon, program: ["PATH": "/opt/app/bin", "SUPERVISOR_ENABLED": "0"],
            processName: "web", groupName: "web")
        #expect(environment.variables["PATH"] == "/opt/app/bin")
        #expect(environment.variables["SUPERVISOR_ENABLED"] == "0")
        #expect(environment.variables["HOME"] == "/root")
    }

    @Test func tendsVariablesOverrideInheritedOnes() {
        let environment = LaunchEnvironment(
            daemon: ["TEND_PROCESS_NAME": "the-daemon-itself"], program: [:], processName: "worker", groupName: "jobs")
        #expect(environment.variables["TEND_PROCESS_NAME"] == "worker")
        #expect(environment.variables["TEND_GROUP_NAME"] == "jobs")
    }

    @Test func entriesAreSortedNameValuePairs() {
        let environment = LaunchEnvironment(daemon: ["B": "2", "A": "x=y"], program: [:], processName: "p", groupName: "g")
        #expect(environment.entries == [
            "A=x=y", "B=2", "SUPERVISOR_ENABLED=1", "SUPERVISOR_GROUP_NAME=g", "SUPERVISOR_PROCESS_NAME=p",
            "TEND_GROUP_NAME=g", "TEND_PROCESS_NAME=p",
        ])
    }
}
