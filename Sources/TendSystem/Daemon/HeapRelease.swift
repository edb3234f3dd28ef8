import CTendSystem

/// Gives the heap's free pages back to the kernel.
public enum HeapRelease {
    /// Returns the free pages of every malloc arena to the kernel (glibc's `malloc_trim(0)`): memory a
    /// burst of work freed, which malloc would otherwise keep mapped, and resident, for good.
    public static func now() {
        _ = tend_process_release_free_memory()
    }
}
