import TendSupervisor

extension ControlError.Code {
    /// The HTTP status an error with this code is answered with.
    public var httpStatus: Int {
        switch self {
        case .badName, .unknownRoute, .noLogFile: return 404
        case .notRunning, .alreadyStarted: return 409
        case .invalidConfig: return 422
        case .badSignal, .badRequest: return 400
        case .bodyTooLarge: return 413
        case .shuttingDown: return 503
        case .spawnError, .failed: return 500
        }
    }
}
