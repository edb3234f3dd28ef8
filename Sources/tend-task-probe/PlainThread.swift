import CTendSystem

/// A thread outside the pool, named `probe-watch`, for measuring the pool without being part of it.
enum PlainThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    static func run(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        let failed = tend_tasks_start_thread("probe-watch", { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
        }, context)
        precondition(failed == 0, "cannot start a thread: \(failed)")
    }
}
