import Foundation

/// A 64-bit FNV-1a hash, printed in hex: enough to tell whether a chapter's executable
/// or an example's source changed since the last good run. Not a cryptographic hash.
enum Fingerprint {
    static func of(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    static func of(_ text: String) -> String { of(Array(text.utf8)) }

    static func of(fileAt path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return data.withUnsafeBytes { of($0) }
    }
}
