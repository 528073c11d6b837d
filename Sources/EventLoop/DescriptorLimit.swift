#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit on open descriptors (`RLIMIT_NOFILE`, what `ulimit -n` shows).
/// Every socket is a descriptor, so this limit bites first when connections pile up.
/// A process may raise its soft limit up to the hard one on its own; only a privileged
/// process may raise the hard one.
public enum DescriptorLimit {
    #if canImport(Glibc)
    private static let resource = Int32(RLIMIT_NOFILE.rawValue)  // an enum case in Glibc
    #else
    private static let resource = RLIMIT_NOFILE                  // a plain Int32 in Darwin
    #endif

    /// The soft and hard limits now.
    public static var current: (soft: Int, hard: Int) {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return (0, 0) }
        return (clamp(limit.rlim_cur), clamp(limit.rlim_max))
    }

    /// Raises the soft limit as far as the hard limit allows (on macOS, also at most
    /// `OPEN_MAX`, which `setrlimit` enforces there) and returns the soft limit in force.
    @discardableResult
    public static func raiseToHardLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return current.soft }
        #if canImport(Darwin)
        limit.rlim_cur = min(limit.rlim_max, rlim_t(OPEN_MAX))
        #else
        limit.rlim_cur = limit.rlim_max
        #endif
        _ = setrlimit(resource, &limit)
        return current.soft
    }

    private static func clamp(_ value: rlim_t) -> Int { value > rlim_t(Int.max) ? Int.max : Int(value) }
}
