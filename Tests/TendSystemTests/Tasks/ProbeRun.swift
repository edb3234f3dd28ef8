import Glibc

/// One run of the `tend-task-probe` executable, built next to the test bundle: its exit status and its
/// `key=value` lines. A run that outlasts its limit is killed, so a pool that hangs fails the test
/// instead of hanging the runner.
struct ProbeRun {
    let exitStatus: Int32
    let values: [String: String]

    /// The probe next to the running test binary (.build/debug), or nil when it was not built.
    static var executablePath: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        var path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The test binary is .build/debug/<package>PackageTests.xctest (a file on Linux).
        while let last = path.lastIndex(of: "/") {
            path = String(path[..<last])
            let candidate = path + "/tend-task-probe"
            if access(candidate, X_OK) == 0 { return candidate }
            if path.hasSuffix(".build") || path.isEmpty { break }
        }
        return nil
    }

    /// Runs the probe with `arguments`, killing it after `limit` seconds.
    static func run(_ path: String, _ arguments: [String], limit: Int32 = 30) -> ProbeRun? {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return nil }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child = pid_t()
        let failed = posix_spawn(&child, path, &actions, nil, argv, environ)
        close(pipeEnds[1])
        guard failed == 0 else {
            close(pipeEnds[0])
            return nil
        }
        let output = readAll(pipeEnds[0], killing: child, after: limit)
        close(pipeEnds[0])
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        var values: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return ProbeRun(exitStatus: status, values: values)
    }

    private static func readAll(_ descriptor: Int32, killing child: pid_t, after limit: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let deadline = now.tv_sec + Int(limit)
        while true {
            clock_gettime(CLOCK_MONOTONIC, &now)
            guard now.tv_sec < deadline else {
                kill(child, SIGKILL)
                break
            }
            var watched = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&watched, 1, 1000)
            if ready < 0 && errno != EINTR { break }
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func number(_ key: String) -> Double? { values[key].flatMap(Double.init) }
}
