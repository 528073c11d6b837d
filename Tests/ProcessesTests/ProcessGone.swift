#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// True when no process `pid` exists any more (not even as a zombie waiting to be
/// reaped): `kill(pid, 0)` probes without sending anything and fails with `ESRCH`.
func processIsGone(_ pid: Int32) -> Bool {
    kill(pid, 0) == -1 && errno == ESRCH
}
