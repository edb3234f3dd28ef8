import Glibc
import TendControl
import Testing

@Suite struct SocketLockTests {
    @Test func aSecondLockOnTheSameSocketIsRefusedNamingTheHolder() throws {
        let scratch = ScratchDirectory()
        let socket = scratch.path + "/tend.sock"
        let first = try SocketLock.acquire(forSocket: socket)
        #expect {
            _ = try SocketLock.acquire(forSocket: socket)
        } throws: { error in
            "\(error)" == "another tend daemon (pid \(getpid())) is already serving this socket: it holds \(socket).lock"
        }
        first.release()
        _ = try SocketLock.acquire(forSocket: socket)
    }
}
