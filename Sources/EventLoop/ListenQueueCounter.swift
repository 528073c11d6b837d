/// Linux's count of connections it turned away because a listening socket's accept
/// queue was full (`ListenOverflows` in `/proc/net/netstat`, what `netstat -s` calls
/// "times the listen queue of a socket overflowed"). The kernel drops the client's
/// handshake; the client tries again after a second. The count covers the whole network
/// namespace, every program in it, so read it before and after and take the difference.
public enum ListenQueueCounter {
    /// The count now; `nil` without `/proc/net/netstat` (macOS).
    public static func overflows() -> Int? {
        guard let text = readWholeFile("/proc/net/netstat") else { return nil }
        // Pairs of lines: "TcpExt: Name1 Name2 ..." then "TcpExt: value1 value2 ...".
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("TcpExt:") }
        guard lines.count >= 2 else { return nil }
        let names = lines[0].split(separator: " "), values = lines[1].split(separator: " ")
        guard let index = names.firstIndex(of: "ListenOverflows"), index < values.count else { return nil }
        return Int(values[index])
    }
}
