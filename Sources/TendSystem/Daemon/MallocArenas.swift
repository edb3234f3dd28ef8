import CTendSystem
import Glibc

/// How many malloc arenas the process's threads share.
public enum MallocArenas {
    /// Makes every thread allocate from one arena; to be called before a second thread allocates. glibc gives
    /// a thread that meets contention an arena of its own (up to eight per core), each keeping free memory of
    /// its own; tend's threads seldom allocate at the same moment, so one arena costs no waiting and keeps
    /// the daemon's footprint the same from one start to the next. A limit the environment sets
    /// (`MALLOC_ARENA_MAX`, `GLIBC_TUNABLES=glibc.malloc.arena_max=N`) is left in force. Returns whether the
    /// limit is now one arena by this call.
    @discardableResult
    public static func useOne() -> Bool {
        if getenv("MALLOC_ARENA_MAX") != nil { return false }
        if let tunables = getenv("GLIBC_TUNABLES"), String(cString: tunables).contains("malloc.arena_max") { return false }
        return tend_process_use_one_malloc_arena() == 0
    }
}
