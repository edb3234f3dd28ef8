#if compiler(>=6.3)
@_spi(ExperimentalCustomExecutors) import _Concurrency

/// Makes the installed pool `Task.defaultExecutor`, keeping the main executor as it is, through the
/// runtime's executor factory (experimental SPI in Swift 6.3: `_createExecutors` just stores both).
/// Only then does `Task.sleep` find the pool (see `TaskThreadPool+Scheduling.swift`).
enum GlobalPoolExecutors: ExecutorFactory {
    nonisolated(unsafe) private static var pool: TaskThreadPool?

    static var mainExecutor: any MainExecutor { MainActor.executor }
    static var defaultExecutor: any TaskExecutor { pool! }

    /// Call once, from main, before any task exists (the stores are not atomic).
    static func makeDefault(_ pool: TaskThreadPool) {
        self.pool = pool
        _createExecutors(factory: GlobalPoolExecutors.self)
    }
}
#endif
