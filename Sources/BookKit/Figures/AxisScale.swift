import Foundation

/// A linear axis from zero to a round maximum, with evenly spaced round ticks
/// (steps of 1, 2 or 5 times a power of ten), as a reader expects on a chart.
struct AxisScale: Equatable {
    /// The end of the axis, at or above the largest value to show.
    let maximum: Double
    /// The distance between two ticks.
    let step: Double

    /// An axis that shows values up to `value` with about `targetTicks` intervals.
    /// A value of zero (or not a number) still gets a usable axis from 0 to 1.
    init(upTo value: Double, targetTicks: Int = 5) {
        let top = value.isFinite && value > 0 ? value : 1
        let raw = top / Double(max(targetTicks, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let normalised = raw / magnitude
        let nice: Double = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10
        step = nice * magnitude
        // The small tolerance keeps 0.3 / 0.1 = 2.9999999 from adding a needless tick.
        maximum = max(1, (top / step - 1e-9).rounded(.up)) * step
    }

    /// The tick values from 0 to `maximum` inclusive.
    var ticks: [Double] {
        let count = Int((maximum / step).rounded())
        return (0...count).map { Double($0) * step }
    }

    /// Where `value` falls on an axis drawn `length` units long.
    func position(of value: Double, length: Double) -> Double {
        length * min(max(value, 0), maximum) / maximum
    }

    /// A tick's text with just as many decimals as the step needs.
    func label(_ tick: Double) -> String {
        let decimals = max(0, Int(-floor(log10(step) + 1e-9)))
        return String(format: "%.\(decimals)f", tick)
    }
}
