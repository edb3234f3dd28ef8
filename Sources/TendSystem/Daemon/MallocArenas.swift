import CTendSystem

/// How many malloc arenas the process's threads share.
public enum MallocArenas {
    /// Makes every thread allocate from one arena; to be called before a second thread allocates. glibc gives
    /// a thread that meets contention an arena of its own (up to eight per core), each keeping free memory of
    /// its own; tend's threads seldom allocate at the same moment, so one arena costs no waiting and keeps
    /// the daemon's footprint the same from one start to the next. Returns whether the allocator agreed.
    @discardableResult
    public static func useOne() -> Bool {
        tend_process_use_one_malloc_arena() == 0
    }
}
