import Foundation

/// How figures print measured numbers: three significant digits, which is as precise
/// as a timing on a shared machine deserves, without an exponent a student must decode.
enum FigureNumber {
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let size = abs(value)
        let decimals = size >= 100 ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : size >= 0.1 ? 3 : size >= 0.01 ? 4 : 5
        if size == 0 { return "0" }
        return String(format: "%.\(decimals)f", value)
    }

    /// `value` followed by its unit, e.g. `0.213 s`, `1.26×`, `50%`; a unit-less value stands alone.
    static func text(_ value: Double, unit: String) -> String {
        if unit.isEmpty { return text(value) }
        return ["×", "x", "%"].contains(unit) ? text(value) + unit : "\(text(value)) \(unit)"
    }

    /// Two decimals, for SVG coordinates: short markup, sub-pixel precise.
    static func coordinate(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }
}
